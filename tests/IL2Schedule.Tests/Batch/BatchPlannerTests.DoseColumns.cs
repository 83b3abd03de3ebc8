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

        columns.DoseEndInstant(0, 12).Should().Be(Instant.FromUtc(2027, 3, 14, 13, 15));
        columns.DoseCycleNumbersOf(0).ToArray().Should().Equal(Enumerable.Repeat((byte)1, 14).Concat(Enumerable.Repeat((byte)2, 14)));
        columns.DoseCycleNumbersOf(1).ToArray().Should().Equal(Enumerable.Repeat((byte)1, 13).Concat(Enumerable.Repeat((byte)2, 13)));
        columns.DoseEnds[planner.DosesPerCourse + 26].Should().Be(0, "slots past the dose count are cleared");
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
        columns.DoseStartInstant(0, 12).Should().Be(Instant.FromUtc(2027, 3, 14, 13, 0));
        var act = () => columns.DoseEndsOf(0).Length;
        act.Should().ThrowExactly<InvalidOperationException>().WithMessage("These columns hold no dose ends or cycle numbers; allocate them with withDoseEndsAndCycles: true.");
    }

    // The columns hold ticks (100 ns), so a first dose with a finer fraction of a second is a
    // failure, not rounded; one with whole ticks (08:00:00.0000001) is planned to the tick.
    [Fact]
    public void FirstDose_WithPartOfATick_IsAFailure_AndWholeTicksArePlanned()
    {
        var utc = DateTimeZoneProviders.Tzdb["Etc/UTC"];
        var planner = new BatchPlanner(CourseProtocol.Label);
        var eight = new LocalDateTime(2027, 3, 10, 8, 0);
        CourseRequest[] requests = [new(eight.PlusNanoseconds(150), utc), new(eight.PlusNanoseconds(100), utc)];
        var columns = CourseColumns.Allocate(requests.Length, planner.DosesPerCourse);

        var result = planner.Plan(requests, columns);

        result.Failures.Should().ContainSingle();
        result.Failures[0].Index.Should().Be(0);
        result.Failures[0].Exception.Should().BeOfType<ArgumentException>().Which.ParamName.Should().Be("firstDose");
        result.Failures[0].Message.Should().Be("firstDose must be a whole number of ticks (100 ns), the resolution the planning rules compute at; was 2027-03-10T08:00:00.000000150 (Parameter 'firstDose')");
        columns.DoseCounts[0].Should().Be(0);
        var single = () => new CoursePlanner().Plan(requests[0].FirstDose, utc);
        single.Should().ThrowExactly<ArgumentException>().WithMessage(result.Failures[0].Message);
        // 2027-03-10T08:00Z is 18046656000000000 ticks (Python: timestamp() × 10^7); + 1 tick.
        columns.DoseStartsOf(1)[0].Should().Be(18046656000000001L);
    }

    // Each helper names the offending index and its range.
    [Fact]
    public void InstantHelpers_OutsideTheCourseOrItsDoses_AreRejected()
    {
        var utc = DateTimeZoneProviders.Tzdb["Etc/UTC"];
        var planner = new BatchPlanner(CourseProtocol.Label);
        var columns = CourseColumns.Allocate(1, planner.DosesPerCourse);
        planner.Plan([new CourseRequest(new LocalDateTime(2027, 3, 10, 8, 0), utc)], columns);

        var pastTheDoses = () => columns.DoseStartInstant(0, 28);
        var noSuchCourse = () => columns.CourseEndInstant(1);

        pastTheDoses.Should().ThrowExactly<ArgumentOutOfRangeException>().WithMessage("dose must be in range [0, 28) for course 0; was 28*");
        noSuchCourse.Should().ThrowExactly<ArgumentOutOfRangeException>().WithMessage("course must be in range [0, 1); was 1*");
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
