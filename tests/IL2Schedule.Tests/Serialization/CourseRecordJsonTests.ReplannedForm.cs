using System.Text.Json.Nodes;
using FluentAssertions;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Serialization;

/// <summary>
/// The re-planned form's values that are null or absent while a course runs or when it ends
/// without a dose: a running cycle's <c>endReason</c>, <c>superseded</c> without a correction, and
/// the window and its reasons of a course stopped before its first dose. The worked example:
/// first dose 2027-03-10T08:00 America/New_York (EST -05:00 until 2027-03-14 02:00, then EDT -04:00).
/// </summary>
public class CourseRecordJsonReplannedFormTests
{
    private static CourseRecord WorkedExample() =>
        CourseRecord.Start(new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York"));

    private static JsonObject Written(CourseRecord record) =>
        JsonNode.Parse(CourseRecordJson.SerializeSchedule(record.Schedule, indented: false))!.AsObject();

    // Each cycle's endReason as its JSON text, "(absent)" if the property is not written.
    private static string[] EndReasons(JsonObject document) =>
        [.. document["cycles"]!.AsArray().Select(cycle => cycle!.AsObject().TryGetPropertyValue("endReason", out var reason) ? reason?.ToJsonString() ?? "null" : "(absent)")];

    // Nothing recorded: both cycles are running, nothing was corrected, and the window (2027-03-28
    // + 6 weeks = 05-09 to + 12 weeks = 06-20) has no reason to move.
    [Fact]
    public void SerializeSchedule_ACourseNotStarted_WritesNullEndReasons_NoSuperseded_AndNoWindowReasons()
    {
        var document = Written(WorkedExample());

        EndReasons(document).Should().Equal("null", "null");
        document.ContainsKey("superseded").Should().BeFalse();
        document["courseComplete"]!.ToJsonString().Should().Be("false");
        document["nextCourseWindow"]!.ToJsonString().Should().Be("{\"start\":\"2027-05-09\",\"end\":\"2027-06-20\"}");
        document["nextCourseWindowReasons"]!.ToJsonString().Should().Be("[]");
    }

    // Stopped at 07:00 -05:00, an hour before the first dose: every slot is cancelled, both cycles
    // end with the course, and there is no course end, imaging date or window to give reasons for.
    [Fact]
    public void SerializeSchedule_ACourseStoppedBeforeItsFirstDose_WritesNoWindowAndNoWindowReasons()
    {
        var record = WorkedExample().Apply(new CourseStopped("end", Instant.FromUtc(2027, 3, 10, 12, 0), "consent withdrawn"));

        var document = Written(record);

        EndReasons(document).Should().Equal("\"courseStopped\"", "\"courseStopped\"");
        document["courseComplete"]!.ToJsonString().Should().Be("true");
        foreach (string name in new[] { "courseEnd", "courseEndDate", "imagingDate", "nextCourseWindow", "nextCourseWindowReasons", "nextCourseWindowNote" })
        {
            document.TryGetPropertyValue(name, out var value).Should().BeTrue(name + " is written");
            value.Should().BeNull(name + " is null");
        }
    }
}
