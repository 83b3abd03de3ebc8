using FluentAssertions;
using IL2Schedule.ICalendar;
using IL2Schedule.Tests.WorkingDays;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Schedules;

// Follow-up dates on working days. A first dose at 08:00 gives a course end date 18 days later
// (cycle 2's 14th dose, day 19, 16:00-16:15), imaging 4 weeks after that, the same weekday.
public partial class CourseScheduleTests
{
    private static CourseSchedule PlanAt(string firstDose, string zoneId) =>
        new CoursePlanner().Plan(Local(firstDose), zoneId);

    // First dose Tue 2027-03-09 08:00 New York: course end date Sat 03-27, imaging Sat 04-24.
    // Next: Mon 04-26. Previous: Fri 04-23. Nearest: Fri (1 day) rather than Mon (2). None: Sat.
    [Theory]
    [InlineData(NonWorkingDayShift.Next, "2027-04-26")]
    [InlineData(NonWorkingDayShift.Previous, "2027-04-23")]
    [InlineData(NonWorkingDayShift.Nearest, "2027-04-23")]
    [InlineData(NonWorkingDayShift.None, "2027-04-24")]
    public void WithWorkingDays_ImagingOnASaturday_Moves(NonWorkingDayShift shift, string expected)
    {
        var course = PlanAt("2027-03-09T08:00", "America/New_York");

        var adjusted = course.WithWorkingDays(WorkingDayCalendar.SaturdaySunday, shift);

        Iso(adjusted.ResponseAssessmentDateUnadjusted).Should().Be("2027-04-24");
        Iso(adjusted.ResponseAssessmentDate).Should().Be(expected);
        adjusted.ImagingDateShift.Should().Be(shift);
        Iso(course.ResponseAssessmentDate).Should().Be("2027-04-24", "the original schedule is unchanged");
    }

    // First dose Thu 2027-04-15 08:00 New York: course end date Mon 05-03, imaging Mon 05-31,
    // Memorial Day in the checked-in .ics. Next: Tue 06-01. Previous: Fri 05-28 (the weekend
    // before is closed too). Nearest: Tue (1 day) rather than Fri (3).
    [Theory]
    [InlineData(NonWorkingDayShift.Next, "2027-06-01")]
    [InlineData(NonWorkingDayShift.Previous, "2027-05-28")]
    [InlineData(NonWorkingDayShift.Nearest, "2027-06-01")]
    public void WithWorkingDays_ImagingOnAHolidayMondayFromAnIcsFile_Moves(NonWorkingDayShift shift, string expected)
    {
        var holidays = ICalendarHolidays.Read(ICalendarHolidaysTests.TestData("us-closures-2027.ics"), new DateInterval(Date("2027-01-01"), Date("2027-12-31")));
        var calendar = WorkingDayCalendar.SaturdaySunday.WithHolidays(holidays);

        var course = PlanAt("2027-04-15T08:00", "America/New_York").WithWorkingDays(calendar, shift);

        Iso(course.CourseEndDate).Should().Be("2027-05-03");
        Iso(course.ResponseAssessmentDateUnadjusted).Should().Be("2027-05-31");
        Iso(course.ResponseAssessmentDate).Should().Be(expected);
    }

    // Europe/London, first dose Thu 2027-11-11 08:00 (GMT): course end date Mon 11-29, imaging
    // Mon 12-27, a bank holiday (substitute Christmas Day) followed by Tue 12-28, another (substitute
    // Boxing Day). Next: Wed 12-29. Previous: Fri 12-24 (Sun 26 and Sat 25 are weekend).
    // Nearest: 1 day away both sides are closed; 2 days on, Wed 12-29 is open (2 days back is Sat).
    [Theory]
    [InlineData(NonWorkingDayShift.Next, "2027-12-29")]
    [InlineData(NonWorkingDayShift.Previous, "2027-12-24")]
    [InlineData(NonWorkingDayShift.Nearest, "2027-12-29")]
    public void WithWorkingDays_ImagingOnAHolidayFollowedByAnother_SkipsBoth(NonWorkingDayShift shift, string expected)
    {
        var holidays = ICalendarHolidays.Read(ICalendarHolidaysTests.TestData("england-bank-holidays-2027.ics"), new DateInterval(Date("2027-01-01"), Date("2028-12-31")));

        var course = PlanAt("2027-11-11T08:00", "Europe/London").WithWorkingDays(WorkingDayCalendar.SaturdaySunday.WithHolidays(holidays), shift);

        Iso(course.ResponseAssessmentDateUnadjusted).Should().Be("2027-12-27");
        Iso(course.ResponseAssessmentDate).Should().Be(expected);
    }

