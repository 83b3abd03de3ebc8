using FluentAssertions;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Schedules;

// WithDischargeDate: the next course starts no earlier than discharge + 7 weeks (label,
// "Retreatment"). Worked example: course end date 2027-03-28, window 2027-05-09 (+6 weeks) to
// 2027-06-20 (+12 weeks), both inclusive. Discharge + 49 days by hand:
//   2027-03-10 -> 2027-04-28   2027-03-21 -> 2027-05-09   2027-03-31 -> 2027-05-19
//   2027-05-02 -> 2027-06-20   2027-05-03 -> 2027-06-21   2027-05-10 -> 2027-06-28
public partial class CourseScheduleTests
{
    private const string Rule = "the next course starts at least 7 weeks after discharge on ";

    [Fact]
    public void WithDischargeDate_LateEnoughToMatter_MovesTheWindowStartWithANote()
    {
        var schedule = WorkedExample();

        var discharged = schedule.WithDischargeDate(Date("2027-03-31"));

        var window = discharged.NextCourseWindow;
        Iso(window.Dates!).Should().Be("2027-05-19..2027-06-20");
        window.IsEmpty.Should().BeFalse();
        window.Note.Should().Be("Start moved from 2027-05-09: " + Rule + "2027-03-31, so not before 2027-05-19.");
        window.DischargeDate.Should().Be(Date("2027-03-31"));
        window.EarliestAfterDischarge.Should().Be(Date("2027-05-19"));
        Iso(window.ByCourseEnd).Should().Be("2027-05-09..2027-06-20");
        discharged.DischargeDate.Should().Be(Date("2027-03-31"));
        discharged.ToString().Should().EndWith("; next course 2027-05-19 to 2027-06-20");
    }

    [Fact]
    public void WithDischargeDate_ChangesOnlyTheWindowAndLeavesTheOriginalUnchanged()
    {
        var schedule = WorkedExample();

        var discharged = schedule.WithDischargeDate(Date("2027-03-31"));

        discharged.Should().NotBeSameAs(schedule);
        discharged.Doses.Should().Equal(schedule.Doses);
        discharged.Cycles.Should().Equal(schedule.Cycles);
        discharged.ResponseAssessmentDate.Should().Be(Date("2027-04-25"));
        discharged.RequestedFirstDose.Should().Be(schedule.RequestedFirstDose);
        discharged.Protocol.Should().BeSameAs(schedule.Protocol);
        schedule.DischargeDate.Should().BeNull();
        Iso(schedule.NextCourseWindow.Dates!).Should().Be("2027-05-09..2027-06-20");
        schedule.NextCourseWindow.Note.Should().BeNull();
        schedule.NextCourseWindow.DischargeDate.Should().BeNull();
        schedule.NextCourseWindow.EarliestAfterDischarge.Should().BeNull();
    }

    [Fact]
    public void WithDischargeDate_TooLateForTheWindow_EmptiesItWithTheReasonInsteadOfThrowing()
    {
        var schedule = WorkedExample();

        var discharged = schedule.WithDischargeDate(Date("2027-05-10"));

        var window = discharged.NextCourseWindow;
        window.Dates.Should().BeNull();
        window.IsEmpty.Should().BeTrue();
        window.Note.Should().Be(
            "Empty: " + Rule + "2027-05-10, so not before 2027-06-28, which is after the window's end 2027-06-20 (12 weeks after the course end date 2027-03-28).");
        window.EarliestAfterDischarge.Should().Be(Date("2027-06-28"));
        Iso(window.ByCourseEnd).Should().Be("2027-05-09..2027-06-20");
        Iso(schedule.NextCourseWindow.Dates!).Should().Be("2027-05-09..2027-06-20");
    }

    // With the label's 7 weeks, a discharge on or after the course end date (2027-03-28) always
    // moves the start past course end + 6 weeks. A protocol with a 5-week minimum shows the case
    // where the discharge rule leaves the window as it was.
    [Theory]
    [InlineData("2027-03-28", "2027-05-02")] // the course end date itself is allowed
    [InlineData("2027-04-04", "2027-05-09")] // + 5 weeks lands exactly on the window's first day
    public void WithDischargeDate_EarlyEnough_LeavesTheWindowAsItWas(string discharge, string earliestAfterDischarge)
    {
        var fiveWeeks = new CourseProtocolBuilder { MinimumIntervalAfterDischarge = Period.FromWeeks(5) }.Build();
        var discharged = new CoursePlanner(fiveWeeks).Plan(Local("2027-03-10T08:00"), "America/New_York").WithDischargeDate(Date(discharge));

        var window = discharged.NextCourseWindow;
        Iso(window.Dates!).Should().Be("2027-05-09..2027-06-20");
        window.Note.Should().BeNull();
        window.DischargeDate.Should().Be(Date(discharge));
        window.EarliestAfterDischarge.Should().Be(Date(earliestAfterDischarge));
    }

