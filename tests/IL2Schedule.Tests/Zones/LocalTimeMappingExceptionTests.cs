using FluentAssertions;
using NodaTime;
using NodaTime.Testing.TimeZones;

namespace IL2Schedule.Tests.Zones;

/// <summary>
/// Tests of <see cref="LocalTimeMappingException"/> built directly from a zone mapping.
/// America/New_York 2027: at 2027-03-14T07:00Z, 02:00 EST (-05:00) -> 03:00 EDT (-04:00)
/// (02:00–03:00 skipped); at 2027-11-07T06:00Z, 02:00 EDT -> 01:00 EST (01:00–02:00 repeated).
/// </summary>
public class LocalTimeMappingExceptionTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private const string Advice = " Choose another time, or pass a ZoneLocalMappingResolver to say which instant is meant.";

    [Fact]
    public void Constructor_SkippedMapping_DescribesTheGap()
    {
        var exception = new LocalTimeMappingException(NewYork.MapLocal(new LocalDateTime(2027, 3, 14, 2, 30)), "when");

        exception.IsSkipped.Should().BeTrue();
        exception.LocalDateTime.Should().Be(new LocalDateTime(2027, 3, 14, 2, 30));
        exception.ZoneId.Should().Be("America/New_York");
        exception.ParamName.Should().Be("when");
        exception.Message.Should().Be(
            "The local time 2027-03-14T02:30:00 is skipped in time zone America/New_York: clocks jump from 2027-03-14T02:00 (-05) to 2027-03-14T03:00 (-04)."
            + Advice + " (Parameter 'when')");
        exception.Should().BeAssignableTo<ArgumentException>();
    }

    [Fact]
    public void Constructor_AmbiguousMapping_DescribesTheOverlap()
    {
        var exception = new LocalTimeMappingException(NewYork.MapLocal(new LocalDateTime(2027, 11, 7, 1, 30)), null);

        exception.IsSkipped.Should().BeFalse();
        exception.LocalDateTime.Should().Be(new LocalDateTime(2027, 11, 7, 1, 30));
        exception.ParamName.Should().BeNull();
        exception.Message.Should().Be(
            "The local time 2027-11-07T01:30:00 is ambiguous in time zone America/New_York: it occurs twice, at offset -04 and again at -05, as clocks go back."
            + Advice);
    }

    [Fact]
    public void Constructor_MappingInAnAliasZone_ReportsTheCanonicalId()
    {
        var alias = DateTimeZoneProviders.Tzdb["US/Eastern"];

        var exception = new LocalTimeMappingException(alias.MapLocal(new LocalDateTime(2027, 3, 14, 2, 30)), null);

        exception.ZoneId.Should().Be("America/New_York");
        exception.Message.Should().Contain("in time zone America/New_York:");
    }

    // Test/Gap: +00:00 until 2030-01-06T01:00Z, then +01:00; local 01:00–02:00 skipped.
    [Fact]
    public void Constructor_MappingInANonTzdbZone_ReportsThatZonesId()
    {
        var zone = new SingleTransitionDateTimeZone(Instant.FromUtc(2030, 1, 6, 1, 0), Offset.Zero, Offset.FromHours(1), "Test/Gap");

        var exception = new LocalTimeMappingException(zone.MapLocal(new LocalDateTime(2030, 1, 6, 1, 15)), null);

        exception.ZoneId.Should().Be("Test/Gap");
        exception.Message.Should().Be(
            "The local time 2030-01-06T01:15:00 is skipped in time zone Test/Gap: clocks jump from 2030-01-06T01:00 (+00) to 2030-01-06T02:00 (+01)."
            + Advice);
    }

    [Fact]
    public void Constructor_UnambiguousMapping_ThrowsArgumentException()
    {
        var act = () => new LocalTimeMappingException(NewYork.MapLocal(new LocalDateTime(2027, 3, 10, 8, 0)), "firstDose");

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be(
            "mapping must be skipped or ambiguous; was 2027-03-10T08:00:00 with exactly one instant in America/New_York (Parameter 'mapping')");
    }
}
