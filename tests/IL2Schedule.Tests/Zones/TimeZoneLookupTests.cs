using FluentAssertions;
using NodaTime;
using NodaTime.Testing.TimeZones;
using NodaTime.TimeZones;

namespace IL2Schedule.Tests.Zones;

/// <summary>
/// Tests of <see cref="TimeZoneLookup"/>: IANA ids, aliases and Windows ids (any case) to the
/// canonical tzdb zone; suggestions for unknown ids.
/// </summary>
public class TimeZoneLookupTests
{
    [Theory]
    [InlineData("America/New_York", "America/New_York")]
    [InlineData("US/Eastern", "America/New_York")]
    [InlineData("Eastern Standard Time", "America/New_York")]
    [InlineData("america/new_york", "America/New_York")]
    [InlineData("EASTERN STANDARD TIME", "America/New_York")]
    [InlineData("Asia/Calcutta", "Asia/Kolkata")]
    [InlineData("India Standard Time", "Asia/Kolkata")]
    [InlineData("GMT Standard Time", "Europe/London")]
    [InlineData("GB", "Europe/London")]
    [InlineData("Lord Howe Standard Time", "Australia/Lord_Howe")]
    [InlineData("Samoa Standard Time", "Pacific/Apia")]
    [InlineData("UTC", "Etc/UTC")]
    public void GetZone_AnyAcceptedId_ReturnsTheCanonicalTzdbZone(string id, string canonical)
    {
        var zone = TimeZoneLookup.GetZone(id);

        zone.Id.Should().Be(canonical);
        zone.Should().BeSameAs(DateTimeZoneProviders.Tzdb[canonical]);
    }

