using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;

namespace IL2Schedule.Tests.Records;

/// <summary>Tests of <see cref="CycleStopped"/>: validation on construction, equality and description.</summary>
public class CycleStoppedTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 3, 13, 1, 0);

    [Fact]
    public void Constructor_ValidValues_KeepsThem()
    {
        var stop = new CycleStopped("s1", 1, At, "grade 3 hypotension");

        stop.Cycle.Should().Be(1);
        stop.At.Should().Be(At);
        stop.Reason.Should().Be("grade 3 hypotension");
        stop.Kind.Should().Be("cycleStopped");
        stop.ToString().Should().Be("cycleStopped s1 (cycle 1, at 2027-03-13T01:00:00Z, reason 'grade 3 hypotension')");
    }

    [Fact]
    public void Constructor_InvalidValues_AreRejectedByName()
    {
        var cycleZero = () => new CycleStopped("s1", 0, At, "fever");
        var nullReason = () => new CycleStopped("s1", 1, At, null!);
        var blankReason = () => new CycleStopped("s1", 1, At, " ");
        var paddedId = () => new CycleStopped("s1\t", 1, At, "fever");

        cycleZero.Should().ThrowExactly<ArgumentOutOfRangeException>().Which.Message.Should().StartWith("cycle must be at least 1; was 0");
        nullReason.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("reason");
        blankReason.Should().ThrowExactly<ArgumentException>().WithMessage("reason must not be empty or white space; was ' ' (Parameter 'reason')");
        paddedId.Should().ThrowExactly<ArgumentException>().Which.ParamName.Should().Be("id");
    }

    [Fact]
    public void Equals_DifferentInstant_IsNotEqual()
    {
        (new CycleStopped("s1", 1, At, "fever") == new CycleStopped("s1", 1, At, "fever")).Should().BeTrue();
        (new CycleStopped("s1", 1, At, "fever") == new CycleStopped("s1", 1, At + Duration.FromMinutes(1), "fever")).Should().BeFalse();
        (new CycleStopped("s1", 1, At, "fever") == new CycleStopped("s1", 2, At, "fever")).Should().BeFalse();
    }
}
