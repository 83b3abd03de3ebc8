using System.Text.Json.Nodes;
using FluentAssertions;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Serialization;

/// <summary>How the planned form writes a protocol's standard administration times.</summary>
public partial class CourseScheduleJsonTests
{
    // Outside standard-time dosing the times are not checked, so one may have seconds: it is written
    // with them ("08:00:30"), and the whole-minute ones as hours and minutes ("00:00", "16:00").
    [Fact]
    public void Serialize_AStandardTimeWithSeconds_KeepsTheSeconds()
    {
        var protocol = new CourseProtocolBuilder
        {
            StandardAdministrationTimes = [new LocalTime(0, 0), new LocalTime(8, 0, 30), new LocalTime(16, 0)],
        }.Build();
        var schedule = new CoursePlanner(protocol).Plan(new LocalDateTime(2027, 3, 10, 8, 0), NewYork);

        string json = CourseScheduleJson.Serialize(schedule, indented: false);

        JsonNode.Parse(json)!["protocol"]!["standardAdministrationTimes"]!.ToJsonString().Should().Be("[\"00:00\",\"08:00:30\",\"16:00\"]");
        CourseScheduleJson.Deserialize(json).Protocol.StandardAdministrationTimes.Should().Equal(new LocalTime(0, 0), new LocalTime(8, 0, 30), new LocalTime(16, 0));
    }
}
