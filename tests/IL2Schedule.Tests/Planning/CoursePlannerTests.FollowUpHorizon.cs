using FluentAssertions;
using NodaTime;

namespace IL2Schedule.Tests.Planning;

// The dates the follow-up rules can look at, worked by hand from the label's periods: imaging 4
// weeks after the course end date, give or take 31 days for its move onto a working day; the
// next-course window 6 to 12 weeks after it.
public partial class CoursePlannerTests
{
    // Worked example: course end date 2027-03-28; imaging 04-25 (03-25 .. 05-26 with the reach);
    // window 05-09 .. 06-20.
    [Fact]
    public void FollowUpHorizon_OfACourseEndDate_CoversImagingReachAndWindow()
    {
        var horizon = new CoursePlanner().FollowUpHorizon(new LocalDate(2027, 3, 28));

        (horizon.Start, horizon.End).Should().Be((new LocalDate(2027, 3, 25), new LocalDate(2027, 6, 20)));
    }

    // First dose 2027-03-10: the course ends no earlier than that day (imaging 04-07, reach from
    // 03-07) and no later than 10 + 2 x 5 + 9 + 2 = 21 days on, 03-31 (window end 06-23).
    [Fact]
    public void FollowUpHorizon_OfFirstDoseDates_CoversEveryCourseEndTheyCanHave()
    {
        var firstDose = new LocalDate(2027, 3, 10);

        var horizon = new CoursePlanner().FollowUpHorizon(new DateInterval(firstDose, firstDose));

        (horizon.Start, horizon.End).Should().Be((new LocalDate(2027, 3, 7), new LocalDate(2027, 6, 23)));
        horizon.Contains(new DateInterval(new LocalDate(2027, 3, 25), new LocalDate(2027, 6, 20))).Should().BeTrue("the worked example's own horizon");
    }

    [Fact]
    public void FollowUpHorizon_StaysWithinTheLastRepresentableDate()
    {
        new CoursePlanner().FollowUpHorizon(new LocalDate(9999, 12, 1)).End.Should().Be(new LocalDate(9999, 12, 31));
    }

    // Course end date 0001-01-02 (label): imaging 0001-01-30; its reach back (31 days) would be
    // 0000-12-30, so the start is clamped to 0001-01-01; reach forward to 0001-03-02 (year 1 is not
    // a leap year); window end 12 weeks on, 0001-03-27.
    [Fact]
    public void FollowUpHorizon_NearTheFirstRepresentableDate_ClampsTheStartTo00010101()
    {
        var horizon = new CoursePlanner().FollowUpHorizon(new LocalDate(1, 1, 2));

        (horizon.Start, horizon.End).Should().Be((new LocalDate(1, 1, 1), new LocalDate(1, 3, 27)));
    }

    // Course end date 9999-12-01 (label): imaging 9999-12-29, reach back to 9999-11-28; reach
    // forward, and both window ends (6 and 12 weeks), pass 9999-12-31 and are clamped to it.
    [Fact]
    public void FollowUpHorizon_NearTheLastRepresentableDate_ClampsEveryLaterDateTo99991231()
    {
        var horizon = new CoursePlanner().FollowUpHorizon(new LocalDate(9999, 12, 1));

        (horizon.Start, horizon.End).Should().Be((new LocalDate(9999, 11, 28), new LocalDate(9999, 12, 31)));
    }

    // Periods in months and years clamp as weeks do. Course end date 9999-12-01: imaging a year
    // later and the window (2 to 3 months later) all pass 9999-12-31, so imaging is 9999-12-31 and
    // its reach back 31 days gives 9999-11-30.
    [Fact]
    public void FollowUpHorizon_MonthAndYearPeriodsPastTheLastDate_ClampTo99991231()
    {
        var protocol = new CourseProtocolBuilder(CourseProtocol.Label)
        {
            ResponseAssessmentDelay = Period.FromYears(1),
            RetreatmentWindowStart = Period.FromMonths(2),
            RetreatmentWindowEnd = Period.FromMonths(3),
        }.Build();

        var horizon = new CoursePlanner(protocol).FollowUpHorizon(new LocalDate(9999, 12, 1));

        (horizon.Start, horizon.End).Should().Be((new LocalDate(9999, 11, 30), new LocalDate(9999, 12, 31)));
    }

    [Fact]
    public void FollowUpHorizon_DatesInAnotherCalendar_AreRejectedByName()
    {
        var julian = new LocalDate(2027, 3, 28, CalendarSystem.Julian);

        FluentActions.Invoking(() => new CoursePlanner().FollowUpHorizon(julian))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("courseEndDate");
        FluentActions.Invoking(() => new CoursePlanner().FollowUpHorizon(new DateInterval(julian, julian)))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("firstDoseDates");
    }

    [Fact]
    public void FollowUpHorizon_NullFirstDoseDates_ThrowsArgumentNullException()
    {
        FluentActions.Invoking(() => new CoursePlanner().FollowUpHorizon((DateInterval)null!))
            .Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("firstDoseDates");
    }

    // Samoa skipped 2011-12-30: the 9th wall-clock dose would start at 2011-12-31 00:00 (+14:00),
    // before the 8th (12-29 16:00 -10:00, that is 12-31 16:00 +14:00, plus 15 minutes) ends.
    [Fact]
    public void PlanningException_GivesTheProblemWithoutTheAdvice()
    {
        var plan = () => new CoursePlanner(CourseProtocol.Label.WithDoseTiming(DoseTiming.WallClock))
            .Plan(new LocalDateTime(2011, 12, 28, 8, 0), DateTimeZoneProviders.Tzdb["Pacific/Apia"]);

        var e = plan.Should().Throw<CoursePlanningException>().Which;
        e.Problem.Should().Be("Dose 9 of cycle 1 would start at 2011-12-31T00:00:00+14:00, before the previous infusion ends at 2011-12-31T16:15:00+14:00: Pacific/Apia changes its clocks too far for wall-clock timing here; see rule 3 (Dose timing)");
        e.Message.Should().StartWith(e.Problem + "; use DoseTiming.Elapsed.");
        (e.Reason, e.Cycle, e.DoseInCycle).Should().Be((CoursePlanningFailure.DoseBeforePreviousInfusionEnds, 1, 9));
    }
}
