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

    // Samoa skipped 2011-12-30: the 9th wall-clock dose would start at 2011-12-31 00:00 (+14:00),
    // before the 8th (12-29 16:00 -10:00, that is 12-31 16:00 +14:00, plus 15 minutes) ends.
    [Fact]
    public void PlanningException_GivesTheProblemWithoutTheAdvice()
    {
        var plan = () => new CoursePlanner(CourseProtocol.Label.WithDoseTiming(DoseTiming.WallClock))
            .Plan(new LocalDateTime(2011, 12, 28, 8, 0), DateTimeZoneProviders.Tzdb["Pacific/Apia"]);

        var e = plan.Should().Throw<CoursePlanningException>().Which;
        e.Problem.Should().Be("Dose 9 of cycle 1 would start at 2011-12-31T00:00:00+14:00, before the previous infusion ends at 2011-12-31T16:15:00+14:00: Pacific/Apia changes its clocks too far for wall-clock timing here");
        e.Message.Should().StartWith(e.Problem + "; use DoseTiming.Elapsed.");
        (e.Reason, e.Cycle, e.DoseInCycle).Should().Be((CoursePlanningFailure.DoseBeforePreviousInfusionEnds, 1, 9));
    }
}