    // The worked example: window 2027-05-09 (Sun) to 2027-06-20 (Sun). On working days the start
    // moves forward to Mon 05-10 and the end back to Fri 06-18; imaging Sun 04-25 -> Mon 04-26.
    [Fact]
    public void WithWorkingDays_WorkedExample_ShrinksTheWindowToWorkingDays()
    {
        var course = PlanAt("2027-03-10T08:00", "America/New_York").WithWorkingDays(WorkingDayCalendar.SaturdaySunday, NonWorkingDayShift.Next);

        Iso(course.NextCourseWindow.Dates!).Should().Be("2027-05-10..2027-06-18");
        Iso(course.NextCourseWindowUnadjusted.Dates!).Should().Be("2027-05-09..2027-06-20");
        course.NextCourseWindow.Note.Should().Be(
            "Start moved from 2027-05-09 to the next working day, 2027-05-10. End moved from 2027-06-20 to the previous working day, 2027-06-18.");
        Iso(course.ResponseAssessmentDate).Should().Be("2027-04-26");
        course.ToString().Should().EndWith("imaging 2027-04-26; next course 2027-05-10 to 2027-06-18");
    }

    // Discharge Sat 2027-05-01 + 7 weeks = Sat 06-19: the window is 06-19 to 06-20, a weekend.
    // On working days it is empty, reported in the note after the discharge rule's; no exception.
    [Fact]
    public void WithWorkingDays_WindowOfOnlyAWeekend_IsReportedEmpty()
    {
        var course = PlanAt("2027-03-10T08:00", "America/New_York")
            .WithDischargeDate(Date("2027-05-01"))
            .WithWorkingDays(WorkingDayCalendar.SaturdaySunday, NonWorkingDayShift.Next);

        Iso(course.NextCourseWindowUnadjusted.Dates!).Should().Be("2027-06-19..2027-06-20");
        course.NextCourseWindow.IsEmpty.Should().BeTrue();
        course.NextCourseWindow.Note.Should().Be(
            "Start moved from 2027-05-09: the next course starts at least 7 weeks after discharge on 2027-05-01, so not before 2027-06-19. Empty: no working day from 2027-06-19 to 2027-06-20.");
        course.NextCourseWindow.ByCourseEnd.Equals(course.NextCourseWindowUnadjusted.ByCourseEnd).Should().BeTrue();
    }

    // Without a calendar the adjusted values are the unadjusted ones; removing the calendar restores them.
    [Fact]
    public void WithWorkingDays_Null_KeepsTheProtocolsDates()
    {
        var course = PlanAt("2027-03-10T08:00", "America/New_York");
        var adjusted = course.WithWorkingDays(WorkingDayCalendar.SaturdaySunday, NonWorkingDayShift.Previous);

        course.ResponseAssessmentDate.Should().Be(course.ResponseAssessmentDateUnadjusted);
        course.NextCourseWindow.Should().Be(course.NextCourseWindowUnadjusted);
        course.WorkingDayCalendar.Should().BeNull();
        adjusted.Should().NotBe(course);
        adjusted.WithWorkingDays(null, NonWorkingDayShift.Next).Should().Be(course);
    }

    // A discharge added after the calendar keeps the calendar.
    [Fact]
    public void WithDischargeDate_AfterWithWorkingDays_KeepsTheCalendar()
    {
        var course = PlanAt("2027-03-10T08:00", "America/New_York")
            .WithWorkingDays(WorkingDayCalendar.SaturdaySunday, NonWorkingDayShift.Next)
            .WithBodyWeight(72.5m)
            .WithDischargeDate(Date("2027-03-31"));

        // Discharge 03-31 + 7 weeks = Wed 05-19, a working day; end Sun 06-20 -> Fri 06-18.
        Iso(course.NextCourseWindow.Dates!).Should().Be("2027-05-19..2027-06-18");
        course.DoseAmount!.BodyWeightKilograms.Should().Be(72.5m);
    }

    [Fact]
    public void WithWorkingDays_UndefinedShift_ThrowsAndChangesNothing()
    {
        var course = PlanAt("2027-03-10T08:00", "America/New_York");

        var act = () => course.WithWorkingDays(WorkingDayCalendar.SaturdaySunday, (NonWorkingDayShift)4);

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().WithMessage("imagingDateShift must be one of Next, Previous, Nearest, None; was 4*");
        course.WorkingDayCalendar.Should().BeNull();
    }
}
