using System.IO;
using FluentAssertions;
using IL2Schedule.Batch;
using IL2Schedule.ICalendar;
using IL2Schedule.Records;
using IL2Schedule.Timeline;
using NodaTime;
using NodaTime.Testing;

namespace IL2Schedule.Tests;

/// <summary>Keeps the code in README.md and the docs pages honest: each example is one of this file's regions, compiled and run here.</summary>
public class ReadmeTests
{
    [Fact]
    public void QuickStart_CompilesRunsAndPlansTheWorkedExample()
    {
        var lines = QuickStart();

        lines.Should().HaveCount(31);
        lines[0].Should().Be("28 doses in America/New_York from 2027-03-10T08:00:00-05:00 to 2027-03-28T16:15:00-04:00; imaging 2027-04-25; next course 2027-05-09 to 2027-06-20");
        lines[13].Should().Be("dose 13 (cycle 1, 13) 2027-03-14T09:00:00-04:00 to 2027-03-14T09:15:00-04:00");
        lines[30].Should().Be("next course 2027-05-19 to 2027-06-20: Start moved from 2027-05-09: the next course starts at least 7 weeks after discharge on 2027-03-31, so not before 2027-05-19.");
    }

    // Slot 1 given 08:05 -05:00, so slot 2 is due 16:05 -05:00; it is held, and slot 3 is due
    // 8 h after slot 2's due time: 2027-03-11 00:05 -05:00. Cycle 1 is stopped on 03-11 at 06:00
    // -05:00 (11:00Z); cycle 2 (14 doses from 2027-03-24 08:00 -04:00, last ending 03-28 16:15
    // -04:00) is still planned, so the course is in progress with that projected end.
    [Fact]
    public void Records_CompilesRunsAndReplansTheExample()
    {
        var lines = Records();

        lines.Should().Equal(
            "slot 3 due 2027-03-11T00:05:00-05:00",
            "course 1 in America/New_York: 1 given, 1 held, in progress; ends 2027-03-28T16:15:00-04:00",
            "cycle 1: CycleStopped, cycle 2: None");
    }

    // America/New_York: 2027-03-14 02:00 EST (-05:00) -> 03:00 EDT (-04:00); dose 13 is 8 elapsed
    // hours after dose 12 (00:00 EST = 05:00Z), at 13:00Z = 09:00 EDT.
    [Fact]
    public void Batches_CompilesRunsAndPlansIntoColumns()
    {
        var lines = Batches();

        lines.Should().Equal(
            "18050292000000000", // (2027-03-14T13:00Z − 1970-01-01T00:00Z) in seconds × 10^7, from Python's datetime
            "2027-03-14T13:00:00Z",
            "2027-03-28T20:15:00Z",
            "request 1: The local time 2027-03-14T02:30:00 is skipped in time zone America/New_York: clocks jump from 2027-03-14T02:00 (-05) to 2027-03-14T03:00 (-04). Choose another time, or pass a ZoneLocalMappingResolver to say which instant is meant. (Parameter 'firstDose')");
    }

