using FluentAssertions;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Planning;

// CycleWindowCounting.CalendarDays: a cycle's doses are the dose times on its 5 calendar days
// (day 1 = the local date of its nominal start), capped by MaxDosesPerCycle. Hand-worked with
// 8-hourly elapsed doses in America/New_York in June (EDT, -04:00, no change).
public partial class CoursePlannerTests
{
    private static CourseProtocol CalendarDays(CourseProtocol from) =>
        new CourseProtocolBuilder(from) { CycleWindowCounting = CycleWindowCounting.CalendarDays }.Build();

    // Days 1-5 are 06-01..06-05; the window ends at 06-06 00:00 -04:00 (exclusive).
    // 00:00: 3 a day x 5 = 15 dose times, cap 14: last dose 06-05 08:00.
    // 08:00: 08:00 and 16:00 on day 1, then 3 a day = 2 + 12 = 14: last 06-05 16:00.
    // 16:00: 16:00 on day 1 + 12 = 13 (the 14th would be 06-06 00:00, day 6): the window binds.
    // 23:30: 23:30 on day 1, then 07:30, 15:30, 23:30 on days 2-5 = 13: last 06-05 23:30.
    [Theory]
    [InlineData("2027-06-01T00:00", 15, 14, CycleBound.Cap, "2027-06-05T08:00:00-04:00")]
    [InlineData("2027-06-01T08:00", 14, 14, CycleBound.Cap, "2027-06-05T16:00:00-04:00")]
    [InlineData("2027-06-01T16:00", 13, 13, CycleBound.Window, "2027-06-05T16:00:00-04:00")]
    [InlineData("2027-06-01T23:30", 13, 13, CycleBound.Window, "2027-06-05T23:30:00-04:00")]
    public void Plan_CalendarDays_CapacityDependsOnTheFirstDosesClockTime(string firstDose, int capacity, int doses, CycleBound boundBy, string lastDose)
    {
        var schedule = Plan(firstDose, "America/New_York", CalendarDays(CourseProtocol.Label));

        foreach (var cycle in schedule.Cycles)
        {
            cycle.WindowDoseCapacity.Should().Be(capacity);
            cycle.Doses.Should().HaveCount(doses);
            cycle.BoundBy.Should().Be(boundBy);
        }
        Rfc3339(schedule.Cycles[0].WindowEnd).Should().Be("2027-06-06T00:00:00-04:00");
        Rfc3339(schedule.Cycles[0].Doses[^1].Start).Should().Be(lastDose);
        Rfc3339(schedule.Cycles[1].WindowEnd).Should().Be("2027-06-20T00:00:00-04:00");
        schedule.Doses.Should().HaveCount(2 * doses);
        schedule.Doses.Select(dose => dose.Number).Should().Equal(Enumerable.Range(1, 2 * doses));
    }

    // With a 16:00 first dose cycle 2 (06-15 16:00) also has 13 doses: numbers 14-26, the last on
    // 06-19 16:00; the course ends 16:15, imaging 4 weeks after 06-19 = 07-17.
    [Fact]
    public void Plan_CalendarDays_At1600_GivesTwentySixDoses()
    {
        var schedule = Plan("2027-06-01T16:00", "America/New_York", CalendarDays(CourseProtocol.Label));

        schedule.Cycles[1].Doses[0].Number.Should().Be(14);
        schedule.Cycles[1].Doses[0].NumberInCycle.Should().Be(1);
        Rfc3339(schedule.CourseEnd).Should().Be("2027-06-19T16:15:00-04:00");
        Iso(schedule.ResponseAssessmentDate).Should().Be("2027-07-17");
    }

    // NCI's cap is 15: at 00:00 the window holds exactly 15, and the cap is what was reached.
    [Fact]
    public void Plan_CalendarDays_NciAtMidnight_CapEqualsCapacity()
    {
        var schedule = Plan("2027-06-01T00:00", "America/New_York", CalendarDays(CourseProtocol.NciSurgeryBranch));

        schedule.Cycles[0].Doses.Should().HaveCount(15);
        schedule.Cycles[0].WindowDoseCapacity.Should().Be(15);
        schedule.Cycles[0].BoundBy.Should().Be(CycleBound.Cap);
        Rfc3339(schedule.Cycles[0].Doses[^1].Start).Should().Be("2027-06-05T16:00:00-04:00");
    }

    // America/New_York, spring 2027 (03-14 02:00 EST -> 03:00 EDT). First dose 03-10 16:00 -05:00,
    // elapsed timing: days 1-5 are 03-10..03-14, window end 03-15 00:00 -04:00. Doses 16:00 on
    // day 1; 00:00, 08:00, 16:00 on 03-11..03-13; 00:00 -05:00, 09:00 -04:00, 17:00 -04:00 on
    // 03-14 = 13. The next, 03-15 01:00 -04:00, is on day 6.
    [Fact]
    public void Plan_CalendarDays_AcrossTheSpringChange()
    {
        var schedule = Plan("2027-03-10T16:00", "America/New_York", CalendarDays(CourseProtocol.Label));

        var cycle = schedule.Cycles[0];
        cycle.Doses.Should().HaveCount(13);
        Rfc3339(cycle.Doses[^2].Start).Should().Be("2027-03-14T09:00:00-04:00");
        Rfc3339(cycle.Doses[^1].Start).Should().Be("2027-03-14T17:00:00-04:00");
        Rfc3339(cycle.WindowEnd).Should().Be("2027-03-15T00:00:00-04:00");
    }

    // The default window is unchanged: 120 elapsed hours hold 15 slots whatever the clock time.
    [Theory]
    [InlineData("2027-06-01T00:00")]
    [InlineData("2027-06-01T16:00")]
    [InlineData("2027-06-01T23:30")]
    public void Plan_ElapsedWindow_HoldsFifteenSlotsAndTheCapBinds(string firstDose)
    {
        var schedule = Plan(firstDose, "America/New_York");

        schedule.Cycles.Should().OnlyContain(cycle => cycle.WindowDoseCapacity == 15 && cycle.BoundBy == CycleBound.Cap && cycle.Doses.Count == 14);
    }
}
