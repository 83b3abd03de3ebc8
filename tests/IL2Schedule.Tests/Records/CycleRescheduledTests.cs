using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

/// <summary>Tests of <see cref="CycleRescheduled"/>: validation on construction, equality and description.</summary>
public class CycleRescheduledTests
{
    private static readonly LocalDateTime NewStart = new(2027, 3, 31, 8, 0);

    [Fact]
    public void Constructor_ValidValues_KeepsThem()
    {
        var reschedule = new CycleRescheduled("r1", 2, NewStart);

        reschedule.Cycle.Should().Be(2);
        reschedule.NewStart.Should().Be(NewStart);
        reschedule.Kind.Should().Be("cycleRescheduled");
        reschedule.ToString().Should().Be("cycleRescheduled r1 (cycle 2, new start 2027-03-31T08:00:00)");
    }

    // Cycle 1 starts with the course; only later cycles can be moved.
    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Constructor_CycleBelowTwo_ThrowsArgumentOutOfRangeException(int cycle)
    {
        var act = () => new CycleRescheduled("r1", cycle, NewStart);

        var exception = act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        exception.ParamName.Should().Be("cycle");
        exception.Message.Should().StartWith("cycle must be at least 2 (cycle 1 starts with the course; plan it again instead); was " + Invariant(cycle));
    }

    // Julian 2027-03-18 is ISO 2027-03-31.
    [Fact]
    public void Constructor_NewStartInAnotherCalendar_ThrowsArgumentException()
    {
        var act = () => new CycleRescheduled("r1", 2, new LocalDateTime(2027, 3, 18, 8, 0, CalendarSystem.Julian));

        act.Should().ThrowExactly<ArgumentException>().WithMessage(
            "newStart must be in the ISO calendar; was 2027-03-18 in the Julian calendar (Parameter 'newStart')");
    }

    [Fact]
    public void Equals_DifferentStart_IsNotEqual()
    {
        (new CycleRescheduled("r1", 2, NewStart) == new CycleRescheduled("r1", 2, NewStart)).Should().BeTrue();
        (new CycleRescheduled("r1", 2, NewStart) == new CycleRescheduled("r1", 2, NewStart.PlusHours(1))).Should().BeFalse();
    }
}
