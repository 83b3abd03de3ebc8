using FluentAssertions;
using NodaTime;
using NodaTime.TimeZones;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Planning;

// A first dose whose local time the zone skips or repeats: the strict overload refuses it with a
// LocalTimeMappingException; a resolver says which instant is meant. Cycle starts are still
// counted from the requested local time.
//
// America/New_York 2027:
//   spring: at 2027-03-14T07:00Z, 02:00 EST (-05:00) -> 03:00 EDT (-04:00); 02:00–03:00 is skipped.
//   autumn: at 2027-11-07T06:00Z, 02:00 EDT (-04:00) -> 01:00 EST (-05:00); 01:00–02:00 is repeated.
public partial class CoursePlannerTests
{
    private const string ResolverAdvice =
        " Choose another time, or pass a ZoneLocalMappingResolver to say which instant is meant. (Parameter 'firstDose')";

    [Fact]
    public void Plan_StrictFirstDoseInSpringGap_ThrowsNamingTheLocalTimeZoneAndSkip()
    {
        var act = () => LabelPlanner.Plan(Local("2027-03-14T02:30"), NewYork);

        var exception = act.Should().ThrowExactly<LocalTimeMappingException>().Which;
        exception.Message.Should().Be(
            "The local time 2027-03-14T02:30:00 is skipped in time zone America/New_York: clocks jump from 2027-03-14T02:00 (-05) to 2027-03-14T03:00 (-04)."
            + ResolverAdvice);
        exception.IsSkipped.Should().BeTrue();
        exception.LocalDateTime.Should().Be(Local("2027-03-14T02:30"));
        exception.ZoneId.Should().Be("America/New_York");
        exception.ParamName.Should().Be("firstDose");
    }

    [Fact]
    public void Plan_StrictFirstDoseInAutumnOverlap_ThrowsNamingTheLocalTimeZoneAndAmbiguity()
    {
        var act = () => LabelPlanner.Plan(Local("2027-11-07T01:30"), NewYork);

        var exception = act.Should().ThrowExactly<LocalTimeMappingException>().Which;
        exception.Message.Should().Be(
            "The local time 2027-11-07T01:30:00 is ambiguous in time zone America/New_York: it occurs twice, at offset -04 and again at -05, as clocks go back."
            + ResolverAdvice);
        exception.IsSkipped.Should().BeFalse();
        exception.LocalDateTime.Should().Be(Local("2027-11-07T01:30"));
        exception.ZoneId.Should().Be("America/New_York");
    }

    // Australia/Lord_Howe: at 2027-10-02T15:30Z, 02:00 +10:30 -> 02:30 +11:00 on 2027-10-03.
    [Fact]
    public void Plan_StrictFirstDoseInHalfHourGap_NamesBothOffsetsWithMinutes()
    {
        var act = () => LabelPlanner.Plan(Local("2027-10-03T02:15"), "Australia/Lord_Howe");

        act.Should().ThrowExactly<LocalTimeMappingException>().Which.Message.Should().Be(
            "The local time 2027-10-03T02:15:00 is skipped in time zone Australia/Lord_Howe: clocks jump from 2027-10-03T02:00 (+10:30) to 2027-10-03T02:30 (+11)."
            + ResolverAdvice);
    }

    [Fact]
    public void Plan_StrictFirstDoseInGapOfAnAliasZone_NamesTheCanonicalZone()
    {
        var act = () => LabelPlanner.Plan(Local("2027-03-14T02:30"), "US/Eastern");

        var exception = act.Should().ThrowExactly<LocalTimeMappingException>().Which;
        exception.ZoneId.Should().Be("America/New_York");
        exception.Message.Should().StartWith("The local time 2027-03-14T02:30:00 is skipped in time zone America/New_York:");
    }

    // Lenient: 02:30 is shifted forward by the 1-hour gap to 03:30 -04:00 (07:30Z). Cycle 2 is
    // still counted from the requested 02:30: 2027-03-28T02:30, which exists (-04:00), so cycle 2
    // starts 14 days less 1 hour of elapsed time after dose 1.
    [Fact]
    public void Plan_LenientFirstDoseInSpringGap_MovesDoseOneButCountsCyclesFromTheRequestedTime()
    {
        var schedule = LabelPlanner.Plan(Local("2027-03-14T02:30"), NewYork, Resolvers.LenientResolver);

        schedule.RequestedFirstDose.Should().Be(Local("2027-03-14T02:30"));
        schedule.Cycles.Select(cycle => cycle.NominalStart).Should().Equal(Local("2027-03-14T02:30"), Local("2027-03-28T02:30"));
        ShouldHaveTimeline(
            schedule,
            [
                // Cycle 1: from the shifted 03:30 -04:00
                "2027-03-14T03:30:00-04:00", "2027-03-14T11:30:00-04:00", "2027-03-14T19:30:00-04:00",
                "2027-03-15T03:30:00-04:00", "2027-03-15T11:30:00-04:00", "2027-03-15T19:30:00-04:00",
                "2027-03-16T03:30:00-04:00", "2027-03-16T11:30:00-04:00", "2027-03-16T19:30:00-04:00",
                "2027-03-17T03:30:00-04:00", "2027-03-17T11:30:00-04:00", "2027-03-17T19:30:00-04:00",
                "2027-03-18T03:30:00-04:00", "2027-03-18T11:30:00-04:00",
                // Cycle 2: from the requested 02:30 on day 15
                "2027-03-28T02:30:00-04:00", "2027-03-28T10:30:00-04:00", "2027-03-28T18:30:00-04:00",
                "2027-03-29T02:30:00-04:00", "2027-03-29T10:30:00-04:00", "2027-03-29T18:30:00-04:00",
                "2027-03-30T02:30:00-04:00", "2027-03-30T10:30:00-04:00", "2027-03-30T18:30:00-04:00",
                "2027-03-31T02:30:00-04:00", "2027-03-31T10:30:00-04:00", "2027-03-31T18:30:00-04:00",
                "2027-04-01T02:30:00-04:00", "2027-04-01T10:30:00-04:00",
            ],
            cycleStarts: ["2027-03-14T03:30:00-04:00", "2027-03-28T02:30:00-04:00"],
            windowEnds: ["2027-03-19T03:30:00-04:00", "2027-04-02T02:30:00-04:00"],
            courseEnd: "2027-04-01T10:45:00-04:00",
            courseEndDate: "2027-04-01",
            imagingDate: "2027-04-29",
            nextCourseWindow: "2027-05-13..2027-06-24");
    }

