using System.Text;
using FluentAssertions;
using IL2Schedule.ICalendar;
using Calendar = Ical.Net.Calendar;

namespace IL2Schedule.Tests.ICalendar;

// The text rules of RFC 5545: lines folded at 75 octets without splitting a UTF-8 character
// (§3.1), CRLF line ends, escaped TEXT (§3.3.11), stable UIDs, exclusive DTEND for dates (§3.6.1),
// and the VTIMEZONE written from tzdb (§3.6.5).
public partial class CourseCalendarTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string WorkedExampleIcs() => CourseCalendar.Export(Plan("2027-03-10T08:00", "America/New_York"), Stamp, null);

    /// <summary>The physical lines of a document's UTF-8 bytes, split at CRLF, each still bytes.</summary>
    private static List<byte[]> PhysicalLines(string ics)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(ics);
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 2;
            }
        }
        start.Should().Be(bytes.Length, "the document ends with CRLF");
        return lines;
    }

    // "DESCRIPTION:Held (" is 18 octets, so after 56 letters 'é' takes octets 75 and 76: a fold
    // by octets that ignored characters would split it. Then a 4-octet emoji (a UTF-16 surrogate
    // pair), and the characters TEXT must escape: comma, semicolon, backslash, newline.
    private const string HeldReason = "Hypotension grade 3 with oliguria and rising creatinine \u00e9\u00e9 \U0001F600 nurse Zo\u00eb; MAP < 65, see C:\\notes\nrecheck at 18:00";

    [Fact]
    public void Export_NonAsciiAtTheFoldBoundary_FoldsAt75OctetsBetweenCharacters()
    {
        HeldReason.IndexOf('\u00e9', StringComparison.Ordinal).Should().Be(56);
        string ics = CourseCalendar.Export(RecordedCourse(HeldReason).Schedule, Stamp, null);

        var lines = PhysicalLines(ics);

        lines.Should().OnlyContain(line => line.Length <= 75);
        lines.Select(line => StrictUtf8.GetString(line)).Should().HaveCount(lines.Count); // each line decodes alone: no character split
        string description = lines.Select(line => StrictUtf8.GetString(line)).SkipWhile(line => !line.StartsWith("DESCRIPTION:Held (", StringComparison.Ordinal)).First();
        Encoding.UTF8.GetByteCount(description).Should().Be(74, "the fold comes before the 2-octet 'é' that would end at octet 76");
        string expected = $"Held ({HeldReason}); it was due at 2027-03-10T16:05:00-05:00.";
        IcalJs.Read(ics)[1].Description.Should().Be(expected);
        Calendar.Load(ics)!.Events[1]!.Description!.Should().Be(expected);
    }

    [Fact]
    public void Export_Text_IsEscapedAndEveryLineEndsWithCrlf()
    {
        string ics = CourseCalendar.Export(RecordedCourse(HeldReason).Schedule, Stamp, null);
        string unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);

        ics.Replace("\r\n", "", StringComparison.Ordinal).Should().NotContain("\r").And.NotContain("\n");
        unfolded.Should().Contain(@"Zoë\; MAP < 65\, see C:\\notes\nrecheck at 18:00)\; it was due at");
        unfolded.Should().Contain("SUMMARY:Aldesleukin dose 2 (cycle 1\\, dose 2): held\r\n");
        ics.Should().StartWith("BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nPRODID:-//IL2Schedule//IL2Schedule.ICalendar//EN\r\nVERSION:2.0\r\n");
        ics.Should().EndWith("END:VCALENDAR\r\n");
    }

    [Fact]
    public void Export_Uids_AreStableAcrossExportsAndUniqueWithinOne()
    {
        string first = WorkedExampleIcs();
        string second = CourseCalendar.Export(Plan("2027-03-10T08:00", "America/New_York"), Stamp.PlusTicks(TimeSpan.TicksPerDay), null);

        var uids = Calendar.Load(first)!.Events.Select(e => e.Uid).ToList();

        Calendar.Load(second)!.Events.Select(e => e.Uid).Should().Equal(uids);
        uids.Should().OnlyHaveUniqueItems().And.HaveCount(30);
        uids[0].Should().Be("il2schedule-20270310T0800-America/New_York-cycle1-dose1");
        uids[14].Should().Be("il2schedule-20270310T0800-America/New_York-cycle2-dose1");
        uids[28..].Should().Equal("il2schedule-20270310T0800-America/New_York-imaging", "il2schedule-20270310T0800-America/New_York-next-course-window");
        Calendar.Load(CourseCalendar.Export(Plan("2027-03-10T08:00", "America/New_York"), Stamp, "course-7f3a"))!.Events[27]!.Uid!
            .Should().Be("il2schedule-course-7f3a-cycle2-dose14");
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("tab\there")]
    public void Export_InvalidCourseId_IsRejected(string courseId)
    {
        var act = () => CourseCalendar.Export(Plan("2027-03-10T08:00", "America/New_York"), Stamp, courseId);

        act.Should().Throw<ArgumentException>().WithParameterName(nameof(courseId))
            .WithMessage($"courseId must be 1 to 100 characters without white space or control characters; was '{courseId}'*");
    }

    // Imaging 2027-04-25 (course end date 03-28 + 4 weeks); window 2027-05-09 to 06-20, both
    // inclusive, so DTEND is the day after each last day.
    [Fact]
    public void Export_AllDayEvents_HaveExclusiveEnds()
    {
        string ics = WorkedExampleIcs();

        ics.Should().Contain("DTEND;VALUE=DATE:20270426\r\nDTSTAMP:20270104T093015Z\r\nDTSTART;VALUE=DATE:20270425\r\n");
        ics.Should().Contain("DTEND;VALUE=DATE:20270621\r\nDTSTAMP:20270104T093015Z\r\nDTSTART;VALUE=DATE:20270509\r\n");
        IcalJs.Read(ics)[^1].Should().Match<IcalJsEvent>(e => e.AllDay && e.Start == "2027-05-09" && e.End == "2027-06-21");
    }

    // New York in 2027: EST since 2026-11-01 02:00 EDT, EDT from 2027-03-14 02:00 EST, EST again
    // from 2027-11-07 02:00 EDT (after the window ends 06-20). Each onset is in the offset before it.
    [Fact]
    public void Export_WorkedExample_HasTheHandWorkedVTimeZone()
    {
        string ics = WorkedExampleIcs();

        ics.Should().Contain(string.Join("\r\n",
            "BEGIN:VTIMEZONE",
            "TZID:America/New_York",
            "X-LIC-LOCATION:America/New_York",
            "BEGIN:STANDARD",
            "DTSTART:20261101T020000",
            "RDATE:20261101T020000,20271107T020000",
            "TZNAME:EST",
            "TZOFFSETFROM:-0400",
            "TZOFFSETTO:-0500",
            "END:STANDARD",
            "BEGIN:DAYLIGHT",
            "DTSTART:20270314T020000",
            "TZNAME:EDT",
            "TZOFFSETFROM:-0500",
            "TZOFFSETTO:-0400",
            "END:DAYLIGHT",
            "END:VTIMEZONE") + "\r\n");
    }

    // Asia/Kolkata has kept +05:30 since 1945-10-15 00:00 (+06:30 before): one observance, no RDATE.
    [Fact]
    public void Export_ZoneWithoutDst_HasOneObservance()
    {
        string ics = CourseCalendar.Export(Plan("2027-03-10T08:00", "Asia/Kolkata"), Stamp, null);

        ics.Should().Contain("BEGIN:STANDARD\r\nDTSTART:19451015T000000\r\nTZNAME:IST\r\nTZOFFSETFROM:+0630\r\nTZOFFSETTO:+0530\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n");
        ics.Should().NotContain("DAYLIGHT").And.NotContain("RDATE");
    }

    // Lord Howe's change is 30 minutes: +10:30 -> +11:00 at 2022-10-02 02:00, back at 2023-04-02
    // 02:00 (+11:00). The window ends in January 2023, so the April onset is the one after it.
    [Fact]
    public void Export_LordHowe_HasTheHalfHourOffsets()
    {
        string ics = CourseCalendar.Export(Plan("2022-10-01T18:00", "Australia/Lord_Howe"), Stamp, null);

        ics.Should().Contain("BEGIN:DAYLIGHT\r\nDTSTART:20221002T020000\r\nTZNAME:+11\r\nTZOFFSETFROM:+1030\r\nTZOFFSETTO:+1100\r\nEND:DAYLIGHT\r\n");
        ics.Should().Contain("RDATE:20220403T020000,20230402T020000\r\nTZNAME:+1030\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1030\r\n");
    }
}
