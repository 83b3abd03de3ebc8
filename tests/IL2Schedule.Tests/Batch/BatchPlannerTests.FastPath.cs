using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Batch;

// The batch's elapsed fast path (one zone lookup per cycle) must give up exactly where the rules
// need more than the cycle's start: a cycle whose window crosses a transition, a cycle start within
// hours of one, a first dose the zone skips or repeats, an offset with seconds. Each course is
// planned with the label's and the NCI's protocols (both elapsed) and must equal CoursePlanner's.
// Transitions (tzdb; Python zoneinfo agrees):
//   America/New_York  2027-03-14 02:00 EST (-05:00) -> 03:00 EDT (-04:00), at 07:00Z;
//                     2027-11-07 02:00 EDT (-04:00) -> 01:00 EST (-05:00), at 06:00Z.
//   Africa/Monrovia   -00:44:30 until 1972-01-07 00:44:30Z, then GMT (+00:00).
public partial class BatchPlannerTests
{
    private static readonly DateTimeZone Monrovia = DateTimeZoneProviders.Tzdb["Africa/Monrovia"];

    public static TheoryData<string, string> FastPathBoundaries() => new()
    {
        // Cycle 2 (2027-03-12 08:00 -05:00) crosses the spring change.
        { "2027-02-26T08:00", "America/New_York" },
        // Cycle 2's nominal start, 2027-03-14 12:00 -04:00, is 5 hours after the change.
        { "2027-02-28T12:00", "America/New_York" },
        // Cycle 1's window plus one infusion ends at 2027-11-07 05:59Z (inside the interval) and at
        // 06:00Z (the change itself).
        { "2027-11-02T01:44", "America/New_York" },
        { "2027-11-02T01:45", "America/New_York" },
        // First doses the zone skips and repeats.
        { "2027-03-14T02:30", "America/New_York" },
        { "2027-11-07T01:30", "America/New_York" },
        // -00:44:30 is not whole minutes (rejected); cycle 1 crossing into GMT (rejected); all GMT (planned).
        { "1971-12-10T08:00", "Africa/Monrovia" },
        { "1972-01-03T08:00", "Africa/Monrovia" },
        { "1972-01-10T08:00", "Africa/Monrovia" },
    };

    [Theory]
    [MemberData(nameof(FastPathBoundaries))]
    public void FastPathBoundary_EqualsCoursePlanner(string firstDose, string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        CourseRequest[] requests = [new(Local(firstDose), zone, 0), new(Local(firstDose), zone, 2)];
        var columns = CourseColumns.Allocate(requests.Length, Planner.DosesPerCourse, withDoseEndsAndCycles: true);

        var result = Planner.Plan(requests, columns);

        AssertEqualsSingleCoursePlanning(requests, columns, result);
    }

    // Near 9999-12-31 the walker checks the calendar only after the first dose is mapped, so a first
    // dose that New York repeats (9999-11-07 01:30, the first Sunday of November) is reported as
    // repeated even when its course would pass 9999-12-31 (five elapsed cycles: 4 × 14 + 5 days, and
    // the walker's 2 spare days, to 10000-01-09); a first dose on 9999-11-10 is reported as passing
    // it. One on 9999-10-01 (its doses end by 9999-12-03) takes the walker's path too and fails with
    // the ArgumentOutOfRangeException CoursePlanner throws for it, with either protocol.
    [Fact]
    public void FastPathBoundary_NearTheEndOfTheCalendar_FailsAsCoursePlannerDoes()
    {
        CourseProtocol[] protocols = [CourseProtocol.Label, new CourseProtocolBuilder(CourseProtocol.Label) { CycleCount = 5 }.Build()];
        var planner = new BatchPlanner(protocols);
        CourseRequest[] requests =
        [
            new(Local("9999-11-07T01:30"), NewYork, 1),
            new(Local("9999-11-10T08:00"), NewYork, 1),
            new(Local("9999-10-01T08:00"), NewYork, 1),
            new(Local("9999-10-01T08:00"), NewYork, 0),
        ];
        var columns = CourseColumns.Allocate(requests.Length, planner.DosesPerCourse, withDoseEndsAndCycles: true);

        var result = planner.Plan(requests, columns);

        AssertEqualsSingleCoursePlanning(protocols, null, NonWorkingDayShift.Next, requests, columns, result);
        result.Failures.Select(failure => (failure.Index, failure.Exception.GetType().Name))
            .Should().Equal(
                (0L, nameof(LocalTimeMappingException)),
                (1L, nameof(ArgumentOutOfRangeException)),
                (2L, nameof(ArgumentOutOfRangeException)),
                (3L, nameof(ArgumentOutOfRangeException)));
    }

    // Unix-epoch ticks from Python zoneinfo (int(datetime(..., tzinfo=ZoneInfo(zone)).timestamp()) * 10**7).
    [Fact]
    public void FastPathBoundary_CoursesAreTheHandWorkedTicks()
    {
        CourseRequest[] requests =
        [
            new(Local("2027-02-26T08:00"), NewYork),
            new(Local("2027-11-02T01:45"), NewYork),
            new(Local("1972-01-10T08:00"), Monrovia),
            new(Local("1971-12-10T08:00"), Monrovia),
        ];
        var columns = CourseColumns.Allocate(requests.Length, Planner.DosesPerCourse);

        var result = Planner.Plan(requests, columns);

        // 2027-02-26 08:00 -05:00 (13:00Z); dose 15, cycle 2, 2027-03-12 08:00 -05:00 (13:00Z);
        // dose 28 = 13 × 8 h later, 2027-03-16 21:00Z = 17:00 -04:00; the course ends 15 minutes later.
        columns.DoseStartsOf(0).ToArray().Should().HaveCount(28);
        (columns.DoseStartsOf(0)[0], columns.DoseStartsOf(0)[14], columns.DoseStartsOf(0)[27])
            .Should().Be((18036468000000000L, 18048564000000000L, 18052308000000000L));
        columns.CourseEnds[0].Should().Be(18052308000000000L + 9_000_000_000L);
        // 2027-11-02 01:45 -04:00 (05:45Z); dose 14 = 104 h later, 2027-11-06 09:45 -04:00 (13:45Z);
        // dose 15, 2027-11-16 01:45 -05:00 (06:45Z).
        (columns.DoseStartsOf(1)[0], columns.DoseStartsOf(1)[13], columns.DoseStartsOf(1)[14])
            .Should().Be((18251343000000000L, 18255087000000000L, 18263475000000000L));
        // Monrovia 1972-01-10 08:00 +00:00.
        columns.DoseStartsOf(2)[0].Should().Be(638784000000000L);
        // The offset with seconds is a failure, as CoursePlanner's OffsetWithSeconds.
        result.Failures.Select(failure => failure.Index).Should().Equal(3);
        result.Failures.Should().AllSatisfy(failure => failure.Message.Should().Contain("offset with seconds"));
    }
}
