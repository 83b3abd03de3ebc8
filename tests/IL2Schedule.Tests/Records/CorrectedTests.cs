using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;

namespace IL2Schedule.Tests.Records;

/// <summary>Tests of <see cref="Corrected"/>: validation on construction, equality and description (its use is in CourseRecordTests).</summary>
public class CorrectedTests
{
    private static readonly DoseHeld Replacement = new(null, 1, 2, "fever");

    [Fact]
    public void Constructor_ValidValues_KeepsThem()
    {
        var correction = new Corrected("c1", "e2", Replacement);

        correction.Id.Should().Be("c1");
        correction.CorrectedEventId.Should().Be("e2");
        correction.Replacement.Should().BeSameAs(Replacement);
        correction.Kind.Should().Be("corrected");
        correction.ToString().Should().Be("corrected c1 (replaces e2 with doseHeld (no id) (cycle 1, slot 2, reason 'fever'))");
    }

    [Fact]
    public void Constructor_ReplacementWithTheCorrectedId_IsAccepted()
    {
        new Corrected(null, "e2", new DoseHeld("e2", 1, 2, "fever")).Replacement.Id.Should().Be("e2");
    }

    [Fact]
    public void Constructor_InvalidValues_AreRejectedByName()
    {
        var nullId = () => new Corrected("c1", null!, Replacement);
        var emptyId = () => new Corrected("c1", "", Replacement);
        var paddedId = () => new Corrected("c1", "e2 ", Replacement);
        var nullReplacement = () => new Corrected("c1", "e2", null!);
        var nested = () => new Corrected("c1", "e2", new Corrected(null, "e2", Replacement));
        var otherId = () => new Corrected("c1", "e2", new DoseHeld("e3", 1, 2, "fever"));

        nullId.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("correctedEventId");
        emptyId.Should().ThrowExactly<ArgumentException>().WithMessage(
            "correctedEventId must be a non-empty text without leading or trailing white space; was '' (Parameter 'correctedEventId')");
        paddedId.Should().ThrowExactly<ArgumentException>().Which.ParamName.Should().Be("correctedEventId");
        nullReplacement.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("replacement");
        nested.Should().ThrowExactly<ArgumentException>().WithMessage(
            "replacement must not be a correction itself; correct the original id again instead (Parameter 'replacement')");
        otherId.Should().ThrowExactly<ArgumentException>().WithMessage(
            "replacement's id must be null or the corrected event's id 'e2'; was 'e3' (Parameter 'replacement')");
    }

    [Fact]
    public void Equals_ComparesTheReplacement()
    {
        var start = Instant.FromUtc(2027, 3, 10, 13, 0);

        (new Corrected("c1", "e1", new DoseGiven(null, 1, 1, start, null)) == new Corrected("c1", "e1", new DoseGiven(null, 1, 1, start, null))).Should().BeTrue();
        (new Corrected("c1", "e1", new DoseGiven(null, 1, 1, start, null)) == new Corrected("c1", "e1", new DoseGiven(null, 1, 1, start + Duration.FromMinutes(5), null))).Should().BeFalse();
        (new Corrected("c1", "e1", Replacement) == new Corrected("c1", "e9", Replacement)).Should().BeFalse();
    }
}
