using System.Text.Json;
using FluentAssertions;
using IL2Schedule.Serialization;
using NodaTime;
using NodaTime.TimeZones;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Planning;

/// <summary>Inputs at the edges of what a plan can hold: resolvers, extreme instants, historical offsets, zones without ids.</summary>
public partial class CoursePlannerTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    [Fact]
    public void Plan_ResolverReturningAnotherZone_IsRejectedAndNamesIt()
    {
        // 08:00 in London is a valid instant, but not a resolution of a New York local time.
        ZoneLocalMappingResolver wrongZone = mapping => mapping.LocalDateTime.InZoneStrictly(London);

        var act = () => LabelPlanner.Plan(Local("2027-03-10T08:00"), NewYork, wrongZone);

        act.Should().ThrowExactly<ArgumentException>()
            .WithMessage("firstDoseResolver must return a resolution of 2027-03-10T08:00:00 in America/New_York; was 2027-03-10T08:00:00+00:00 in Europe/London (Parameter 'firstDoseResolver')");
    }

    [Fact]
    public void Plan_ResolverReturningAnUnrelatedInstant_IsRejected()
    {
        // 08:00 -05:00 is the only mapping; an hour later is not a resolution of it.
        ZoneLocalMappingResolver anHourLate = mapping => mapping.Single().PlusHours(1);

        var act = () => LabelPlanner.Plan(Local("2027-03-10T08:00"), NewYork, anHourLate);

        act.Should().ThrowExactly<ArgumentException>().Which.ParamName.Should().Be("firstDoseResolver");
    }

    // 2027-03-14 02:30 is skipped in New York (02:00 -05:00 -> 03:00 -04:00). The whole-tick
    // resolutions a NodaTime resolver can make are accepted: the first instant after the gap
    // (03:00 -04:00) and the forward-shifted time (03:30 -04:00).
    [Theory]
    [InlineData("start of interval after", "2027-03-14T07:00:00Z")]
    [InlineData("forward shifted", "2027-03-14T07:30:00Z")]
    public void Plan_SkippedFirstDose_AcceptsEveryWholeTickResolutionOfTheGap(string resolution, string expectedInstant)
    {
        SkippedTimeResolver skipped = resolution switch
        {
            "end of interval before" => Resolvers.ReturnEndOfIntervalBefore,
            "start of interval after" => Resolvers.ReturnStartOfIntervalAfter,
            _ => Resolvers.ReturnForwardShifted,
        };
        var resolver = Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, skipped);

        var schedule = LabelPlanner.Plan(Local("2027-03-14T02:30"), NewYork, resolver);

        schedule.Doses[0].Start.ToInstant().Should().Be(NodaTime.Text.InstantPattern.ExtendedIso.Parse(expectedInstant).Value);
        CourseScheduleJson.Deserialize(CourseScheduleJson.Serialize(schedule)).Should().Be(schedule);
    }

    // The last instant before that gap is 01:59:59.999999999 -05:00 (06:59:59.999999999Z), 1 ns
    // before 07:00Z: not a whole tick (100 ns), which the rules compute in, so it is refused.
    [Fact]
    public void Plan_SkippedFirstDose_ResolvedToPartOfATick_IsRejected()
    {
        var resolver = Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnEndOfIntervalBefore);

        var act = () => LabelPlanner.Plan(Local("2027-03-14T02:30"), NewYork, resolver);

        act.Should().ThrowExactly<ArgumentException>().WithMessage(
            "firstDoseResolver must return an instant that is a whole number of ticks (100 ns), the resolution the planning rules compute at; was 2027-03-14T06:59:59.999999999Z for 2027-03-14T02:30:00 in America/New_York (Parameter 'firstDoseResolver')");
    }

    [Fact]
    public void Plan_InstantOutsideTheRepresentableRange_IsRejectedByName()
    {
        var act = () => LabelPlanner.Plan(Instant.MinValue, NewYork);

        act.Should().ThrowExactly<ArgumentOutOfRangeException>()
            .Which.Message.Should().StartWith("firstDose must be between 0001-01-01T00:00:00Z and 9999-12-31T00:00:00Z; was ");
    }

    // The instant bounds are inclusive: 0001-01-01T00:00Z is let through, and is then refused by the
    // first-dose date rule (at UTC+14 it is 0001-01-01 14:00, before 0001-01-02); 9999-12-31T00:00Z
    // is let through, and refused because the course's last day would pass 9999-12-31.
    [Fact]
    public void Plan_InstantAtEitherBound_IsRefusedByTheDateRulesNotTheInstantRange()
    {
        var earliest = () => LabelPlanner.Plan(Instant.FromUtc(1, 1, 1, 0, 0), DateTimeZone.ForOffset(Offset.FromHours(14)));
        var latest = () => LabelPlanner.Plan(Instant.FromUtc(9999, 12, 31, 0, 0), Utc);

        earliest.Should().ThrowExactly<ArgumentOutOfRangeException>()
            .Which.Message.Should().StartWith("firstDose must be on or after 0001-01-02; was 0001-01-01");
        latest.Should().ThrowExactly<ArgumentOutOfRangeException>()
            .Which.Message.Should().Be("Cannot compute the course's last day from 9999-12-31" + PastTheLastDate);
    }

    // New York skips 02:00-03:00 on 2027-03-14 (EST -05:00 -> EDT -04:00). 02:30 may resolve to any
    // instant from the last one before the gap (07:00Z less a tick) to 03:30 EDT (07:30Z); 04:30 EDT
    // (08:30Z) is past them, and 00:30 EST (05:30Z) before them.
    [Theory]
    [InlineData(1)]
    [InlineData(-2)]
    public void Plan_ResolverOutsideTheGapsResolutions_IsRejected(int hoursFromLenient)
    {
        ZoneLocalMappingResolver resolver = mapping => Resolvers.LenientResolver(mapping).PlusHours(hoursFromLenient);

        var act = () => LabelPlanner.Plan(Local("2027-03-14T02:30"), NewYork, resolver);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should()
            .StartWith("firstDoseResolver must return a resolution of 2027-03-14T02:30:00 in America/New_York; was ");
    }

    // Before 1883-11-18 New York kept local mean time, -04:56:02: RFC 3339 offsets cannot say it.
    [Fact]
    public void Plan_CourseInLocalMeanTime_IsRejectedRatherThanTruncated()
    {
        var act = () => LabelPlanner.Plan(Local("1880-03-10T08:00"), NewYork);

        var thrown = act.Should().ThrowExactly<CoursePlanningException>().WithMessage(
            "Dose 1 falls where America/New_York used an offset with seconds (-04:56:02, for example local mean time), which RFC 3339 times cannot express; plan courses from the era of whole-minute offsets.*").Which;
        (thrown.Reason, thrown.Cycle, thrown.DoseInCycle, thrown.ParamName).Should().Be((CoursePlanningFailure.OffsetWithSeconds, 1, 1, "firstDose"));
        thrown.At.LocalDateTime.Should().Be(Local("1880-03-10T08:00"));
    }

    // America/Santiago moved from -04:00 to local mean time -04:42:45 on 1919-07-01 at 04:00Z
    // (Python zoneinfo agrees). First dose 1919-06-12T01:00 -04:00: every dose is at -04:00, but
    // cycle 2 starts 06-26T01:00 -04:00 = 05:00Z and its window closes 120 h later, at 07-01T05:00Z,
    // in local mean time.
    [Fact]
    public void Plan_WindowEndInLocalMeanTime_IsRejectedToo()
    {
        var act = () => LabelPlanner.Plan(Local("1919-06-12T01:00"), "America/Santiago");

        var thrown = act.Should().ThrowExactly<CoursePlanningException>().WithMessage("The window end of cycle 2 falls where America/Santiago used an offset with seconds (-04:42:45*").Which;
        (thrown.Reason, thrown.Cycle, thrown.DoseInCycle).Should().Be((CoursePlanningFailure.OffsetWithSeconds, 2, (int?)null));
        thrown.At.ToInstant().Should().Be(Instant.FromUtc(1919, 7, 1, 5, 0));
    }

    // NodaTime's own UTC (DateTimeZone.Utc, ForOffset(Offset.Zero), "UTC+00") is planned as tzdb's Etc/UTC.
    [Fact]
    public void Plan_InNodaTimesBuiltInUtc_EqualsThePlanInEtcUtcAndReadsBack()
    {
        var etcUtc = LabelPlanner.Plan(Local("2027-03-10T08:00"), "Etc/UTC");

        var builtIn = LabelPlanner.Plan(Local("2027-03-10T08:00"), DateTimeZone.Utc);

        builtIn.Should().Be(etcUtc);
        builtIn.ZoneId.Should().Be("Etc/UTC");
        LabelPlanner.Plan(Local("2027-03-10T08:00"), "UTC+00").Should().Be(etcUtc);
        CourseScheduleJson.Deserialize(CourseScheduleJson.Serialize(builtIn)).Should().Be(etcUtc);
    }

    [Fact]
    public void Plan_FixedOffsetZone_PlansAndReadsBackFromJson()
    {
        var schedule = LabelPlanner.Plan(Local("2027-03-10T08:00"), DateTimeZone.ForOffset(Offset.FromHours(1)));

        schedule.ZoneId.Should().Be("UTC+01");
        Rfc3339(schedule.Doses[13].Start).Should().Be("2027-03-14T16:00:00+01:00");
        CourseScheduleJson.Deserialize(CourseScheduleJson.Serialize(schedule)).Should().Be(schedule);
    }


    [Fact]
    public void Serialize_ZoneWithoutAReadableId_IsRejected()
    {
        var testZone = new NodaTime.Testing.TimeZones.SingleTransitionDateTimeZone(Instant.FromUtc(2027, 3, 12, 0, 0), 0, 1);
        var schedule = LabelPlanner.Plan(Local("2027-03-10T08:00"), testZone);

        var act = () => CourseScheduleJson.Serialize(schedule);

        act.Should().ThrowExactly<ArgumentException>()
            .WithMessage($"schedule's zone must have a tzdb or fixed-offset id so the document can be read back; was '{testZone.Id}'*");
    }

    [Fact]
    public void Deserialize_MismatchMessage_ShowsOffsetsUnescaped()
    {
        var schedule = LabelPlanner.Plan(Local("2027-03-10T08:00"), "Europe/Paris");
        var json = CourseScheduleJson.Serialize(schedule).Replace("\"2027-03-10T16:00:00+01:00\"", "\"2027-03-10T17:00:00+01:00\"", StringComparison.Ordinal);

        var act = () => CourseScheduleJson.Deserialize(json);

        act.Should().Throw<JsonException>().Which.Message.Should()
            .Contain("document \"2027-03-10T17:00:00+01:00\", re-planned \"2027-03-10T16:00:00+01:00\"");
    }

    [Fact]
    public void LocalTimeMappingException_KeepsTheReasonApartFromTheAdvice()
    {
        var act = () => LabelPlanner.Plan(Local("2027-03-14T02:30"), NewYork);

        var exception = act.Should().ThrowExactly<LocalTimeMappingException>().Which;
        exception.Reason.Should().Be("The local time 2027-03-14T02:30:00 is skipped in time zone America/New_York: clocks jump from 2027-03-14T02:00 (-05) to 2027-03-14T03:00 (-04).");
        exception.Message.Should().StartWith(exception.Reason + " " + LocalTimeMappingException.Advice);
        FluentActions.Invoking(() => new LocalTimeMappingException(null!, "x")).Should().ThrowExactly<ArgumentNullException>();
    }
}
