using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;

namespace IL2Schedule.Tests.Batch;

public class BatchTimeTests
{
    // Expected ticks from Python: int(datetime(..., tzinfo=timezone.utc).timestamp()) * 10**7 (+ sub-second ticks).
    [Theory]
    [InlineData("2027-03-14T13:00:00Z", 18050292000000000L)]
    [InlineData("1970-01-01T00:00:00Z", 0L)]
    [InlineData("1969-12-31T23:59:59.9999999Z", -1L)]
    [InlineData("0001-01-01T00:00:00Z", -621355968000000000L)]
    [InlineData("9999-12-31T23:59:59.9999999Z", 2534023007999999999L)]
    public void ToUnixTicks_AndBack_AreNodaTimesUnixTicks(string instant, long ticks)
    {
        var value = NodaTime.Text.InstantPattern.ExtendedIso.Parse(instant).Value;

        BatchTime.ToUnixTicks(value).Should().Be(ticks);
        BatchTime.ToInstant(ticks).Should().Be(value);
    }

    [Fact]
    public void ToUnixTicks_OfAnInstantWithPartOfATick_IsRejected()
    {
        var act = () => BatchTime.ToUnixTicks(Instant.FromUtc(2027, 3, 10, 13, 0).PlusNanoseconds(150));

        act.Should().ThrowExactly<ArgumentException>()
            .WithMessage("instant must be a whole number of ticks (100 ns) since the Unix epoch to fit a batch column; was 2027-03-10T13:00:00.00000015Z (Parameter 'instant')");
    }

    [Fact]
    public void ToInstant_OutsideNodaTimesRange_IsRejected()
    {
        var act = () => BatchTime.ToInstant(long.MaxValue);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
