using FluentAssertions;
using NodaTime;
using NodaTime.TimeZones;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Schedules;

/// <summary>
/// Tests of <see cref="CourseSchedule"/>: what it carries, its text form, immutability, and (in
/// the other parts) the discharge rule and equality. Schedules come from the planner; expected
/// values are the hand-worked New York example (02:00 EST -05:00 -> 03:00 EDT -04:00 on 2027-03-14).
/// </summary>
public partial class CourseScheduleTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static CourseSchedule WorkedExample() => new CoursePlanner().Plan(Local("2027-03-10T08:00"), NewYork);

    [Fact]
    public void Properties_CarryTheInputsAndTheZone()
    {
        var schedule = WorkedExample();

        schedule.Protocol.Should().BeSameAs(CourseProtocol.Label);
        schedule.Zone.Should().BeSameAs(NewYork);
        schedule.ZoneId.Should().Be("America/New_York");
        schedule.TzdbVersion.Should().Be(TzdbDateTimeZoneSource.Default.TzdbVersion);
        schedule.RequestedFirstDose.Should().Be(Local("2027-03-10T08:00"));
        schedule.DoseTiming.Should().Be(DoseTiming.Elapsed);
        schedule.DischargeDate.Should().BeNull();
    }

    [Fact]
    public void Doses_AreTheCyclesDosesInOrder()
    {
        var schedule = WorkedExample();

        schedule.Doses.Should().Equal(schedule.Cycles.SelectMany(cycle => cycle.Doses));
        schedule.CourseEnd.Should().Be(schedule.Doses[^1].End);
    }

    [Fact]
    public void ToString_WorkedExample_IsTheInvariantOneLineSummary()
    {
        WorkedExample().ToString().Should().Be(
            "28 doses in America/New_York from 2027-03-10T08:00:00-05:00 to 2027-03-28T16:15:00-04:00; imaging 2027-04-25; next course 2027-05-09 to 2027-06-20");
    }

    // Europe/London: +01:00 (BST) until 2027-10-31T01:00Z, then +00:00 (GMT), written "+00:00".
    [Fact]
    public void ToString_ZeroOffset_IsWrittenAsPlusZeroZero()
    {
        var schedule = new CoursePlanner().Plan(Local("2027-10-28T08:00"), "Europe/London");

        schedule.ToString().Should().Be(
            "28 doses in Europe/London from 2027-10-28T08:00:00+01:00 to 2027-11-15T16:15:00+00:00; imaging 2027-12-13; next course 2027-12-27 to 2028-02-07");
    }

    [Fact]
    public void ToString_NciCourse_CountsThirtyDoses()
    {
        var schedule = new CoursePlanner(CourseProtocol.NciSurgeryBranch).Plan(Local("2027-03-10T08:00"), NewYork);

        schedule.ToString().Should().Be(
            "30 doses in America/New_York from 2027-03-10T08:00:00-05:00 to 2027-03-29T00:15:00-04:00; imaging 2027-04-26; next course 2027-05-10 to 2027-06-21");
    }

    // The schedule is documented as immutable: what its lists expose must not be a way to change it.
    [Fact]
    public void Doses_CastBackToAnArray_CannotChangeTheSchedule()
    {
        var schedule = WorkedExample();

        schedule.Doses.Should().NotBeAssignableTo<ScheduledDose[]>();
        ((ICollection<ScheduledDose>)schedule.Doses).IsReadOnly.Should().BeTrue();
        Rfc3339(schedule.Doses[0].Start).Should().Be("2027-03-10T08:00:00-05:00");
    }

    [Fact]
    public void Cycles_CastBackToAnArray_CannotChangeTheSchedule()
    {
        var schedule = WorkedExample();

        schedule.Cycles.Should().NotBeAssignableTo<CycleSchedule[]>();
        ((ICollection<CycleSchedule>)schedule.Cycles).IsReadOnly.Should().BeTrue();
        Rfc3339(schedule.Cycles[0].Start).Should().Be("2027-03-10T08:00:00-05:00");
    }
}
