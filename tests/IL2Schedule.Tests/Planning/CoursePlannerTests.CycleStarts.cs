using FluentAssertions;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Planning;

// Cycle 2 starts on day 15 at the first dose's requested clock time (calendar arithmetic), then
// that local time is resolved leniently: a skipped time moves forward by the gap, a repeated time
// takes the earlier instant. Expected values: independent oracle (Python zoneinfo, tzdb 2025b).
public partial class CoursePlannerTests
{
    // America/New_York, spring 2027: at 2027-03-14T07:00Z clocks jump from 02:00 EST (-05:00) to
    // 03:00 EDT (-04:00); local 02:00–03:00 on 2027-03-14 does not exist.
    // First dose 2027-02-28T02:30 -05:00 (exists). Cycle 2's nominal start 2027-03-14T02:30 is in
    // the gap; shifted forward by the 1-hour gap it is 03:30 -04:00 (07:30Z, 14 x 24 h after
    // dose 1). Its doses then follow every 8 h: 03:30, 11:30, 19:30 EDT.
    [Fact]
    public void Plan_CycleTwoNominalStartInSpringGap_StartsAtTheShiftedTime()
    {
        var schedule = Plan("2027-02-28T02:30", "America/New_York");

        ShouldHaveTimeline(
            schedule,
            [
                // Cycle 1
                "2027-02-28T02:30:00-05:00", "2027-02-28T10:30:00-05:00", "2027-02-28T18:30:00-05:00",
                "2027-03-01T02:30:00-05:00", "2027-03-01T10:30:00-05:00", "2027-03-01T18:30:00-05:00",
                "2027-03-02T02:30:00-05:00", "2027-03-02T10:30:00-05:00", "2027-03-02T18:30:00-05:00",
                "2027-03-03T02:30:00-05:00", "2027-03-03T10:30:00-05:00", "2027-03-03T18:30:00-05:00",
                "2027-03-04T02:30:00-05:00", "2027-03-04T10:30:00-05:00",
                // Cycle 2: nominal 2027-03-14T02:30 is skipped -> 03:30 -04:00
                "2027-03-14T03:30:00-04:00", "2027-03-14T11:30:00-04:00", "2027-03-14T19:30:00-04:00",
                "2027-03-15T03:30:00-04:00", "2027-03-15T11:30:00-04:00", "2027-03-15T19:30:00-04:00",
                "2027-03-16T03:30:00-04:00", "2027-03-16T11:30:00-04:00", "2027-03-16T19:30:00-04:00",
                "2027-03-17T03:30:00-04:00", "2027-03-17T11:30:00-04:00", "2027-03-17T19:30:00-04:00",
                "2027-03-18T03:30:00-04:00", "2027-03-18T11:30:00-04:00",
            ],
            cycleStarts: ["2027-02-28T02:30:00-05:00", "2027-03-14T03:30:00-04:00"],
            windowEnds: ["2027-03-05T02:30:00-05:00", "2027-03-19T03:30:00-04:00"],
            courseEnd: "2027-03-18T11:45:00-04:00",
            courseEndDate: "2027-03-18",
            imagingDate: "2027-04-15",
            nextCourseWindow: "2027-04-29..2027-06-10");
        schedule.Cycles[1].NominalStart.Should().Be(Local("2027-03-14T02:30"));
        Rfc3339(schedule.Doses[14].End).Should().Be("2027-03-14T03:45:00-04:00");
    }

