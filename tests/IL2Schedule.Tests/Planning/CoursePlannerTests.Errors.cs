using FluentAssertions;
using NodaTime;
using NodaTime.TimeZones;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Planning;

// Bad input and impossible plans: null arguments, dates outside NodaTime's range, and zones whose
// clock changes make a plan impossible.
public partial class CoursePlannerTests
{
    private static readonly DateTimeZone Utc = DateTimeZoneProviders.Tzdb["Etc/UTC"];

    private const string PastTheLastDate = ": the dates would pass 9999-12-31, the last date NodaTime can represent.";

    [Fact]
    public void Constructor_NullProtocol_ThrowsArgumentNullException()
    {
        var act = () => new CoursePlanner(null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("protocol");
    }

    [Fact]
    public void Constructor_WithoutProtocol_UsesTheLabelPreset()
    {
        new CoursePlanner().Protocol.Should().BeSameAs(CourseProtocol.Label);
    }

    [Fact]
    public void Plan_NullZone_ThrowsArgumentNullException()
    {
        var act = () => LabelPlanner.Plan(Local("2027-03-10T08:00"), (DateTimeZone)null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("zone");
    }

    [Fact]
    public void Plan_NullZoneWithResolver_ThrowsArgumentNullException()
    {
        var act = () => LabelPlanner.Plan(Local("2027-03-10T08:00"), null!, Resolvers.LenientResolver);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("zone");
    }

    [Fact]
    public void Plan_NullResolver_ThrowsArgumentNullException()
    {
        var act = () => LabelPlanner.Plan(Local("2027-03-10T08:00"), NewYork, null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("firstDoseResolver");
    }

    [Fact]
    public void Plan_InstantWithNullZone_ThrowsArgumentNullException()
    {
        var act = () => LabelPlanner.Plan(Instant.FromUtc(2027, 3, 10, 13, 0), null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("zone");
    }

    // Documented: "ArgumentNullException: zoneId is null."
    [Fact]
    public void Plan_NullZoneId_ThrowsArgumentNullExceptionNamingZoneId()
    {
        var act = () => LabelPlanner.Plan(Local("2027-03-10T08:00"), (string)null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("zoneId");
    }

    [Fact]
    public void Plan_FirstDoseOnTheEarliestAllowedDate_Plans()
    {
        var schedule = LabelPlanner.Plan(Local("0001-01-02T00:00"), Utc);

        Rfc3339(schedule.Doses[0].Start).Should().Be("0001-01-02T00:00:00+00:00");
        // Cycle 2: day 15 = 0001-01-16; its 14th dose is 104 h later = 0001-01-20T08:00.
        Rfc3339(schedule.CourseEnd).Should().Be("0001-01-20T08:15:00+00:00");
    }

    [Theory]
    [InlineData("local date-time")]
    [InlineData("resolver")]
    [InlineData("zone id")]
    [InlineData("zoned date-time")]
    [InlineData("instant")]
    public void Plan_FirstDoseBeforeTheEarliestDate_ThrowsArgumentOutOfRangeExceptionInEveryForm(string form)
    {
        var firstDose = Local("0001-01-01T08:00");
        Func<CourseSchedule> act = form switch
        {
            "local date-time" => () => LabelPlanner.Plan(firstDose, Utc),
            "resolver" => () => LabelPlanner.Plan(firstDose, Utc, Resolvers.LenientResolver),
            "zone id" => () => LabelPlanner.Plan(firstDose, "Etc/UTC"),
            "zoned date-time" => () => LabelPlanner.Plan(firstDose.InZoneStrictly(Utc)),
            _ => () => LabelPlanner.Plan(firstDose.InZoneStrictly(Utc).ToInstant(), Utc),
        };

        var exception = act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        exception.ParamName.Should().Be("firstDose");
        exception.Message.Should().StartWith("firstDose must be on or after 0001-01-02; was 0001-01-01");
    }

    // Julian 2027-02-25 is ISO 2027-03-10. NodaTime accepts a LocalDateTime in any calendar; the
    // planner rejects other calendars by the argument's name rather than convert silently (or
    // fail inside a date comparison, "rhs").
    [Fact]
    public void Plan_FirstDoseInAnotherCalendar_IsRejectedByName()
    {
        var julian = new LocalDateTime(2027, 2, 25, 8, 0, CalendarSystem.Julian);

        var act = () => LabelPlanner.Plan(julian, NewYork);

        act.Should().ThrowExactly<ArgumentException>()
            .WithMessage("firstDose must be in the ISO calendar; was 2027-02-25 in the Julian calendar (Parameter 'firstDose')")
            .Which.ParamName.Should().Be("firstDose");
    }

    // Latest first dose whose whole follow-up fits: first dose 9999-09-20 -> cycle 2 on 10-04 ->
    // course end date 10-08 -> window end 10-08 + 84 days = 9999-12-31.
    [Fact]
    public void Plan_CourseWhoseWindowEndsOnTheLastDate_Plans()
    {
        var schedule = LabelPlanner.Plan(Local("9999-09-20T08:00"), Utc);

        Iso(schedule.CourseEndDate).Should().Be("9999-10-08");
        Iso(schedule.ResponseAssessmentDate).Should().Be("9999-11-05");
        Iso(schedule.NextCourseWindow.Dates!).Should().Be("9999-11-19..9999-12-31");
    }

    [Fact]
    public void Plan_CourseWhoseWindowWouldEndAfterTheLastDate_ThrowsNamingTheWindowEnd()
    {
        var act = () => LabelPlanner.Plan(Local("9999-09-21T08:00"), Utc);

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which.Message.Should().Be(
            "Cannot compute the next-course window's end from 9999-10-09" + PastTheLastDate);
    }

    // First dose 9999-12-01: course end date 9999-12-19; + 4 weeks would be 10000-01-16.
    [Fact]
    public void Plan_FirstDoseInDecember9999_ThrowsNamingTheLastRepresentableDate()
    {
        var act = () => LabelPlanner.Plan(Local("9999-12-01T08:00"), Utc);

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which.Message.Should().Be(
            "Cannot compute the response-assessment date from 9999-12-19" + PastTheLastDate);
    }

    // First dose 9999-12-20: the course itself (21 days with two spare) would pass 9999-12-31.
    [Fact]
    public void Plan_CourseThatWouldPassTheLastDate_ThrowsNamingTheCourseLastDay()
    {
        var act = () => LabelPlanner.Plan(Local("9999-12-20T08:00"), Utc);

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which.Message.Should().Be(
            "Cannot compute the course's last day from 9999-12-20" + PastTheLastDate);
    }

    // Pacific/Apia: at 2011-12-30T10:00Z, -10:00 -> +14:00; local 2011-12-30 does not exist.
    // Wall clock from 2011-12-28T08:00 -10:00: doses 6–8 fall on the missing 12-30 (00:00, 08:00,
    // 16:00) and are shifted a day forward (to 12-31 at +14:00); dose 8 is 2011-12-31T16:00 +14:00
    // (02:00Z on 12-31) and ends 16:15. Dose 9 is 2011-12-31T00:00 +14:00 = 10:00Z on 12-30: before
    // dose 8 ends. Wall-clock timing cannot give this course; elapsed timing can (see the Apia
    // cycle-1 timeline).
    [Fact]
    public void Plan_WallClockAcrossASkippedCalendarDay_ThrowsAdvisingElapsedTiming()
    {
        var planner = new CoursePlanner(LabelWith(DoseTiming.WallClock));

        var act = () => planner.Plan(Local("2011-12-28T08:00"), "Pacific/Apia");

        var thrown = act.Should().ThrowExactly<CoursePlanningException>().Which;
        (thrown.Reason, thrown.Cycle, thrown.DoseInCycle).Should().Be((CoursePlanningFailure.DoseBeforePreviousInfusionEnds, 1, 9));
        thrown.Message.Should().Be(
            "Dose 9 of cycle 1 would start at 2011-12-31T00:00:00+14:00, before the previous infusion ends at 2011-12-31T16:15:00+14:00: "
            + "Pacific/Apia changes its clocks too far for wall-clock timing here; see rule 3 (Dose timing); use DoseTiming.Elapsed. (Parameter 'firstDose')");
    }

    // Pacific/Apia as above. A 2-day cycle with no rest and 4 doses (slots at 0, 8, 16, 24, 32,
    // 40 h): first dose 2011-12-29T08:00 -10:00 = 18:00Z; dose 4 at +24 h = 18:00Z on 12-30 =
    // 2011-12-31T08:00 +14:00, ending 08:15. Cycle 2 is 2 calendar days after the first dose,
    // 2011-12-31T08:00 +14:00 — the same instant, because the calendar skipped a day.
    [Fact]
    public void Plan_CycleThatWouldStartBeforeThePreviousCycleEnds_ThrowsAdvisingALongerRest()
    {
        var protocol = new CourseProtocolBuilder { CycleLengthDays = 2, RestPeriodDays = 0, MaxDosesPerCycle = 4 }.Build();

        var act = () => new CoursePlanner(protocol).Plan(Local("2011-12-29T08:00"), "Pacific/Apia");

        var thrown = act.Should().ThrowExactly<CoursePlanningException>().Which;
        (thrown.Reason, thrown.Cycle, thrown.DoseInCycle).Should().Be((CoursePlanningFailure.CycleStartsBeforePreviousCycleEnds, 2, (int?)null));
        thrown.At.ToString().Should().StartWith("2011-12-31T08:00:00 Pacific/Apia (+14)");
        thrown.Message.Should().Be(
            "Cycle 2 would start at 2011-12-31T08:00:00+14:00, before cycle 1's last infusion ends at 2011-12-31T08:15:00+14:00: "
            + "Pacific/Apia skips calendar time between them; see rule 2 (Cycle start); lengthen the rest period. (Parameter 'firstDose')");
    }
}
