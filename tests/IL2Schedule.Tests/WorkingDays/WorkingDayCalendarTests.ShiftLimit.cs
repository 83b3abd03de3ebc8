using System.Linq;
using FluentAssertions;
using IL2Schedule.ICalendar;
using NodaTime;

namespace IL2Schedule.Tests.WorkingDays;

// The worked example (README): course end date Sun 2027-03-28, imaging Sun 2027-04-25 (+4 weeks),
// next-course window Sun 2027-05-09 to Sun 2027-06-20 (+6 and +12 weeks). Weekend Sat, Sun.
public class WorkingDayCalendarShiftLimitTests
{
    private static readonly CourseSchedule WorkedExample = new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York");

    private static WorkingDayCalendar NoWeekendClosed(LocalDate from, int days) =>
        new([], Enumerable.Range(0, days).Select(i => from.PlusDays(i)));

    // Closed 2027-04-01 to 2027-04-14 (14 days): 04-01 moves 14 days, to 04-15.
    [Fact]
    public void TryShift_FourteenDaysAway_Moves()
    {
        var calendar = NoWeekendClosed(new LocalDate(2027, 4, 1), 14);

        calendar.TryShift(new LocalDate(2027, 4, 1), NonWorkingDayShift.Next, out var shifted).Should().BeTrue();
        shifted.Should().Be(new LocalDate(2027, 4, 15));
    }

    // Closed 2027-04-01 to 2027-04-15 (15 days): the working day 04-16 is 15 days away, past the limit.
    [Fact]
    public void TryShift_FifteenDaysAway_IsNotShiftable()
    {
        var calendar = NoWeekendClosed(new LocalDate(2027, 4, 1), 15);

        calendar.TryShift(new LocalDate(2027, 4, 1), NonWorkingDayShift.Next, out var shifted).Should().BeFalse();
        shifted.Should().Be(new LocalDate(2027, 4, 1));
        FluentActions.Invoking(() => calendar.Shift(new LocalDate(2027, 4, 1), NonWorkingDayShift.Next))
            .Should().Throw<System.ArgumentOutOfRangeException>()
            .Which.Message.Should().StartWith("date must have a working day within WorkingDayCalendar.MaxShiftDays (14) days (Next); was 2027-04-01");
    }

    // An .ics that closes 2027-04-01 up to (not including) 2027-09-01: five months.
    [Fact]
    public void ClosuresCoveringMonths_LeaveTheImagingDateAndTheWindowUnshifted_AndFlagged()
    {
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:closed\r\nSUMMARY:Refurbishment\r\n"
            + "DTSTART;VALUE=DATE:20270401\r\nDTEND;VALUE=DATE:20270901\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var holidays = ICalendarHolidays.Read(ics, new DateInterval(new LocalDate(2027, 1, 1), new LocalDate(2027, 12, 31)));

        var course = WorkedExample.WithWorkingDays(new WorkingDayCalendar([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], holidays), NonWorkingDayShift.Next);

        holidays.Should().HaveCount(153);
        course.ResponseAssessmentDate.Should().Be(new LocalDate(2027, 4, 25));
        course.ResponseAssessmentDateReasons.Should().Be(ResponseAssessmentDateReasons.NotShiftable);
        (course.NextCourseWindow.Dates!.Start, course.NextCourseWindow.Dates.End).Should().Be((new LocalDate(2027, 5, 9), new LocalDate(2027, 6, 20)));
        course.NextCourseWindow.Reasons.Should().Be(NextCourseWindowReasons.NotShiftable);
        course.NextCourseWindow.Note.Should().Be("Not moved onto working days: its start or end is more than 14 days (WorkingDayCalendar.MaxShiftDays) from a working day; see rule 13 (Working days).");
    }

    // Imaging Sun 2027-04-25 moves to Mon 2027-04-26; window start Sun 05-09 to Mon 05-10, end Sun 06-20 back to Fri 06-18.
    [Fact]
    public void AWeekend_MovesTheDates_AndSaysSo()
    {
        var course = WorkedExample.WithWorkingDays(WorkingDayCalendar.SaturdaySunday, NonWorkingDayShift.Next);

        course.ResponseAssessmentDate.Should().Be(new LocalDate(2027, 4, 26));
        course.ResponseAssessmentDateReasons.Should().Be(ResponseAssessmentDateReasons.MovedToWorkingDay);
        (course.NextCourseWindow.Dates!.Start, course.NextCourseWindow.Dates.End).Should().Be((new LocalDate(2027, 5, 10), new LocalDate(2027, 6, 18)));
        course.NextCourseWindow.Reasons.Should().Be(NextCourseWindowReasons.StartMovedToWorkingDay | NextCourseWindowReasons.EndMovedToWorkingDay);
        WorkedExample.ResponseAssessmentDateReasons.Should().Be(ResponseAssessmentDateReasons.None);
    }
}
