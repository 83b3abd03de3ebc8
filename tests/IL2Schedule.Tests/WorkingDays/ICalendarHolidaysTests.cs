using System.IO;
using FluentAssertions;
using IL2Schedule.ICalendar;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.WorkingDays;

public partial class ICalendarHolidaysTests
{
    private static readonly DateInterval Year2027 = new(Date("2027-01-01"), Date("2027-12-31"));

    internal static string TestData(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    private static string Calendar(params string[] eventLines) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        + string.Concat(eventLines.Select(lines => "BEGIN:VEVENT\r\nUID:" + Guid.NewGuid() + "\r\n" + lines.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\nEND:VEVENT\r\n"))
        + "END:VCALENDAR\r\n";

    // us-closures-2027.ics: Memorial Day 05-31 (DTEND 06-01, exclusive), Independence Day observed
    // 07-05 (no DTEND: one day), New Year's Day every year from 2027 (RRULE:FREQ=YEARLY).
    [Fact]
    public void Read_CheckedInFile_GivesEveryClosedDateInTheRange()
    {
        var dates = ICalendarHolidays.Read(TestData("us-closures-2027.ics"), new DateInterval(Date("2027-01-01"), Date("2028-12-31")));

        dates.Select(Iso).Should().Equal("2027-01-01", "2027-05-31", "2027-07-05", "2028-01-01");
    }

    // DTEND is exclusive for dates: 12-27 to 12-29 closes 12-27 and 12-28.
    [Fact]
    public void Read_MultiDayEvent_ClosesEachDateBeforeItsEnd()
    {
        var dates = ICalendarHolidays.Read(TestData("england-bank-holidays-2027.ics"), new DateInterval(Date("2027-12-01"), Date("2028-01-31")));

        dates.Select(Iso).Should().Equal("2027-12-27", "2027-12-28", "2028-01-03");
    }

    // An event that starts before the range still closes the range's first dates it covers.
    [Fact]
    public void Read_EventStartingBeforeTheRange_CountsItsDaysInside()
    {
        var dates = ICalendarHolidays.Read(TestData("england-bank-holidays-2027.ics"), new DateInterval(Date("2027-12-28"), Date("2027-12-31")));

        dates.Select(Iso).Should().Equal("2027-12-28");
    }

    [Fact]
    public void Read_TimedEvent_IsRejectedNamingIt()
    {
        var ics = Calendar("SUMMARY:Scanner maintenance\nDTSTART:20270601T130000Z\nDTEND:20270601T170000Z");

        var act = () => ICalendarHolidays.Read(ics, Year2027);

        act.Should().ThrowExactly<ArgumentException>().WithMessage(
            "icsText must hold only all-day closures (DTSTART;VALUE=DATE); event 'Scanner maintenance' starts at 2027-06-01 13:00*");
    }

    [Fact]
    public void Read_EventWithoutStart_IsRejected()
    {
        var act = () => ICalendarHolidays.Read(Calendar("SUMMARY:Closure"), Year2027);

        act.Should().ThrowExactly<ArgumentException>().WithMessage("icsText must give every event a start date (DTSTART); event 'Closure' has none or an invalid one*");
    }

    [Theory]
    [InlineData("not a calendar", "icsText must be an iCalendar document: Could not parse line: 'not a calendar'*")]
    [InlineData("", "icsText must be an iCalendar document (BEGIN:VCALENDAR ... END:VCALENDAR); was empty*")]
    public void Read_NotICalendar_IsRejected(string text, string expectedMessage)
    {
        var act = () => ICalendarHolidays.Read(text, Year2027);

        act.Should().ThrowExactly<ArgumentException>().WithMessage(expectedMessage);
    }
}