    // Wall clock with a lenient first dose in the gap: dose 1 at 03:30 -04:00, dose 2 at the
    // requested 02:30 + 8 h of clock time = 10:30 -04:00 (7 h later).
    [Fact]
    public void Plan_LenientFirstDoseInSpringGapWithWallClockTiming_KeepsTheRequestedClockTimes()
    {
        var schedule = new CoursePlanner(LabelWith(DoseTiming.WallClock))
            .Plan(Local("2027-03-14T02:30"), NewYork, Resolvers.LenientResolver);

        schedule.Doses.Take(4).Select(dose => Rfc3339(dose.Start)).Should().Equal(
            "2027-03-14T03:30:00-04:00", "2027-03-14T10:30:00-04:00", "2027-03-14T18:30:00-04:00", "2027-03-15T02:30:00-04:00");
        Rfc3339(schedule.Cycles[1].Start).Should().Be("2027-03-28T02:30:00-04:00");
        Rfc3339(schedule.CourseEnd).Should().Be("2027-04-01T10:45:00-04:00");
    }

    // Lenient: repeated 01:30 takes the earlier instant, 01:30 -04:00 (05:30Z); 8 h later is
    // 13:30Z = 08:30 -05:00. Cycle 2: requested 01:30 + 14 days = 2027-11-21T01:30 -05:00.
    [Fact]
    public void Plan_LenientFirstDoseInAutumnOverlap_TakesTheEarlierInstant()
    {
        var schedule = LabelPlanner.Plan(Local("2027-11-07T01:30"), NewYork, Resolvers.LenientResolver);

        schedule.Doses.Take(3).Select(dose => Rfc3339(dose.Start)).Should().Equal(
            "2027-11-07T01:30:00-04:00", "2027-11-07T08:30:00-05:00", "2027-11-07T16:30:00-05:00");
        schedule.RequestedFirstDose.Should().Be(Local("2027-11-07T01:30"));
        schedule.Cycles[1].NominalStart.Should().Be(Local("2027-11-21T01:30"));
        Rfc3339(schedule.Cycles[1].Start).Should().Be("2027-11-21T01:30:00-05:00");
        Rfc3339(schedule.CourseEnd).Should().Be("2027-11-25T09:45:00-05:00");
        Iso(schedule.NextCourseWindow.Dates!).Should().Be("2028-01-06..2028-02-17");
    }

    [Fact]
    public void Plan_StrictResolverFirstDoseInGap_PropagatesNodaTimeSkippedTimeException()
    {
        var act = () => LabelPlanner.Plan(Local("2027-03-14T02:30"), NewYork, Resolvers.StrictResolver);

        var exception = act.Should().ThrowExactly<SkippedTimeException>().Which;
        exception.LocalDateTime.Should().Be(Local("2027-03-14T02:30"));
        exception.Zone.Id.Should().Be("America/New_York");
    }

    [Fact]
    public void Plan_StrictResolverFirstDoseInOverlap_PropagatesNodaTimeAmbiguousTimeException()
    {
        var act = () => LabelPlanner.Plan(Local("2027-11-07T01:30"), NewYork, Resolvers.StrictResolver);

        var exception = act.Should().ThrowExactly<AmbiguousTimeException>().Which;
        Rfc3339(exception.EarlierMapping).Should().Be("2027-11-07T01:30:00-04:00");
        Rfc3339(exception.LaterMapping).Should().Be("2027-11-07T01:30:00-05:00");
    }

    [Fact]
    public void Plan_ResolverForAnUnambiguousFirstDose_GivesTheSameScheduleAsTheStrictOverload()
    {
        var withResolver = LabelPlanner.Plan(Local("2027-03-10T08:00"), NewYork, Resolvers.StrictResolver);
        var strict = LabelPlanner.Plan(Local("2027-03-10T08:00"), NewYork);

        withResolver.Should().Be(strict);
        Rfc3339(withResolver.Doses[12].Start).Should().Be("2027-03-14T09:00:00-04:00");
    }
}
