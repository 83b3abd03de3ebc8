using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;

namespace IL2Schedule.Tests.Records;

/// <summary>Tests of <see cref="CourseStopped"/>: validation on construction, equality and description.</summary>
public class CourseStoppedTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 3, 13, 1, 0);

    [Fact]
    public void Constructor_ValidValues_KeepsThem()
    {
        var stop = new CourseStopped(null, At, "capillary leak");

        stop.Id.Should().BeNull();
        stop.At.Should().Be(At);
        stop.Reason.Should().Be("capillary leak");
        stop.Kind.Should().Be("courseStopped");
        stop.ToString().Should().Be("courseStopped (no id) (at 2027-03-13T01:00:00Z, reason 'capillary leak')");
    }

    [Fact]
    public void Constructor_InvalidReasonOrId_IsRejectedByName()
    {
        var nullReason = () => new CourseStopped("s1", At, null!);
        var emptyReason = () => new CourseStopped("s1", At, "");
        var emptyId = () => new CourseStopped("", At, "sepsis");

        nullReason.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("reason");
        emptyReason.Should().ThrowExactly<ArgumentException>().WithMessage("reason must not be empty or white space; was '' (Parameter 'reason')");
        emptyId.Should().ThrowExactly<ArgumentException>().Which.ParamName.Should().Be("id");
    }

    [Fact]
    public void Equals_DifferentReason_IsNotEqual()
    {
        (new CourseStopped("s1", At, "sepsis") == new CourseStopped("s1", At, "sepsis")).Should().BeTrue();
        (new CourseStopped("s1", At, "sepsis") == new CourseStopped("s1", At, "progression")).Should().BeFalse();
    }
}