    [Fact]
    public void GetZone_Null_ThrowsArgumentNullException()
    {
        var act = () => TimeZoneLookup.GetZone(null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("id");
    }

    [Fact]
    public void GetZone_Typo_ThrowsNamingTheIdAndSuggestingTheCloseOne()
    {
        var act = () => TimeZoneLookup.GetZone("Europe/Londn");

        act.Should().ThrowExactly<DateTimeZoneNotFoundException>().Which.Message.Should().Be(
            "Unknown time zone 'Europe/Londn': not an IANA id, alias, Windows id or fixed offset (UTC+01) in tzdb " + TimeZoneLookup.TzdbVersion + "; did you mean Europe/London?");
    }

    [Fact]
    public void GetZone_Empty_ThrowsWithoutSuggestions()
    {
        var act = () => TimeZoneLookup.GetZone("");

        act.Should().ThrowExactly<DateTimeZoneNotFoundException>().Which.Message.Should().Be(
            "Unknown time zone '': not an IANA id, alias, Windows id or fixed offset (UTC+01) in tzdb " + TimeZoneLookup.TzdbVersion);
    }

    [Fact]
    public void TryGetZone_KnownAlias_ReturnsTrueAndTheCanonicalZone()
    {
        TimeZoneLookup.TryGetZone("US/Eastern", out var zone).Should().BeTrue();

        zone!.Id.Should().Be("America/New_York");
    }

    [Theory]
    [InlineData("America/New_Yrok")]
    [InlineData(" America/New_York")]
    [InlineData("")]
    [InlineData(null)]
    public void TryGetZone_UnknownOrNull_ReturnsFalseAndNull(string? id)
    {
        TimeZoneLookup.TryGetZone(id, out var zone).Should().BeFalse();

        zone.Should().BeNull();
    }

    [Fact]
    public void GetCanonicalId_AliasZone_GivesTheCanonicalId()
    {
        TimeZoneLookup.GetCanonicalId(DateTimeZoneProviders.Tzdb["US/Eastern"]).Should().Be("America/New_York");
        TimeZoneLookup.GetCanonicalId(DateTimeZoneProviders.Tzdb["Asia/Calcutta"]).Should().Be("Asia/Kolkata");
        TimeZoneLookup.GetCanonicalId(DateTimeZoneProviders.Tzdb["Europe/London"]).Should().Be("Europe/London");
    }

    [Fact]
    public void GetCanonicalId_ZoneTzdbDoesNotKnow_GivesItsOwnId()
    {
        var testZone = new SingleTransitionDateTimeZone(Instant.FromUtc(2030, 1, 1, 0, 0), Offset.Zero, Offset.FromHours(1), "Test/Zone");

        TimeZoneLookup.GetCanonicalId(testZone).Should().Be("Test/Zone");
    }

    [Fact]
    public void GetCanonicalId_Null_ThrowsArgumentNullException()
    {
        var act = () => TimeZoneLookup.GetCanonicalId(null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("zone");
    }

    // Suggestions: ids containing the text (score 0), then ids within a small edit distance
    // (max(1, length / 4)), closest first, ties in ordinal order. Worked by hand:
    // "America/New_Yrok" is 2 edits from America/New_York (a swapped pair) and more than 4 from
    // any other id; "Europe/Londn" is 1 edit from Europe/London; "New_York" is contained in
    // America/New_York only; "Europe/" is contained in every Europe/ id.
    // "GMT+0" (at most 1 edit) is contained in Etc/GMT+0 and GMT+0, then 1 edit from GMT-0 and GMT0
    // ('-' sorts before '0'); only Etc/GMT ids put the sign-flipped id first. "Etc/GMTX" (at most
    // 2 edits) has no sign: 1 edit from Etc/GMT and Etc/GMT0, 2 from Etc/GMT+0 ('+' sorts first).
    // Ids are compared whole: "rann" is 2 edits from Iran (an I added, an n dropped), more than 1.
    [Theory]
    [InlineData("America/New_Yrok", new[] { "America/New_York" })]
    [InlineData("Europe/Londn", new[] { "Europe/London" })]
    [InlineData("New_York", new[] { "America/New_York" })]
    [InlineData("new york", new[] { "America/New_York" })]
    [InlineData("Europe/", new[] { "Europe/Amsterdam", "Europe/Andorra", "Europe/Astrakhan" })]
    [InlineData("GMT+0", new[] { "Etc/GMT+0", "GMT+0", "GMT-0" })]
    [InlineData("Etc/GMTX", new[] { "Etc/GMT", "Etc/GMT0", "Etc/GMT+0" })]
    [InlineData("rann", new string[0])]
    [InlineData("Mars/Olympus_Mons", new string[0])]
    [InlineData("", new string[0])]
    [InlineData("   ", new string[0])]
    public void SuggestIds_ReturnsContainingThenCloseIdsInOrder(string id, string[] expected)
    {
        TimeZoneLookup.SuggestIds(id).Should().Equal(expected);
    }

    // POSIX signs in Etc/GMT ids are inverted (Etc/GMT-14 is UTC+14), so the same id with the sign
    // flipped comes first, before the ids one edit away. "Asia/Tkyoo" (10 characters, so at most
    // 2 edits) is exactly 2 edits (a swapped pair) from Asia/Tokyo. "UTC" (3 characters, the
    // shortest text that gets suggestions) is contained in Etc/UTC and UTC.
    [Theory]
    [InlineData("Etc/GMT+14", "Etc/GMT-14")]
    [InlineData("etc/gmt-5", "Etc/GMT+5")]
    [InlineData("Asia/Tkyoo", "Asia/Tokyo")]
    [InlineData("UTC", "Etc/UTC")]
    public void SuggestIds_SignFlipsAndTheDistanceLimit_ComeFirst(string id, string first)
    {
        TimeZoneLookup.SuggestIds(id).Should().StartWith(first);
    }

    [Fact]
    public void SuggestIds_MaxCount_LimitsTheSuggestions()
    {
        TimeZoneLookup.SuggestIds("Europe/", maxCount: 2).Should().Equal("Europe/Amsterdam", "Europe/Andorra");
        TimeZoneLookup.SuggestIds("Europe/", maxCount: 1).Should().Equal("Europe/Amsterdam");
    }

    [Fact]
    public void SuggestIds_MaxCountBelowOne_ThrowsArgumentOutOfRangeException()
    {
        var act = () => TimeZoneLookup.SuggestIds("Europe/", maxCount: 0);

        var exception = act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        exception.ParamName.Should().Be("maxCount");
        exception.Message.Should().StartWith("maxCount must be at least 1; was 0");
    }

    [Fact]
    public void SuggestIds_Null_ThrowsArgumentNullException()
    {
        var act = () => TimeZoneLookup.SuggestIds(null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("id");
    }

    // Documented: every suggestion is an id GetZone accepts. A typo of an alias suggests the alias
    // the user evidently meant (US/Eastern, an alias of America/New_York).
    [Fact]
    public void SuggestIds_TypoOfAnAlias_SuggestsTheAliasAsAnAcceptedId()
    {
        var suggestions = TimeZoneLookup.SuggestIds("US/Easten");

        suggestions.Should().Contain("US/Eastern");
        suggestions.Where(id => !TimeZoneLookup.TryGetZone(id, out _)).Should().BeEmpty();
        TimeZoneLookup.GetZone("US/Eastern").Id.Should().Be("America/New_York");
    }

    [Fact]
    public void TzdbVersion_IsTheVersionEmbeddedInNodaTime()
    {
        TimeZoneLookup.TzdbVersion.Should().Be(TzdbDateTimeZoneSource.Default.TzdbVersion);
    }

    // Suggestions for one or two characters would be noise ("Z" is one edit from hundreds of ids).
    [Theory]
    [InlineData("Z")]
    [InlineData("NY")]
    public void SuggestIds_ShorterThanThreeCharacters_SuggestsNothing(string id)
    {
        TimeZoneLookup.SuggestIds(id).Should().BeEmpty();
    }
}
