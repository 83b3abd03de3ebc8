using FluentAssertions;
using IL2Schedule.Batch;

namespace IL2Schedule.Tests.Batch;

/// <summary>Protocol options added after the batch planner (issue 4) are refused up front, never planned as something else.</summary>
public partial class BatchPlannerTests
{
    [Fact]
    public void StandardTimes_IsRejectedUpFront()
    {
        var act = () => new BatchPlanner(CourseProtocol.Label.WithDoseTiming(DoseTiming.StandardTimes));

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().StartWith(
            "protocols[0].DoseTiming must be Elapsed or WallClock for the batch planner; was StandardTimes. Plan such courses one at a time with CoursePlanner.");
    }

    [Fact]
    public void CalendarDayWindows_AreRejectedUpFront()
    {
        var protocol = new CourseProtocolBuilder(CourseProtocol.Label) { CycleWindowCounting = CycleWindowCounting.CalendarDays }.Build();

        var act = () => new BatchPlanner(protocol);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().StartWith(
            "protocols[0] uses a setting the batch planner does not support");
    }

    // Review finding: a custom protocol whose last infusion (7-hourly doses of 6 hours) ends after
    // the last window closes. Santiago leaves DST on 2027-04-04 00:00 (-03 -> -04); the course's
    // last infusion ends 2027-04-03 23:30 -04:00 per CoursePlanner, so the course end date is
    // 04-03, imaging 05-01 and the window starts 05-15. The batch used the window end's offset.
    [Fact]
    public void CustomProtocol_InfusionPastTheWindow_HasCoursePlannersFollowUpDates()
    {
        var protocol = new CourseProtocolBuilder(CourseProtocol.Label)
        {
            DosingInterval = NodaTime.Duration.FromHours(7),
            InfusionDuration = NodaTime.Duration.FromHours(6),
            MaxDosesPerCycle = 18,
        }.Build();
        var santiago = NodaTime.DateTimeZoneProviders.Tzdb["America/Santiago"];
        var firstDose = new NodaTime.LocalDateTime(2027, 3, 15, 19, 30);
        var single = new IL2Schedule.CoursePlanner(protocol).Plan(firstDose, santiago);
        var planner = new BatchPlanner(protocol);
        var columns = CourseColumns.Allocate(1, planner.DosesPerCourse);

        planner.Plan([new CourseRequest(firstDose, santiago)], columns).Failures.Should().BeEmpty();

        columns.CourseEnds[0].Should().Be(single.CourseEnd.ToInstant());
        columns.ResponseAssessmentDates[0].Should().Be(single.ResponseAssessmentDate);
        columns.NextCourseWindowStarts[0].Should().Be(single.NextCourseWindow.ByCourseEnd.Start);
        single.ResponseAssessmentDate.Should().Be(new NodaTime.LocalDate(2027, 5, 1));
    }
}