    // America/New_York, autumn 2027: at 2027-11-07T06:00Z clocks go back from 02:00 EDT (-04:00)
    // to 01:00 EST (-05:00); local 01:00–02:00 on 2027-11-07 happens twice.
    // First dose 2027-10-24T01:30 -04:00. Cycle 2's nominal start 2027-11-07T01:30 is ambiguous;
    // it takes the earlier instant, 01:30 -04:00 (05:30Z). Elapsed doses: the next is 8 h later,
    // 13:30Z = 08:30 -05:00. Window end: 05:30Z + 120 h = 2027-11-12T05:30Z = 00:30 -05:00.
    [Fact]
    public void Plan_CycleTwoNominalStartInAutumnOverlap_TakesTheEarlierInstant()
    {
        var schedule = Plan("2027-10-24T01:30", "America/New_York");

        ShouldHaveTimeline(
            schedule,
            [
                // Cycle 1
                "2027-10-24T01:30:00-04:00", "2027-10-24T09:30:00-04:00", "2027-10-24T17:30:00-04:00",
                "2027-10-25T01:30:00-04:00", "2027-10-25T09:30:00-04:00", "2027-10-25T17:30:00-04:00",
                "2027-10-26T01:30:00-04:00", "2027-10-26T09:30:00-04:00", "2027-10-26T17:30:00-04:00",
                "2027-10-27T01:30:00-04:00", "2027-10-27T09:30:00-04:00", "2027-10-27T17:30:00-04:00",
                "2027-10-28T01:30:00-04:00", "2027-10-28T09:30:00-04:00",
                // Cycle 2: nominal 2027-11-07T01:30 is repeated -> the earlier, -04:00
                "2027-11-07T01:30:00-04:00", "2027-11-07T08:30:00-05:00", "2027-11-07T16:30:00-05:00",
                "2027-11-08T00:30:00-05:00", "2027-11-08T08:30:00-05:00", "2027-11-08T16:30:00-05:00",
                "2027-11-09T00:30:00-05:00", "2027-11-09T08:30:00-05:00", "2027-11-09T16:30:00-05:00",
                "2027-11-10T00:30:00-05:00", "2027-11-10T08:30:00-05:00", "2027-11-10T16:30:00-05:00",
                "2027-11-11T00:30:00-05:00", "2027-11-11T08:30:00-05:00",
            ],
            cycleStarts: ["2027-10-24T01:30:00-04:00", "2027-11-07T01:30:00-04:00"],
            windowEnds: ["2027-10-29T01:30:00-04:00", "2027-11-12T00:30:00-05:00"],
            courseEnd: "2027-11-11T08:45:00-05:00",
            courseEndDate: "2027-11-11",
            imagingDate: "2027-12-09",
            nextCourseWindow: "2027-12-23..2028-02-03");
        schedule.Cycles[1].NominalStart.Should().Be(Local("2027-11-07T01:30"));
        Rfc3339(schedule.Doses[14].End).Should().Be("2027-11-07T01:45:00-04:00");
    }

    // Pacific/Apia, December 2011: at 2011-12-30T10:00Z the zone moved from -10:00 to +14:00, so
    // the local date 2011-12-30 does not exist (local 2011-12-30T00:00 -> 2011-12-31T00:00).
    // First dose 2011-12-20T08:00 -10:00. Cycle 2 is 14 calendar days later, 2012-01-03T08:00
    // +14:00 — only 13 x 24 h of elapsed time after dose 1 (18:00Z on 12-20 -> 18:00Z on 01-02).
    [Fact]
    public void Plan_CycleTwoAfterASkippedCalendarDay_StartsOnDayFifteenByTheCalendar()
    {
        var schedule = Plan("2011-12-20T08:00", "Pacific/Apia");

        ShouldHaveTimeline(
            schedule,
            [
                // Cycle 1
                "2011-12-20T08:00:00-10:00", "2011-12-20T16:00:00-10:00", "2011-12-21T00:00:00-10:00",
                "2011-12-21T08:00:00-10:00", "2011-12-21T16:00:00-10:00", "2011-12-22T00:00:00-10:00",
                "2011-12-22T08:00:00-10:00", "2011-12-22T16:00:00-10:00", "2011-12-23T00:00:00-10:00",
                "2011-12-23T08:00:00-10:00", "2011-12-23T16:00:00-10:00", "2011-12-24T00:00:00-10:00",
                "2011-12-24T08:00:00-10:00", "2011-12-24T16:00:00-10:00",
                // Cycle 2: after the skipped 2011-12-30
                "2012-01-03T08:00:00+14:00", "2012-01-03T16:00:00+14:00", "2012-01-04T00:00:00+14:00",
                "2012-01-04T08:00:00+14:00", "2012-01-04T16:00:00+14:00", "2012-01-05T00:00:00+14:00",
                "2012-01-05T08:00:00+14:00", "2012-01-05T16:00:00+14:00", "2012-01-06T00:00:00+14:00",
                "2012-01-06T08:00:00+14:00", "2012-01-06T16:00:00+14:00", "2012-01-07T00:00:00+14:00",
                "2012-01-07T08:00:00+14:00", "2012-01-07T16:00:00+14:00",
            ],
            cycleStarts: ["2011-12-20T08:00:00-10:00", "2012-01-03T08:00:00+14:00"],
            windowEnds: ["2011-12-25T08:00:00-10:00", "2012-01-08T08:00:00+14:00"],
            courseEnd: "2012-01-07T16:15:00+14:00",
            courseEndDate: "2012-01-07",
            imagingDate: "2012-02-04",
            nextCourseWindow: "2012-02-18..2012-03-31");
        (schedule.Cycles[1].Start.ToInstant() - schedule.Cycles[0].Start.ToInstant()).Should().Be(Duration.FromDays(13));
    }

