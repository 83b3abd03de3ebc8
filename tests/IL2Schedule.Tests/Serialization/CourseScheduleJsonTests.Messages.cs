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
}
