using FluentAssertions;
using IL2Schedule.ICalendar;
using NodaTime;
using NodaTime.Text;
using static IL2Schedule.Tests.TimeText;
using Calendar = Ical.Net.Calendar;

namespace IL2Schedule.Tests.ICalendar;

// Every export is read back by two parsers and each instant compared with the plan's: Ical.Net
// (which resolves a TZID with its own tzdb) and Mozilla's ical.js (which has no zone database and
// is given only the document's VTIMEZONE). The planner's instants are verified independently of
// this writer (CoursePlannerTests); a few are hand-worked here with their offsets.
public partial class CourseCalendarTests
{
    internal static readonly Instant Stamp = Instant.FromUtc(2027, 1, 4, 9, 30, 15);

    private static readonly InstantPattern UtcText = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.000Z'");

    public static TheoryData<string, string> Courses => new()
    {
        { "2027-03-10T08:00", "America/New_York" },   // the worked example: EST -> EDT on 2027-03-14 02:00
        { "2022-10-01T18:00", "Australia/Sydney" },   // AEST +10 -> AEDT +11 on 2022-10-02 02:00
        { "2027-11-03T10:00", "America/New_York" },   // EDT -> EST on 2027-11-07 02:00; dose 12 in the repeated hour
        { "2022-10-01T18:00", "Australia/Lord_Howe" }, // +10:30 -> +11 (30 minutes) on 2022-10-02 02:00
        { "2027-03-10T08:00", "Asia/Kolkata" },       // +05:30 all year, no transition since 1945
    };

    internal static CourseSchedule Plan(string firstDose, string zone) =>
        new CoursePlanner().Plan(Local(firstDose), zone);

    internal static string Utc(Instant instant) => UtcText.Format(instant);

    internal static string Utc(ZonedDateTime time) => Utc(time.ToInstant());

    /// <summary>What a parser must read: per event its UID, then start and end as UTC text (dates for all-day events, DTEND exclusive).</summary>
    internal static List<string> Expected(CourseSchedule course, string uidCourse)
    {
        var lines = course.Doses
            .Select(dose => $"il2schedule-{uidCourse}-cycle{dose.CycleNumber}-dose{dose.NumberInCycle} {Utc(dose.Start)} {Utc(dose.End)}")
            .ToList();
        lines.Add($"il2schedule-{uidCourse}-imaging {Iso(course.ResponseAssessmentDate)} {Iso(course.ResponseAssessmentDate.PlusDays(1))}");
        if (course.NextCourseWindow.Dates is { } window)
        {
            lines.Add($"il2schedule-{uidCourse}-next-course-window {Iso(window.Start)} {Iso(window.End.PlusDays(1))}");
        }
        return lines;
    }

    internal static List<string> ReadWithIcalJs(string ics) =>
        IcalJs.Read(ics).Select(e => $"{e.Uid} {e.Start} {e.End}").ToList();

    internal static List<string> ReadWithIcalNet(string ics) =>
        Calendar.Load(ics)!.Events.Select(e => e.IsAllDay
            ? $"{e.Uid} {e.DtStart!.Date:yyyy-MM-dd} {e.DtEnd!.Date:yyyy-MM-dd}"
            : $"{e.Uid} {Utc(Instant.FromDateTimeUtc(e.DtStart!.AsUtc))} {Utc(Instant.FromDateTimeUtc(e.DtStart.Add(e.Duration!.Value).AsUtc))}").ToList();

    private static string Key(string firstDose, string zone) => firstDose.Replace("-", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal) + "-" + zone;

    [Theory]
    [MemberData(nameof(Courses))]
    public void Export_ReadByIcalJsWithOnlyItsVTimeZone_GivesEveryInstantOfThePlan(string firstDose, string zone)
    {
        var course = Plan(firstDose, zone);

        var read = ReadWithIcalJs(CourseCalendar.Export(course, Stamp, null));

        read.Should().Equal(Expected(course, Key(firstDose, zone)));
        read.Should().HaveCount(course.Doses.Count + 2);
    }

    [Theory]
    [MemberData(nameof(Courses))]
    public void Export_ReadByIcalNet_GivesEveryInstantOfThePlan(string firstDose, string zone)
    {
        var course = Plan(firstDose, zone);

        var read = ReadWithIcalNet(CourseCalendar.Export(course, Stamp, null));

        read.Should().Equal(Expected(course, Key(firstDose, zone)));
    }

