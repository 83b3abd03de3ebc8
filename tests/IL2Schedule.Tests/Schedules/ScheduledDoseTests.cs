using FluentAssertions;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Schedules;

/// <summary>
/// Tests of <see cref="ScheduledDose"/>. America/New_York 2027: 02:00 EST (-05:00) -> 03:00 EDT
/// (-04:00) on 2027-03-14; dose 13 of the worked example is 8 elapsed hours after 00:00 EST, i.e.
/// 09:00 EDT. Europe/London: +01:00 -> +00:00 at 2027-10-31T01:00Z.
/// </summary>
public class ScheduledDoseTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static CourseSchedule WorkedExample() => new CoursePlanner().Plan(Local("2027-03-10T08:00"), NewYork);

    [Fact]
    public void Properties_OfDoseThirteen_AreItsPlaceStartEndAndInfusion()
    {
        var dose = WorkedExample().Doses[12];

        dose.Number.Should().Be(13);
        dose.CycleNumber.Should().Be(1);
        dose.NumberInCycle.Should().Be(13);
        Rfc3339(dose.Start).Should().Be("2027-03-14T09:00:00-04:00");
        Rfc3339(dose.End).Should().Be("2027-03-14T09:15:00-04:00");
        dose.Infusion.Start.Should().Be(Instant.FromUtc(2027, 3, 14, 13, 0));
        dose.Infusion.End.Should().Be(Instant.FromUtc(2027, 3, 14, 13, 15));
        dose.Infusion.Duration.Should().Be(Duration.FromMinutes(15));
    }

    [Fact]
    public void Equals_SameDoseFromTwoPlans_IsEqualWithTheSameHashCode()
    {
        var first = WorkedExample().Doses[20];
        var second = WorkedExample().Doses[20];

        first.Equals(second).Should().BeTrue();
        first.Equals((object)second).Should().BeTrue();
        (first == second).Should().BeTrue();
        (first != second).Should().BeFalse();
        first.GetHashCode().Should().Be(second.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentDoses_AreNotEqual()
    {
        var doses = WorkedExample().Doses;

        (doses[0] == doses[1]).Should().BeFalse();
        (doses[0] != doses[1]).Should().BeTrue();
        doses[0].Equals((object)"dose 1").Should().BeFalse();
        doses[0].Equals(null).Should().BeFalse();
        default(ScheduledDose).Should().Be(default(ScheduledDose));
        (doses[0] == default).Should().BeFalse();
    }

    // London dose 10: elapsed 07:00 +00:00, wall clock 08:00 +00:00 — same number, different start.
    [Fact]
    public void Equals_SameNumberButDifferentStart_IsFalse()
    {
        var elapsed = new CoursePlanner().Plan(Local("2027-10-28T08:00"), "Europe/London").Doses[9];
        var wallClock = new CoursePlanner(CourseProtocol.Label.WithDoseTiming(DoseTiming.WallClock)).Plan(Local("2027-10-28T08:00"), "Europe/London").Doses[9];

        elapsed.Number.Should().Be(wallClock.Number);
        (elapsed == wallClock).Should().BeFalse();
    }

    [Fact]
    public void ToString_IsInvariantWithOffsetsWrittenAsHoursAndMinutes()
    {
        WorkedExample().Doses[12].ToString().Should().Be("dose 13 (cycle 1, 13) 2027-03-14T09:00:00-04:00 to 2027-03-14T09:15:00-04:00");
        new CoursePlanner().Plan(Local("2027-10-28T08:00"), "Europe/London").Doses[9].ToString().Should().Be(
            "dose 10 (cycle 1, 10) 2027-10-31T07:00:00+00:00 to 2027-10-31T07:15:00+00:00");
        new CoursePlanner().Plan(Local("2027-06-01T08:00"), "Asia/Kolkata").Doses[27].ToString().Should().Be(
            "dose 28 (cycle 2, 14) 2027-06-19T16:00:00+05:30 to 2027-06-19T16:15:00+05:30");
    }
}
