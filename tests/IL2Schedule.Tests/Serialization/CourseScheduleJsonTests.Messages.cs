using System.Text.Json;
using FluentAssertions;
using IL2Schedule.Serialization;

namespace IL2Schedule.Tests.Serialization;

/// <summary>The plan reader's messages name the document's parts, not the library's internal types.</summary>
public partial class CourseScheduleJsonTests
{
    [Fact]
    public void Deserialize_ObjectWithoutTheScheduleProperties_NamesTheDocumentNotAnInternalType()
    {
        var act = () => CourseScheduleJson.Deserialize("{\"a\":1}");

        var message = act.Should().ThrowExactly<JsonException>().Which.Message;
        message.Should().StartWith("JSON deserialization for the course schedule document was missing required properties");
        message.Should().NotContain("IL2Schedule.Serialization");
    }

    // A value of the wrong JSON type: the serializer's message, with the document named instead of
    // the internal type, and the value's path and line kept.
    [Fact]
    public void Deserialize_AZoneThatIsANumber_NamesThePathNotAnInternalType()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample()))!.AsObject();
        document["zone"] = 5;

        var act = () => CourseScheduleJson.Deserialize(document.ToJsonString());

        var exception = act.Should().ThrowExactly<JsonException>().Which;
        exception.Path.Should().Be("$.zone");
        exception.LineNumber.Should().Be(0);
        exception.BytePositionInLine.Should().Be(27);
        // {"schemaVersion":1,"zone":5 : the number ends at byte 27 of line 0.
        exception.Message.Should().Be("The JSON value could not be converted to the course schedule document. Path: $.zone | LineNumber: 0 | BytePositionInLine: 27.");
    }

    // Numbers where the document's parts are objects or strings: the path is kept, no internal type is named.
    [Theory]
    [InlineData("doses", "$.doses[0]")]
    [InlineData("cycles", "$.cycles[0]")]
    [InlineData("nextCourseWindow", "$.nextCourseWindow")]
    [InlineData("workingDays", "$.workingDays")]
    [InlineData("doseTiming", "$.doseTiming")]
    public void Deserialize_APartThatIsANumber_NamesItsPathNotAnInternalType(string property, string path)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample()))!.AsObject();
        if (document[property] is System.Text.Json.Nodes.JsonArray array)
        {
            array[0] = 5;
        }
        else
        {
            document[property] = 5;
        }

        var act = () => CourseScheduleJson.Deserialize(document.ToJsonString());

        var exception = act.Should().ThrowExactly<JsonException>().Which;
        exception.Path.Should().Be(path);
        exception.Message.Should().Contain($"Path: {path} |").And.NotContain("IL2Schedule");
    }
}
