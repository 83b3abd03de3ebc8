using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

/// <content>The end of the calendar: events whose dates would pass 9999-12-31 are rejected by rule OutOfRange, with none thrown and caught inside.</content>
public partial class CourseRecordTests
{
    // Plan 9999-09-20 08:00 UTC (Etc/UTC, +00:00): course end date 9999-10-08, window end 9999-12-31.
    // Cycle 2 rescheduled to its own day 15, 9999-10-04 08:00: dose 14 at +104 h = 9999-10-08 16:00, ending 16:15, so the course end date stays 9999-10-08 and
    // the window ends on 9999-12-31 exactly (+ P12W = 84 days): accepted. Rescheduled onto 9999-12-31
    // 08:00 itself, its window would close 120 h later, in year 10000: rejected as out of range.
    [Fact]
    public void Apply_RescheduleAtTheEndOfTheCalendar_IsAcceptedUpToTheLastDateAndRejectedOnIt()
    {
        var plan = new CoursePlanner().Plan(Local("9999-09-20T08:00"), DateTimeZoneProviders.Tzdb["Etc/UTC"]);
        var record = CourseRecord.Start(plan);

        var moved = record.Apply(new CycleRescheduled("r1", 2, Local("9999-10-04T08:00")));

        Rfc3339(moved.Schedule.CourseEnd!.Value).Should().Be("9999-10-08T16:15:00+00:00");
        Iso(moved.Schedule.NextCourseWindow!.Dates!.End).Should().Be("9999-12-31");
        ShouldReject(record, new CycleRescheduled("r2", 2, Local("9999-12-31T08:00")), CourseEventRule.OutOfRange,
            "cycleRescheduled r2 (cycle 2, new start 9999-12-31T08:00:00) is rejected: the dates that follow would pass 9999-12-31, the last date that can be represented.");
    }
}
