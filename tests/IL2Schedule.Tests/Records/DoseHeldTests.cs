using FluentAssertions;
using IL2Schedule.Records;

namespace IL2Schedule.Tests.Records;

/// <summary>Tests of <see cref="DoseHeld"/>: validation on construction, equality and description.</summary>
public class DoseHeldTests
{
    [Fact]
    public void Constructor_ValidValues_KeepsThem()
    {
        var held = new DoseHeld("h1", 2, 15, "hypotension");

        held.Id.Should().Be("h1");
        held.Cycle.Should().Be(2);
        held.Slot.Should().Be(15);
        held.Reason.Should().Be("hypotension");
        held.Kind.Should().Be("doseHeld");
        held.ToString().Should().Be("doseHeld h1 (cycle 2, slot 15, reason 'hypotension')");
    }

    [Theory]
    [InlineData(0, 1, "cycle")]
    [InlineData(1, 0, "slot")]
    public void Constructor_CycleOrSlotBelowOne_ThrowsArgumentOutOfRangeException(int cycle, int slot, string paramName)
    {
        var act = () => new DoseHeld("h1", cycle, slot, "fever");

        var exception = act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        exception.ParamName.Should().Be(paramName);
        exception.Message.Should().StartWith(paramName + " must be at least 1; was 0");
    }

    [Fact]
    public void Constructor_NullReason_ThrowsArgumentNullException()
    {
        var act = () => new DoseHeld("h1", 1, 1, null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("reason");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_EmptyReason_ThrowsArgumentException(string reason)
    {
        var act = () => new DoseHeld("h1", 1, 1, reason);

        act.Should().ThrowExactly<ArgumentException>().WithMessage(
            "reason must not be empty or white space; was '" + reason + "' (Parameter 'reason')");
    }

    [Fact]
    public void Equals_DifferentReason_IsNotEqual()
    {
        (new DoseHeld("h1", 1, 1, "fever") == new DoseHeld("h1", 1, 1, "fever")).Should().BeTrue();
        (new DoseHeld("h1", 1, 1, "fever") == new DoseHeld("h1", 1, 1, "rigors")).Should().BeFalse();
    }
}
