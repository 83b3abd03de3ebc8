using FluentAssertions;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Schedules;

/// <summary>
/// Tests of <see cref="CycleSchedule"/>. America/New_York 2027: 02:00 EST (-05:00) -> 03:00 EDT
/// (-04:00) on 2027-03-14 (07:00Z); Europe/London: 02:00 BST (+01:00) -> 01:00 GMT (+00:00) on
/// 2027-10-31 (01:00Z).
/// </summary>
public partial class CycleScheduleTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static CourseSchedule WorkedExample() => new CoursePlanner().Plan(Local("2027-03-10T08:00"), NewYork);

    [Fact]
    public void Properties_OfCycleTwo_AreDayFifteenAndItsWindow()
    {
        var cycle = WorkedExample().Cycles[1];

        cycle.Number.Should().Be(2);
        cycle.NominalStart.Should().Be(Local("2027-03-24T08:00"));
        Rfc3339(cycle.Start).Should().Be("2027-03-24T08:00:00-04:00");
        Rfc3339(cycle.WindowEnd).Should().Be("2027-03-29T08:00:00-04:00");
        cycle.Doses.Should().HaveCount(14);
        cycle.Doses.Select(dose => dose.Number).Should().Equal(Enumerable.Range(15, 14));
    }

    // Cycle 1's window: 13:00Z on 03-10 to 13:00Z on 03-15 (120 h), half-open.
    [Fact]
    public void Window_IsTheHalfOpenIntervalFromStartToWindowEnd()
    {
        var cycle = WorkedExample().Cycles[0];

        cycle.Window.Start.Should().Be(Instant.FromUtc(2027, 3, 10, 13, 0));
        cycle.Window.End.Should().Be(Instant.FromUtc(2027, 3, 15, 13, 0));
        cycle.Window.Duration.Should().Be(Duration.FromHours(120));
        cycle.Doses.Should().OnlyContain(dose => cycle.Window.Contains(dose.Start.ToInstant()));
    }

    [Fact]
    public void Equals_SameCycleFromTwoPlans_IsEqualWithTheSameHashCode()
    {
        var first = WorkedExample().Cycles[1];
        var second = WorkedExample().Cycles[1];

        first.Should().NotBeSameAs(second);
        first.Equals(second).Should().BeTrue();
        first.Equals((object)second).Should().BeTrue();
        (first == second).Should().BeTrue();
        (first != second).Should().BeFalse();
        first.GetHashCode().Should().Be(second.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentCycles_AreNotEqual()
    {
        var schedule = WorkedExample();
        CycleSchedule? none = null;

        (schedule.Cycles[0] == schedule.Cycles[1]).Should().BeFalse();
        (schedule.Cycles[0] != schedule.Cycles[1]).Should().BeTrue();
        schedule.Cycles[0].Equals(none).Should().BeFalse();
        schedule.Cycles[0].Equals((object)"cycle").Should().BeFalse();
        (none == schedule.Cycles[0]).Should().BeFalse();
        (none == null).Should().BeTrue();
    }

    // Same instants, different nominal start: a lenient 02:30 (skipped, moved to 03:30 -04:00)
    // and the instant 07:30Z (03:30 -04:00) give cycle 1s with identical doses but nominal
    // starts 02:30 and 03:30.
    [Fact]
    public void Equals_SameDosesButDifferentNominalStart_IsFalse()
    {
        var planner = new CoursePlanner();
        var lenient = planner.Plan(Local("2027-03-14T02:30"), NewYork, NodaTime.TimeZones.Resolvers.LenientResolver).Cycles[0];
        var fromInstant = planner.Plan(Instant.FromUtc(2027, 3, 14, 7, 30), NewYork).Cycles[0];

        fromInstant.Doses.Should().Equal(lenient.Doses);
        fromInstant.Start.Should().Be(lenient.Start);
        (lenient == fromInstant).Should().BeFalse();
    }

    [Fact]
    public void ToString_IsInvariantWithOffsets()
    {
        WorkedExample().Cycles[1].ToString().Should().Be(
            "cycle 2: 14 doses from 2027-03-24T08:00:00-04:00, window ends 2027-03-29T08:00:00-04:00");
        new CoursePlanner().Plan(Local("2027-10-28T08:00"), "Europe/London").Cycles[0].ToString().Should().Be(
            "cycle 1: 14 doses from 2027-10-28T08:00:00+01:00, window ends 2027-11-02T07:00:00+00:00");
    }

    [Fact]
    public void Doses_CastBackToAnArray_CannotChangeTheCycle()
    {
        var cycle = WorkedExample().Cycles[0];

        cycle.Doses.Should().NotBeAssignableTo<ScheduledDose[]>();
        ((ICollection<ScheduledDose>)cycle.Doses).IsReadOnly.Should().BeTrue();
        cycle.Doses[0].Number.Should().Be(1);
    }
}