    // Hand-worked, each with its offset: the instants both parsers must give, whatever the planner says.
    [Theory]
    [InlineData("2027-03-10T08:00", "America/New_York", 12, "2027-03-14T05:00:00.000Z")] // 00:00 EST (-05:00)
    [InlineData("2027-03-10T08:00", "America/New_York", 13, "2027-03-14T13:00:00.000Z")] // 09:00 EDT (-04:00), 8 h later
    [InlineData("2027-03-10T08:00", "America/New_York", 28, "2027-03-28T20:00:00.000Z")] // 16:00 EDT (-04:00)
    [InlineData("2022-10-01T18:00", "Australia/Sydney", 1, "2022-10-01T08:00:00.000Z")]  // 18:00 AEST (+10:00)
    [InlineData("2022-10-01T18:00", "Australia/Sydney", 2, "2022-10-01T16:00:00.000Z")]  // 03:00 AEDT (+11:00): 02:00 AEST is the change
    [InlineData("2022-10-01T18:00", "Australia/Sydney", 3, "2022-10-02T00:00:00.000Z")]  // 11:00 AEDT (+11:00)
    [InlineData("2027-11-03T10:00", "America/New_York", 11, "2027-11-06T22:00:00.000Z")] // 18:00 EDT (-04:00)
    [InlineData("2027-11-03T10:00", "America/New_York", 12, "2027-11-07T06:00:00.000Z")] // 01:00 EST (-05:00), the second 01:00
    [InlineData("2027-11-03T10:00", "America/New_York", 13, "2027-11-07T14:00:00.000Z")] // 09:00 EST (-05:00)
    [InlineData("2022-10-01T18:00", "Australia/Lord_Howe", 1, "2022-10-01T07:30:00.000Z")] // 18:00 (+10:30)
    [InlineData("2022-10-01T18:00", "Australia/Lord_Howe", 2, "2022-10-01T15:30:00.000Z")] // 02:30 (+11:00): 02:00 +10:30 is the change
    [InlineData("2022-10-01T18:00", "Australia/Lord_Howe", 3, "2022-10-01T23:30:00.000Z")] // 10:30 (+11:00)
    [InlineData("2027-03-10T08:00", "Asia/Kolkata", 1, "2027-03-10T02:30:00.000Z")]       // 08:00 IST (+05:30)
    [InlineData("2027-03-10T08:00", "Asia/Kolkata", 28, "2027-03-28T10:30:00.000Z")]      // 16:00 IST (+05:30)
    public void Export_BothParsers_GiveTheHandWorkedInstant(string firstDose, string zone, int dose, string expectedUtc)
    {
        string ics = CourseCalendar.Export(Plan(firstDose, zone), Stamp, null);

        ReadWithIcalJs(ics)[dose - 1].Split(' ')[1].Should().Be(expectedUtc);
        ReadWithIcalNet(ics)[dose - 1].Split(' ')[1].Should().Be(expectedUtc);
    }

    // 2027-11-07 01:00 happens twice in New York. A TZID time there means the first (EDT, RFC 5545
    // §3.3.5) and ical.js reads the second, so the repeated hour is written in UTC.
    [Fact]
    public void Export_DoseInTheRepeatedHour_IsWrittenInUtc()
    {
        string ics = CourseCalendar.Export(Plan("2027-11-03T10:00", "America/New_York"), Stamp, null);

        ics.Should().Contain("DTSTART:20271107T060000Z\r\n");
        ics.Should().Contain("DTSTART;TZID=America/New_York:20271106T180000\r\n");
        ics.Should().Contain("DTSTART;TZID=America/New_York:20271107T090000\r\n");
    }

    // ical.js must be taking the instants from the VTIMEZONE, not from anywhere else: an EDT offset
    // changed to -03:00 moves dose 13 (09:00 EDT) an hour earlier, and no VTIMEZONE at all is an error.
    [Fact]
    public void IcalJs_UsesOnlyTheDocumentsVTimeZone()
    {
        string ics = CourseCalendar.Export(Plan("2027-03-10T08:00", "America/New_York"), Stamp, null);
        string tampered = ics.Replace("TZOFFSETTO:-0400", "TZOFFSETTO:-0300", StringComparison.Ordinal);
        int begin = ics.IndexOf("BEGIN:VTIMEZONE", StringComparison.Ordinal);
        int end = ics.IndexOf("END:VTIMEZONE\r\n", StringComparison.Ordinal) + "END:VTIMEZONE\r\n".Length;
        string withoutZone = ics.Remove(begin, end - begin);

        ReadWithIcalJs(tampered)[12].Split(' ')[1].Should().Be("2027-03-14T12:00:00.000Z");
        var (exitCode, _, stderr) = IcalJs.Run(withoutZone);
        exitCode.Should().NotBe(0);
        stderr.Should().Contain("DTSTART has TZID=America/New_York but the file has no VTIMEZONE for it");
    }

    [Fact]
    public void Export_StampAndSequence_AreTheGivenInstantAndZero()
    {
        string ics = CourseCalendar.Export(Plan("2027-03-10T08:00", "America/New_York"), Stamp, null);

        var events = Calendar.Load(ics)!.Events;
        events.Should().HaveCount(30);
        events.Should().OnlyContain(e => e.DtStamp!.AsUtc == new DateTime(2027, 1, 4, 9, 30, 15, DateTimeKind.Utc) && e.Sequence == 0);
        IcalJs.Read(ics).Should().OnlyContain(e => e.Sequence == 0);
    }
}
