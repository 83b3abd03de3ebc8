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

    // A value of the wrong JSON type is the serializer's own exception, with the value's path and line kept
    // (its message is the serializer's too, so it is not compared here).
    [Fact]
    public void Deserialize_AZoneThatIsANumber_KeepsTheSerializersPath()
    {
        var schedule = new CoursePlanner().Plan(new NodaTime.LocalDateTime(2027, 3, 10, 8, 0), "America/New_York");
        var document = System.Text.Json.Nodes.JsonNode.Parse(CourseScheduleJson.Serialize(schedule))!.AsObject();
        document["zone"] = 5;

        var act = () => CourseScheduleJson.Deserialize(document.ToJsonString());

        var exception = act.Should().ThrowExactly<JsonException>().Which;
        exception.Path.Should().Be("$.zone");
        exception.LineNumber.Should().Be(0);
    }
}
