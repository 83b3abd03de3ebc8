using System.Text.Json;
using FluentAssertions;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Serialization;

/// <summary>Regression tests for what fuzzing the plan reader found (fuzz/run.sh plan; docs/testing.md).</summary>
public partial class CourseScheduleJsonTests
{
    // Found by AFL++ (8 crashes in 10 minutes): a property given twice in one object (here doses[0]'s
    // numberInCycle; also cycle, start, end and doseMg) was read by the serializer (the last value
    // wins) and then threw ArgumentException ("An item with the same key has already been added")
    // from the consistency check, an exception Deserialize does not document.
    [Theory]
    [InlineData("\"numberInCycle\": 1,")]
    [InlineData("\"zone\": \"America/New_York\",")]
    public void Deserialize_PropertyGivenTwiceInAnObject_ThrowsJsonException(string property)
    {
        string json = CourseScheduleJson.Serialize(new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York"));
        int at = json.IndexOf(property, StringComparison.Ordinal);
        string duplicated = json.Insert(at, property + " ");

        var act = () => CourseScheduleJson.Deserialize(duplicated);

        act.Should().ThrowExactly<JsonException>().Which.Message.Should()
            .StartWith("The course schedule document is not valid JSON (a property may appear only once in an object): ");
    }
}
