using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;

namespace IL2Schedule.Tests.Records;

/// <summary>Tests of <see cref="DoseGiven"/>: validation on construction, value equality and the invariant description.</summary>
public class DoseGivenTests
{
    private static readonly Instant Start = Instant.FromUtc(2027, 3, 10, 13, 5); // 08:05 EST

    [Fact]
    public void Constructor_ValidValues_KeepsThem()
    {
        var dose = new DoseGiven("e1", 1, 2, Start, Start + Duration.FromMinutes(20));

        dose.Id.Should().Be("e1");
        dose.Cycle.Should().Be(1);
        dose.Slot.Should().Be(2);
        dose.Start.Should().Be(Start);
        dose.End.Should().Be(Start + Duration.FromMinutes(20));
        dose.Kind.Should().Be("doseGiven");
    }

    [Theory]
    [InlineData(0, 1, "cycle", "cycle must be at least 1; was 0")]
    [InlineData(-3, 1, "cycle", "cycle must be at least 1; was -3")]
    [InlineData(1, 0, "slot", "slot must be at least 1; was 0")]
    public void Constructor_CycleOrSlotBelowOne_ThrowsArgumentOutOfRangeException(int cycle, int slot, string paramName, string message)
    {
        var act = () => new DoseGiven("e1", cycle, slot, Start, null);

        var exception = act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        exception.ParamName.Should().Be(paramName);
        exception.Message.Should().StartWith(message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" e1")]
    [InlineData("e1 ")]
    public void Constructor_EmptyOrPaddedId_ThrowsArgumentException(string id)
    {
        var act = () => new DoseGiven(id, 1, 1, Start, null);

        act.Should().ThrowExactly<ArgumentException>().WithMessage(
            "id must be null or a non-empty text without leading or trailing white space; was '" + id + "' (Parameter 'id')");
    }

    // An end equal to or before the start is rejected when the event is created.
    [Theory]
    [InlineData(0, "2027-03-10T13:05:00Z")]
    [InlineData(-1, "2027-03-10T13:04:00Z")]
    public void Constructor_EndNotAfterStart_ThrowsArgumentException(int endMinutes, string endText)
    {
        var act = () => new DoseGiven("e1", 1, 1, Start, Start + Duration.FromMinutes(endMinutes));

        act.Should().ThrowExactly<ArgumentException>().WithMessage(
            "end must be after start 2027-03-10T13:05:00Z; was " + endText + " (Parameter 'end')");
    }

    [Fact]
    public void Equals_SameValues_AreEqual()
    {
        var dose = new DoseGiven("e1", 1, 2, Start, null);

        (dose == new DoseGiven("e1", 1, 2, Start, null)).Should().BeTrue();
        dose.GetHashCode().Should().Be(new DoseGiven("e1", 1, 2, Start, null).GetHashCode());
        (dose != new DoseGiven("e1", 1, 2, Start, Start + Duration.FromMinutes(15))).Should().BeTrue();
        (dose != new DoseGiven("e2", 1, 2, Start, null)).Should().BeTrue();
        (dose != new DoseGiven("e1", 2, 2, Start, null)).Should().BeTrue();
        (dose != new DoseGiven("e1", 1, 3, Start, null)).Should().BeTrue();
        (dose != new DoseGiven("e1", 1, 2, Start + Duration.FromMinutes(1), null)).Should().BeTrue();
        dose.Equals(new DoseHeld("e1", 1, 2, "fever")).Should().BeFalse();
        (dose == null).Should().BeFalse();
        ((DoseGiven?)null == null).Should().BeTrue();
    }

    [Fact]
    public void ToString_ShowsKindIdAndValuesInUtc()
    {
        new DoseGiven("e1", 1, 1, Start, null).ToString().Should().Be("doseGiven e1 (cycle 1, slot 1, start 2027-03-10T13:05:00Z)");
        new DoseGiven(null, 1, 1, Start, Start + Duration.FromMinutes(15)).ToString().Should().Be(
            "doseGiven (no id) (cycle 1, slot 1, start 2027-03-10T13:05:00Z, end 2027-03-10T13:20:00Z)");
    }
}