    [Fact]
    public void WithDischargeDate_LandingOnTheWindowsLastDay_LeavesAOneDayWindow()
    {
        var window = WorkedExample().WithDischargeDate(Date("2027-05-02")).NextCourseWindow;

        Iso(window.Dates!).Should().Be("2027-06-20..2027-06-20");
        window.Note.Should().Be("Start moved from 2027-05-09: " + Rule + "2027-05-02, so not before 2027-06-20.");
    }

    [Fact]
    public void WithDischargeDate_OneDayPastTheLastDay_EmptiesTheWindow()
    {
        var window = WorkedExample().WithDischargeDate(Date("2027-05-03")).NextCourseWindow;

        window.IsEmpty.Should().BeTrue();
        window.Note.Should().Be(
            "Empty: " + Rule + "2027-05-03, so not before 2027-06-21, which is after the window's end 2027-06-20 (12 weeks after the course end date 2027-03-28).");
    }

    [Fact]
    public void WithDischargeDate_BeforeTheCourseEndDate_ThrowsAndChangesNothing()
    {
        var schedule = WorkedExample();

        // 2027-03-27 is the day before the last dose (2027-03-28 16:00): a discharge between or during cycles.
        var act = () => schedule.WithDischargeDate(Date("2027-03-27"));

        var exception = act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        exception.ParamName.Should().Be("dischargeDate");
        exception.Message.Should().StartWith(
            "dischargeDate must not be before the course end date 2027-03-28: the minimum interval counts from the discharge after the course; was 2027-03-27");
        schedule.DischargeDate.Should().BeNull();
        Iso(schedule.NextCourseWindow.Dates!).Should().Be("2027-05-09..2027-06-20");
    }

    [Fact]
    public void WithDischargeDate_Null_RemovesTheDischargeDate()
    {
        var schedule = WorkedExample();

        var restored = schedule.WithDischargeDate(Date("2027-05-10")).WithDischargeDate(null);

        restored.DischargeDate.Should().BeNull();
        restored.NextCourseWindow.IsEmpty.Should().BeFalse();
        restored.Should().Be(schedule);
    }

    [Fact]
    public void WithDischargeDate_CustomMinimumInterval_UsesItInTheRuleAndTheNote()
    {
        var protocol = new CourseProtocolBuilder { MinimumIntervalAfterDischarge = Period.FromWeeks(8) }.Build();
        var schedule = new CoursePlanner(protocol).Plan(Local("2027-03-10T08:00"), NewYork);

        // 2027-03-31 + 56 days = 2027-05-26.
        var window = schedule.WithDischargeDate(Date("2027-03-31")).NextCourseWindow;

        Iso(window.Dates!).Should().Be("2027-05-26..2027-06-20");
        window.Note.Should().Be(
            "Start moved from 2027-05-09: the next course starts at least 8 weeks after discharge on 2027-03-31, so not before 2027-05-26.");
    }

    // First dose 9999-09-20 (UTC): course end date 9999-10-08, window 9999-11-19 to 9999-12-31.
    // A discharge on 9999-12-31 + 7 weeks would pass the last date NodaTime can represent: the
    // window is then empty with the reason, not an exception (rule 8).
    [Fact]
    public void WithDischargeDate_WhoseSevenWeeksPassTheLastDate_EmptiesTheWindowWithTheReason()
    {
        var schedule = new CoursePlanner().Plan(Local("9999-09-20T08:00"), "Etc/UTC");

        var window = schedule.WithDischargeDate(Date("9999-12-31")).NextCourseWindow;

        window.IsEmpty.Should().BeTrue();
        window.EarliestAfterDischarge.Should().BeNull();
        window.Note.Should().Be(
            "Empty: the next course starts at least 7 weeks after discharge on 9999-12-31, which is after 9999-12-31, the last date that can be represented, and so after the window's end 9999-12-31 (12 weeks after the course end date 9999-10-08).");
        schedule.DischargeDate.Should().BeNull();
    }
}