    // Pacific/Apia, December 2011 (as above: -10:00 -> +14:00 at 2011-12-30T10:00Z, local date
    // 2011-12-30 skipped). First dose 2011-12-28T08:00 -10:00; with elapsed timing dose 6 is
    // 8 h after dose 5 (16:00 -10:00 on 12-29 = 02:00Z on 12-30) = 10:00Z = 2011-12-31T00:00 +14:00.
    // Cycle 1's window ends 120 h after 18:00Z on 12-28 = 18:00Z on 2012-01-02 = 08:00 +14:00 on 01-03.
    [Fact]
    public void Plan_CycleOneAcrossASkippedCalendarDay_KeepsEightElapsedHoursBetweenDoses()
    {
        var schedule = Plan("2011-12-28T08:00", "Pacific/Apia");

        ShouldHaveTimeline(
            schedule,
            [
                // Cycle 1: dose 6 jumps the missing 2011-12-30
                "2011-12-28T08:00:00-10:00", "2011-12-28T16:00:00-10:00", "2011-12-29T00:00:00-10:00",
                "2011-12-29T08:00:00-10:00", "2011-12-29T16:00:00-10:00", "2011-12-31T00:00:00+14:00",
                "2011-12-31T08:00:00+14:00", "2011-12-31T16:00:00+14:00", "2012-01-01T00:00:00+14:00",
                "2012-01-01T08:00:00+14:00", "2012-01-01T16:00:00+14:00", "2012-01-02T00:00:00+14:00",
                "2012-01-02T08:00:00+14:00", "2012-01-02T16:00:00+14:00",
                // Cycle 2
                "2012-01-11T08:00:00+14:00", "2012-01-11T16:00:00+14:00", "2012-01-12T00:00:00+14:00",
                "2012-01-12T08:00:00+14:00", "2012-01-12T16:00:00+14:00", "2012-01-13T00:00:00+14:00",
                "2012-01-13T08:00:00+14:00", "2012-01-13T16:00:00+14:00", "2012-01-14T00:00:00+14:00",
                "2012-01-14T08:00:00+14:00", "2012-01-14T16:00:00+14:00", "2012-01-15T00:00:00+14:00",
                "2012-01-15T08:00:00+14:00", "2012-01-15T16:00:00+14:00",
            ],
            cycleStarts: ["2011-12-28T08:00:00-10:00", "2012-01-11T08:00:00+14:00"],
            windowEnds: ["2012-01-03T08:00:00+14:00", "2012-01-16T08:00:00+14:00"],
            courseEnd: "2012-01-15T16:15:00+14:00",
            courseEndDate: "2012-01-15",
            imagingDate: "2012-02-12",
            nextCourseWindow: "2012-02-26..2012-04-08");
        Rfc3339(schedule.Doses[4].End).Should().Be("2011-12-29T16:15:00-10:00");
        Rfc3339(schedule.Doses[5].End).Should().Be("2011-12-31T00:15:00+14:00");
    }
}
