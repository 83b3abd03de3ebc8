using System.IO;
using System.Xml.Linq;
using FluentAssertions;
using IL2Schedule.Tests.ICalendar;
using SkiaSharp;
using Calendar = Ical.Net.Calendar;

namespace IL2Schedule.Tests.Cli;

/// <summary>
/// <c>--format ics|svg|png</c> on <c>plan</c> and <c>replay</c>. PNG is binary: without
/// <c>--output</c> it needs a redirected standard output, which an in-process run never has.
/// </summary>
public sealed class CalendarAndPictureFormatsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("il2schedule-formats-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Sample(string name) => Path.Combine(ReadmeTests.RepositoryRoot(), "samples", "records", name);

    [Fact]
    public void Plan_Ics_IsTheWorkedExampleThatIcalJsReads()
    {
        var (exitCode, stdout, stderr) = CliRun.Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", "ics");

        exitCode.Should().Be(0);
        stderr.Should().BeEmpty();
        var course = CourseCalendarTests.Plan("2027-03-10T08:00", "America/New_York");
        CourseCalendarTests.ReadWithIcalJs(stdout).Should().Equal(CourseCalendarTests.Expected(course, "20270310T0800-America/New_York"));
    }

    // stopped-after-8.json records 11 events (8 doses given, the stops, the discharge); 20 slots are cancelled.
    [Fact]
    public void Replay_Ics_KeepsThePlansUidsWithTheSequenceRaised()
    {
        var (exitCode, stdout, _) = CliRun.Run("replay", Sample("stopped-after-8.json"), "--format", "ics");

        exitCode.Should().Be(0);
        var events = Calendar.Load(stdout)!.Events;
        events[0]!.Uid.Should().Be("il2schedule-20270310T0800-America/New_York-cycle1-dose1");
        events.Where(e => e.Status == "CANCELLED").Should().HaveCount(20);
        events.Select(e => e.Sequence).Distinct().Should().Equal(11);
    }

    [Fact]
    public void Plan_Svg_IsAWellFormedPicture()
    {
        var (exitCode, stdout, _) = CliRun.Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", "svg");

        exitCode.Should().Be(0);
        XDocument.Parse(stdout).Root!.Name.LocalName.Should().Be("svg");
        stdout.Should().Contain("imaging 04-25");
    }

    [Fact]
    public void Replay_Svg_MarksTheAtInstant()
    {
        var (exitCode, stdout, _) = CliRun.Run("replay", Sample("late-and-held.json"), "--format", "svg", "--at", "2027-03-11T10:00:00-05:00");

        exitCode.Should().Be(0);
        stdout.Should().Contain("now 03-11 10:00");
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("replay")]
    public void Png_ToAFile_DecodesAt800By560(string command)
    {
        string path = Path.Combine(folder, "course.png");
        string[] args = command == "plan"
            ? ["plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", "png", "--output", path]
            : ["replay", Sample("late-and-held.json"), "--format", "png", "--output", path];

        var (exitCode, stdout, stderr) = CliRun.Run(args);

        (exitCode, stdout, stderr).Should().Be((0, "", ""));
        using var bitmap = SKBitmap.Decode(File.ReadAllBytes(path));
        (bitmap.Width, bitmap.Height).Should().Be((800, 560));
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("replay")]
    public void Png_ToATerminal_IsOneUsageErrorLine(string command)
    {
        string[] args = command == "plan" ? ["plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", "png"] : ["replay", Sample("late-and-held.json"), "--format", "png"];

        var (exitCode, stdout, stderr) = CliRun.Run(args);

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be("error: --format png writes binary data: give --output FILE or redirect standard output to a file" + Environment.NewLine);
    }
}
