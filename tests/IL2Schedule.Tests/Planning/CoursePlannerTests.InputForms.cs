using FluentAssertions;
using NodaTime;
using NodaTime.TimeZones;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Planning;

// The same course asked for in each input form: local date-time + zone, zoned date-time,
// instant + zone, and zone ids in every accepted spelling.
// America/New_York: 2027-03-10T08:00 is EST (-05:00) = 13:00Z.
public partial class CoursePlannerTests
{
    [Fact]
    public void Plan_ZonedDateTime_GivesTheSameScheduleAsTheLocalDateTimeForm()
    {
        var fromLocal = LabelPlanner.Plan(Local("2027-03-10T08:00"), NewYork);

        var fromZoned = LabelPlanner.Plan(Local("2027-03-10T08:00").InZoneStrictly(NewYork));

        fromZoned.Should().Be(fromLocal);
        fromZoned.RequestedFirstDose.Should().Be(Local("2027-03-10T08:00"));
        Rfc3339(fromZoned.Doses[12].Start).Should().Be("2027-03-14T09:00:00-04:00");
    }

    [Fact]
    public void Plan_InstantAndZone_GivesTheSameScheduleAsTheLocalDateTimeForm()
    {
        var fromLocal = LabelPlanner.Plan(Local("2027-03-10T08:00"), NewYork);

        var fromInstant = LabelPlanner.Plan(Instant.FromUtc(2027, 3, 10, 13, 0), NewYork);

        fromInstant.Should().Be(fromLocal);
        Rfc3339(fromInstant.Doses[0].Start).Should().Be("2027-03-10T08:00:00-05:00");
    }

    // 2027-11-07T01:30 happens twice in New York; a zoned date-time already says which. The later
    // one is 01:30 -05:00 (06:30Z); dose 2 is 8 h later, 09:30 -05:00; cycle 2 is 14 days after
    // the local 01:30, 2027-11-21T01:30 -05:00.
    [Fact]
    public void Plan_ZonedDateTimeAtTheLaterOfTwoRepeatedTimes_KeepsTheLaterInstant()
    {
        var later = OffsetDateTimeOf("2027-11-07T01:30:00-05:00").ToInstant().InZone(NewYork);

        var schedule = LabelPlanner.Plan(later);

        schedule.Doses.Take(2).Select(dose => Rfc3339(dose.Start)).Should().Equal("2027-11-07T01:30:00-05:00", "2027-11-07T09:30:00-05:00");
        schedule.RequestedFirstDose.Should().Be(Local("2027-11-07T01:30"));
        Rfc3339(schedule.Cycles[1].Start).Should().Be("2027-11-21T01:30:00-05:00");
        var laterResolver = Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ThrowWhenSkipped);
        schedule.Should().Be(LabelPlanner.Plan(Local("2027-11-07T01:30"), NewYork, laterResolver));
    }

    // An instant never falls in a gap: 07:30Z on 2027-03-14 is 03:30 EDT (-04:00), and that local
    // time is the requested one, so cycle 2 starts at 03:30 on 2027-03-28 (unlike a lenient 02:30).
    [Fact]
    public void Plan_InstantJustAfterSpringForward_CountsCyclesFromItsOwnLocalTime()
    {
        var schedule = LabelPlanner.Plan(Instant.FromUtc(2027, 3, 14, 7, 30), NewYork);

        schedule.RequestedFirstDose.Should().Be(Local("2027-03-14T03:30"));
        Rfc3339(schedule.Cycles[1].Start).Should().Be("2027-03-28T03:30:00-04:00");
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("US/Eastern")]
    [InlineData("Eastern Standard Time")]
    [InlineData("america/new_york")]
    [InlineData("US/EASTERN")]
    public void Plan_EveryAcceptedSpellingOfNewYork_GivesTheCanonicalZoneAndTheSameSchedule(string zoneId)
    {
        var expected = LabelPlanner.Plan(Local("2027-03-10T08:00"), NewYork);

        var schedule = LabelPlanner.Plan(Local("2027-03-10T08:00"), zoneId);

        schedule.ZoneId.Should().Be("America/New_York");
        schedule.Zone.Id.Should().Be("America/New_York");
        schedule.Doses.Should().OnlyContain(dose => dose.Start.Zone.Id == "America/New_York" && dose.End.Zone.Id == "America/New_York");
        schedule.Should().Be(expected);
        Rfc3339(schedule.CourseEnd).Should().Be("2027-03-28T16:15:00-04:00");
    }

    [Fact]
    public void Plan_AliasZoneObject_IsReplacedByTheCanonicalZone()
    {
        var alias = DateTimeZoneProviders.Tzdb["US/Eastern"];

        var schedule = LabelPlanner.Plan(Local("2027-03-10T08:00"), alias);

        schedule.ZoneId.Should().Be("America/New_York");
        schedule.Zone.Should().BeSameAs(NewYork);
        schedule.Cycles[1].Start.Zone.Should().BeSameAs(NewYork);
        schedule.Should().Be(LabelPlanner.Plan(Local("2027-03-10T08:00"), NewYork));
    }

    [Fact]
    public void Plan_ZonedDateTimeInAnAliasZone_IsReplacedByTheCanonicalZone()
    {
        var alias = DateTimeZoneProviders.Tzdb["US/Eastern"];

        var schedule = LabelPlanner.Plan(Local("2027-03-10T08:00").InZoneStrictly(alias));

        schedule.ZoneId.Should().Be("America/New_York");
        schedule.Should().Be(LabelPlanner.Plan(Local("2027-03-10T08:00"), NewYork));
    }

    [Fact]
    public void Plan_UnknownZoneId_ThrowsSuggestingTheCloseId()
    {
        var act = () => LabelPlanner.Plan(Local("2027-03-10T08:00"), "America/New_Yrok");

        act.Should().ThrowExactly<DateTimeZoneNotFoundException>().Which.Message.Should().Be(
            "Unknown time zone 'America/New_Yrok': not an IANA id, alias, Windows id or fixed offset (UTC+01) in tzdb "
            + TimeZoneLookup.TzdbVersion + "; did you mean America/New_York?");
    }

    [Fact]
    public void Plan_UnknownZoneIdWithNothingClose_ThrowsWithoutSuggestions()
    {
        var act = () => LabelPlanner.Plan(Local("2027-03-10T08:00"), "Mars/Olympus_Mons");

        act.Should().ThrowExactly<DateTimeZoneNotFoundException>().Which.Message.Should().Be(
            "Unknown time zone 'Mars/Olympus_Mons': not an IANA id, alias, Windows id or fixed offset (UTC+01) in tzdb " + TimeZoneLookup.TzdbVersion);
    }

    [Fact]
    public void Plan_ZoneIdWithSurroundingWhiteSpace_IsRejectedAndTheTrimmedIdSuggested()
    {
        var act = () => LabelPlanner.Plan(Local("2027-03-10T08:00"), " America/New_York ");

        act.Should().ThrowExactly<DateTimeZoneNotFoundException>().Which.Message.Should().EndWith("; did you mean America/New_York?");
    }
}