    // The README's .ics excerpt is the worked example exported at 2027-01-04T09:30Z: every run of
    // lines between its "..." must appear in the export as it is, with CRLF line ends.
    [Fact]
    public void Calendars_CompilesRunsAndShowsTheExportVerbatim()
    {
        var (header, ics, svg) = Calendars();

        header.Should().Be("BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nPRODID:-//IL2Schedule//IL2Schedule.ICalendar//EN\r\nVERSION:2.0\r\n");
        svg.Should().Contain("imaging 04-25");
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "calendars.md"));
        string excerpt = readme.Split("The worked example begins like this")[1].Split("```\n")[1];
        var chunks = excerpt.Split("...\n", StringSplitOptions.RemoveEmptyEntries);
        chunks.Should().HaveCount(2);
        foreach (string chunk in chunks)
        {
            ics.Should().Contain(chunk.Replace("\n", "\r\n", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("quick-start", "README.md")]
    [InlineData("records", "docs/records.md")]
    [InlineData("calendars", "docs/calendars.md")]
    [InlineData("batches", "docs/batches.md")]
    public void Readme_ShowsTheCodeRegionsVerbatim(string name, string page)
    {
        string root = RepositoryRoot();
        string source = File.ReadAllText(Path.Combine(root, "tests", "IL2Schedule.Tests", "ReadmeTests.cs"));
        // The markers with their real line breaks; this method's own string literals hold escapes instead.
        string region = source.Split($"#region {name}\n")[1].Split("#endregion\n")[0];
        string code = string.Join("\n", region
            .Split('\n')
            .SkipLast(1)
            .Select(line => line.Length >= 8 ? line[8..] : line.TrimStart()));

        File.ReadAllText(Path.Combine(root, page)).Should().Contain("```csharp\n" + code + "\n```");
    }

    private static List<string> QuickStart()
    {
        var output = new List<string>();
        void WriteLine(object value) => output.Add(value.ToString()!);

        #region quick-start
        // using static System.Console; using IL2Schedule; using NodaTime;
        var planner = new CoursePlanner(); // the label's protocol: 2 cycles of up to 14 doses
        CourseSchedule course = planner.Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York");

        WriteLine(course); // one-line summary
        foreach (ScheduledDose dose in course.Doses)
        {
            WriteLine(dose); // dose 13 (cycle 1, 13) 2027-03-14T09:00:00-04:00 to ...
        }
        WriteLine($"imaging {course.ResponseAssessmentDate:uuuu-MM-dd}");

        // After discharge, the label's 7-week minimum applies to the next course.
        CourseSchedule discharged = course.WithDischargeDate(new LocalDate(2027, 3, 31));
        WriteLine($"next course {discharged.NextCourseWindow}: {discharged.NextCourseWindow.Note}");
        #endregion

        return output;
    }

    private static List<string> Records()
    {
        var output = new List<string>();
        void WriteLine(object value) => output.Add(value.ToString()!);

        #region records
        // using IL2Schedule.Records; events arrive from the medication administration record
        var plan = new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York");
        CourseRecord record = CourseRecord.Start(plan)
            .Apply(new DoseGiven("e1", cycle: 1, slot: 1, start: Instant.FromUtc(2027, 3, 10, 13, 5), end: null))
            .Apply(new DoseHeld("e2", cycle: 1, slot: 2, reason: "hypotension"));

        WriteLine($"slot 3 due {record.Schedule.Cycles[0].Slots[2].Due:uuuu-MM-ddTHH:mm:sso<m>}"); // 8 h after slot 2's due time
        record = record.Apply(new CycleStopped("e3", cycle: 1, at: Instant.FromUtc(2027, 3, 11, 11, 0), reason: "oliguria"));
        WriteLine(record); // course 1 in America/New_York: 1 given, 1 held, in progress; ends ...
        WriteLine($"cycle 1: {record.Schedule.Cycles[0].EndReason}, cycle 2: {record.Schedule.Cycles[1].EndReason}");
        #endregion

        return output;
    }

    private static (string Header, string Ics, string Svg) Calendars()
    {
        string header = "";
        void WriteLine(string value) => header = value;

        #region calendars
        // using IL2Schedule; using IL2Schedule.ICalendar; using IL2Schedule.Timeline; using NodaTime; using NodaTime.Testing;
        var course = new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York");
        var clock = new FakeClock(Instant.FromUtc(2027, 1, 4, 9, 30)); // any IClock: SystemClock.Instance in an application
        string ics = CourseCalendar.Export(course, clock.GetCurrentInstant(), courseId: null); // or record.Schedule
        string svg = CourseTimeline.Svg(course, CourseTimeline.DefaultWidth, CourseTimeline.DefaultHeight);
        WriteLine(ics[..ics.IndexOf("BEGIN:VTIMEZONE", StringComparison.Ordinal)]); // BEGIN:VCALENDAR, METHOD:PUBLISH, ...
        #endregion

        return (header, ics, svg);
    }

    private static List<string> Batches()
    {
        var output = new List<string>();
        void WriteLine(object value) => output.Add(value.ToString()!);

        #region batches
        // using static System.Console; using IL2Schedule; using IL2Schedule.Batch; using NodaTime;
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"]; // look each zone up once
        CourseRequest[] requests =
        [
            new(new LocalDateTime(2027, 3, 10, 8, 0), newYork),
            new(new LocalDateTime(2027, 3, 14, 2, 30), newYork), // skipped by New York's clocks
        ];
        var planner = new BatchPlanner(CourseProtocol.Label);
        // Caller-owned columns: allocate once, reuse for batch after batch.
        var columns = CourseColumns.Allocate(requests.Length, planner.DosesPerCourse);
        BatchResult result = planner.Plan(requests, columns);

        // Times are Unix-epoch ticks (100 ns, UTC: an Arrow timestamp column); the helpers give Instants.
        WriteLine(columns.DoseStartsOf(0)[12]);     // dose 13: 18050292000000000
        WriteLine(columns.DoseStartInstant(0, 12)); // the same as an Instant: 2027-03-14T13:00:00Z
        WriteLine(columns.CourseEndInstant(0));     // 2027-03-28T20:15:00Z
        WriteLine(result.Failures[0]);           // request 1: The local time ... is skipped ...
        #endregion

        return output;
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IL2Schedule.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("IL2Schedule.sln not found above " + AppContext.BaseDirectory);
    }
}
