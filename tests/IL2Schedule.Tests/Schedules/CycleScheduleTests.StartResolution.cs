using FluentAssertions;
using NodaTime;

namespace IL2Schedule.Tests.Schedules;

/// <content>
/// How each cycle start was resolved, on America/New_York: 2027-03-14 02:00 EST (-05:00) jumps to
/// 03:00 EDT (-04:00); 2027-11-07 02:00 EDT falls back to 01:00 EST, so 01:00-01:59 happens twice.
/// Cycle 2 starts 14 days after the requested first dose, at the same clock time.
/// </content>
public partial class CycleScheduleTests
{
    [Fact]
    public void StartResolution_WorkedExample_IsAsPlannedForBothCycles()
    {
        var course = new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), NewYork);

        course.Cycles.Select(cycle => cycle.StartResolution).Should().Equal(CycleStartResolution.AsPlanned, CycleStartResolution.AsPlanned);
    }

    // First dose 2027-02-28 02:30 EST (exists). Cycle 2 nominally 2027-03-14 02:30, skipped:
    // moved forward by the 1-hour gap to 03:30 -04:00 = 07:30Z.
    [Fact]
    public void StartResolution_LaterCycleInAGap_IsShiftedForward()
    {
        var course = new CoursePlanner().Plan(new LocalDateTime(2027, 2, 28, 2, 30), NewYork);

        course.Cycles[0].StartResolution.Should().Be(CycleStartResolution.AsPlanned);
        course.Cycles[1].NominalStart.Should().Be(new LocalDateTime(2027, 3, 14, 2, 30));
        course.Cycles[1].Start.ToInstant().Should().Be(Instant.FromUtc(2027, 3, 14, 7, 30));
        course.Cycles[1].StartResolution.Should().Be(CycleStartResolution.ShiftedForward);
    }

    // First dose 2027-10-24 01:30 EDT. Cycle 2 nominally 2027-11-07 01:30, repeated: the earlier
    // instant, 01:30 -04:00 = 05:30Z (the later would be 01:30 -05:00 = 06:30Z).
    [Fact]
    public void StartResolution_LaterCycleInAnOverlap_IsTheEarlierOffset()
    {
        var course = new CoursePlanner().Plan(new LocalDateTime(2027, 10, 24, 1, 30), NewYork);

        course.Cycles[1].Start.ToInstant().Should().Be(Instant.FromUtc(2027, 11, 7, 5, 30));
        course.Cycles[1].StartResolution.Should().Be(CycleStartResolution.EarlierOffset);
    }

    // Cycle 1 is the first dose, whose instant the caller fixed: 2027-03-14 02:30 (skipped) with
    // the lenient resolver is 03:30 -04:00 = 07:30Z; the resolver that returns the start of the
    // interval after the gap gives 03:00 -04:00 = 07:00Z. 2027-11-07 01:30
    // (repeated) given as the later instant, 01:30 -05:00 = 06:30Z.
    [Fact]
    public void StartResolution_FirstCycle_SaysWhichResolutionTheCallerChose()
    {
        var planner = new CoursePlanner();
        var gap = new LocalDateTime(2027, 3, 14, 2, 30);
        var overlap = new LocalDateTime(2027, 11, 7, 1, 30);

        planner.Plan(gap, NewYork, NodaTime.TimeZones.Resolvers.LenientResolver).Cycles[0].StartResolution
            .Should().Be(CycleStartResolution.ShiftedForward);
        var afterGap = NodaTime.TimeZones.Resolvers.CreateMappingResolver(NodaTime.TimeZones.Resolvers.ReturnEarlier, NodaTime.TimeZones.Resolvers.ReturnStartOfIntervalAfter);
        var startOfInterval = planner.Plan(gap, NewYork, afterGap).Cycles[0];
        startOfInterval.Start.ToInstant().Should().Be(Instant.FromUtc(2027, 3, 14, 7, 0));
        startOfInterval.StartResolution.Should().Be(CycleStartResolution.OtherInstantInGap);
        planner.Plan(overlap, NewYork, NodaTime.TimeZones.Resolvers.LenientResolver).Cycles[0].StartResolution
            .Should().Be(CycleStartResolution.EarlierOffset);
        var later = Instant.FromUtc(2027, 11, 7, 6, 30).InZone(NewYork);
        planner.Plan(later).Cycles[0].StartResolution.Should().Be(CycleStartResolution.LaterOffset);
    }
}
