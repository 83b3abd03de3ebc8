using FluentAssertions;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Schedules;

// Equality compares the inputs (protocol, canonical zone id, requested first dose, discharge
// date) and every cycle and dose.
public partial class CourseScheduleTests
{
    [Fact]
    public void Equals_TwoPlansFromTheSameInputs_AreEqualWithTheSameHashCode()
    {
        var first = WorkedExample();
        var second = WorkedExample();

        first.Should().NotBeSameAs(second);
        first.Equals(second).Should().BeTrue();
        first.Equals((object)second).Should().BeTrue();
        (first == second).Should().BeTrue();
        (first != second).Should().BeFalse();
        first.GetHashCode().Should().Be(second.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentFirstDose_IsFalse()
    {
        var other = new CoursePlanner().Plan(Local("2027-03-10T09:00"), NewYork);

        (WorkedExample() == other).Should().BeFalse();
        (WorkedExample() != other).Should().BeTrue();
    }

    // Asia/Kolkata has no DST in 2027 (+05:30), so both timings give identical instants; the
    // schedules still differ because their protocols do.
    [Fact]
    public void Equals_SameInstantsButDifferentProtocol_IsFalse()
    {
        var elapsed = new CoursePlanner().Plan(Local("2027-06-01T08:00"), "Asia/Kolkata");
        var wallClock = new CoursePlanner(CourseProtocol.Label.WithDoseTiming(DoseTiming.WallClock)).Plan(Local("2027-06-01T08:00"), "Asia/Kolkata");

        wallClock.Doses.Should().Equal(elapsed.Doses);
        (elapsed == wallClock).Should().BeFalse();
    }

    [Fact]
    public void Equals_DischargeDate_TakesPartInEquality()
    {
        // A 5-week minimum after a discharge on the course end date leaves the window's dates as they were.
        var fiveWeeks = new CourseProtocolBuilder { MinimumIntervalAfterDischarge = Period.FromWeeks(5) }.Build();
        CourseSchedule Plan() => new CoursePlanner(fiveWeeks).Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York");
        var schedule = Plan();

        var early = schedule.WithDischargeDate(Date("2027-03-28"));

        early.NextCourseWindow.Dates.Should().BeEquivalentTo(schedule.NextCourseWindow.Dates);
        (early == schedule).Should().BeFalse("the discharge date differs even though the window does not");
        (early == Plan().WithDischargeDate(Date("2027-03-28"))).Should().BeTrue();
    }

    [Fact]
    public void Equals_NullOrAnotherType_IsFalseAndTwoNullsAreEqual()
    {
        var schedule = WorkedExample();
        CourseSchedule? none = null;

        schedule.Equals(none).Should().BeFalse();
        schedule.Equals((object)"schedule").Should().BeFalse();
        (schedule == none).Should().BeFalse();
        (none == schedule).Should().BeFalse();
        (none == null).Should().BeTrue();
        (none != schedule).Should().BeTrue();
    }
}
