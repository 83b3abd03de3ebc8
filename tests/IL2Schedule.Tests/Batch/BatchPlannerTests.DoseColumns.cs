using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;

namespace IL2Schedule.Tests.Batch;

public partial class BatchPlannerTests
{
    // Worked example (America/New_York, EST -05:00 until 2027-03-14 02:00, then EDT -04:00):
    // dose 13 starts 09:00 EDT = 13:00Z and ends 15 minutes later; doses 1-14 are cycle 1, 15-28
    // cycle 2. With calendar days and a 16:00 first dose, cycle 1 holds 13 dose times (16:00 + 4 x 3),
    // so dose 14 already opens cycle 2: the cycle is not the dose's index over the cap.
    [Fact]
    public void DoseColumns_GiveEachDosesEndAndCycle()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var calendarDays = new CourseProtocolBuilder(CourseProtocol.Label) { CycleWindowCounting = CycleWindowCounting.CalendarDays }.Build();
        var planner = new BatchPlanner([CourseProtocol.Label, calendarDays]);
        CourseRequest[] requests = [new(new LocalDateTime(2027, 3, 10, 8, 0), newYork), new(new LocalDateTime(2027, 4, 15, 16, 0), newYork, 1)];
        var columns = CourseColumns.Allocate(requests.Length, planner.DosesPerCourse, withDoseEndsAndCycles: true);

        planner.Plan(requests, columns);

        columns.DoseEndsOf(0)[12].Should().Be(Instant.FromUtc(2027, 3, 14, 13, 15));
        columns.DoseCycleNumbersOf(0).ToArray().Should().Equal(Enumerable.Repeat((byte)1, 14).Concat(Enumerable.Repeat((byte)2, 14)));
        columns.DoseCycleNumbersOf(1).ToArray().Should().Equal(Enumerable.Repeat((byte)1, 13).Concat(Enumerable.Repeat((byte)2, 13)));
        columns.DoseEnds[planner.DosesPerCourse + 26].Should().Be(default(Instant), "slots past the dose count are cleared");
    }

    // Columns allocated without dose ends plan the same starts, write no ends, and say so when asked for them.
    [Fact]
    public void DoseColumns_WithoutEnds_PlanTheSameStartsAndRefuseToGiveEnds()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        CourseRequest[] requests = [new(new LocalDateTime(2027, 3, 10, 8, 0), newYork)];
        var planner = new BatchPlanner(CourseProtocol.Label);
        var columns = CourseColumns.Allocate(1, planner.DosesPerCourse);

        planner.Plan(requests, columns);

        columns.DoseEnds.Length.Should().Be(0);
        columns.DoseStartsOf(0)[12].Should().Be(Instant.FromUtc(2027, 3, 14, 13, 0));
        var act = () => columns.DoseEndsOf(0).Length;
        act.Should().ThrowExactly<InvalidOperationException>().WithMessage("These columns hold no dose ends or cycle numbers; allocate them with withDoseEndsAndCycles: true.");
    }

    // A request's full schedule is CoursePlanner's with the request's discharge date applied.
    [Fact]
    public void ScheduleOf_IsTheSingleCourseSchedule_WithTheRequestsDischarge()
    {
        var utc = DateTimeZoneProviders.Tzdb["Etc/UTC"];
        var request = new CourseRequest(new LocalDateTime(2027, 3, 10, 8, 0), utc, 0, new LocalDate(2027, 4, 10));

        var schedule = new BatchPlanner(CourseProtocol.Label).ScheduleOf(request);

        schedule.Should().Be(new CoursePlanner().Plan(request.FirstDose, utc).WithDischargeDate(new LocalDate(2027, 4, 10)));
        // Discharge 04-10 + 7 weeks = 05-29, later than course end date 03-28 + 6 weeks = 05-09.
        schedule.NextCourseWindow.Dates!.Start.Should().Be(new LocalDate(2027, 5, 29));
        var outOfRange = () => new BatchPlanner(CourseProtocol.Label).ScheduleOf(new CourseRequest(request.FirstDose, utc, 1));
        outOfRange.Should().Throw<ArgumentOutOfRangeException>().WithMessage("protocolIndex must be in range [0, 1); was 1*");
    }
}
