using System.IO;
using System.Text.Json.Nodes;
using FluentAssertions;
using IL2Schedule.Cli;

namespace IL2Schedule.Tests.Cli;

// The options for standard times, calendar-day windows, working days and dose amounts, run in
// process. America/New_York: EDT (-04:00) in June; the worked example's dates are in README.md.
public partial class CliApplicationTests
{
    private static string TestDataPath(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    // Order at 13:30: 16:00 is 2.5 h away (< 4 h), skipped; dose 2 is 00:00 the next day.
    [Fact]
    public void DoseTimingStandardTimes_AppliesTheFiftyPercentRule()
    {
        var (exitCode, stdout, stderr) = Run("plan", "--zone", "America/New_York", "--first-dose", "2027-06-01T13:30", "--dose-timing", "standard-times");

        exitCode.Should().Be(0, stderr);
        stdout.Should().Contain("dose timing standard-times 00:00,08:00,16:00;");
        stdout.Should().Contain("     2         2  Wed 2027-06-02 00:00 -04:00  00:15 -04:00\n");
    }

    // 06:00, 14:00, 22:00: 14:00 is 0.5 h after 13:30, skipped; dose 2 at 22:00.
    [Fact]
    public void StandardTimes_SetsTheWardsTimes()
    {
        var stdout = Run("plan", "--zone", "America/New_York", "--first-dose", "2027-06-01T13:30", "--dose-timing", "standard-times", "--standard-times", "22:00,06:00,14:00").Stdout;

        stdout.Should().Contain("dose timing standard-times 06:00,14:00,22:00;");
        stdout.Should().Contain("     2         2  Tue 2027-06-01 22:00 -04:00  22:15 -04:00\n");
        stdout.Should().Contain("     3         3  Wed 2027-06-02 06:00 -04:00  06:15 -04:00\n");
    }

    // 16:00 on day 1, then three a day on days 2-5: 13 dose times; the window binds.
    [Fact]
    public void CycleWindowCalendarDays_ReportsCapacityAndBound()
    {
        var stdout = Run("plan", "--zone", "America/New_York", "--first-dose", "2027-06-01T16:00", "--cycle-window", "calendar-days").Stdout;

        stdout.Should().Contain("Cycle window: the cycle's 5 calendar days\n");
        stdout.Should().Contain("Cycle 1: starts Tue 2027-06-01 16:00 -04:00; window closes Sun 2027-06-06 00:00 -04:00 (exclusive); it holds 13 dose times, 13 planned (bound by the window)\n");
        stdout.Should().Contain("    26        13  Sat 2027-06-19 16:00 -04:00  16:15 -04:00\n");
    }

    // The worked example: imaging Sun 2027-04-25 -> Mon 04-26; window Sun 05-09..Sun 06-20 ->
    // Mon 05-10..Fri 06-18.
    [Fact]
    public void Weekend_MovesFollowUpDatesOntoWorkingDays()
    {
        var stdout = Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--weekend", "Sat,Sun").Stdout;

        stdout.Should().Contain("Response imaging:   Mon 2027-04-26 (4 weeks after the course end date is Sun 2027-04-25, not a working day)\n");
        stdout.Should().Contain("Next-course window: Mon 2027-05-10 to Fri 2027-06-18 (both inclusive)\n  before working days: Sun 2027-05-09 to Sun 2027-06-20\n");
        stdout.Should().Contain("Working days:       all but weekend Saturday, Sunday; no holidays\n");
    }

    // A Friday-Saturday weekend leaves Sunday 04-25 a working day.
    [Fact]
    public void Weekend_OtherDays_AreUsed()
    {
        var stdout = Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--weekend", "fri,Saturday").Stdout;

        stdout.Should().Contain("Response imaging:   Sun 2027-04-25 (4 weeks after the course end date)\n");
        stdout.Should().Contain("Working days:       all but weekend Friday, Saturday; no holidays\n");
    }

    // First dose Thu 2027-04-15 08:00: course end date Mon 05-03, imaging Mon 05-31, Memorial Day
    // in both files; the next working day is Tue 06-01.
    [Theory]
    [InlineData("us-closures-2027.ics")]
    [InlineData("us-closures-2027.txt")]
    public void Holidays_FromIcsOrTextFile_MoveTheImagingDate(string file)
    {
        var (exitCode, stdout, stderr) = Run("plan", "--zone", "America/New_York", "--first-dose", "2027-04-15T08:00", "--holidays", TestDataPath(file));

        exitCode.Should().Be(0, stderr);
        stdout.Should().Contain("Response imaging:   Tue 2027-06-01 (4 weeks after the course end date is Mon 2027-05-31, not a working day)\n");
    }

    // The worked example's imaging date Sun 04-25: previous is Fri 04-23, nearest Mon 04-26.
    [Theory]
    [InlineData("previous", "Fri 2027-04-23")]
    [InlineData("nearest", "Mon 2027-04-26")]
    [InlineData("none", "Sun 2027-04-25")]
    public void ImagingShift_ChoosesTheDirection(string shift, string expected)
    {
        var stdout = Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--imaging-shift", shift).Stdout;

        stdout.Should().Contain($"Response imaging:   {expected} (4 weeks after the course end date");
        stdout.Should().Contain("Working days:       all but weekend Saturday, Sunday; no holidays\n");
    }

    // 72.5 kg x 600,000 IU/kg = 43,500,000 IU; x 0.037 mg/kg = 2.6825 mg; 43.5 / 22 -> 2 vials;
    // 25.4 < 43.5 <= 60 million IU -> 50 mL. 28 doses: 1,218,000,000 IU, 75.11 mg.
    [Fact]
    public void WeightKg_AddsTheDoseAmounts()
    {
        var stdout = Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--weight-kg", "72.5").Stdout;

        stdout.Should().Contain("Each dose for 72.5 kg: 43,500,000 IU, 2.6825 mg; 2 vials of 22 million IU; 50 mL of 5% dextrose\n");
        stdout.Should().Contain("Course planned: 1,218,000,000 IU, 75.11 mg in 28 doses\n");
    }

    // NCI, 140 kg: 100,800,000 IU, no mg figure; 4.58 -> 5 vials; 100 mL.
    [Fact]
    public void WeightKg_AsJson_WritesPerDoseAmounts()
    {
        var node = JsonNode.Parse(Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--protocol", "nci", "--weight-kg", "140", "--imaging-shift", "next", "--format", "json").Stdout)!;

        node["doses"]![0]!.ToJsonString().Should().EndWith(""","doseIu":100800000,"vials":5,"diluentMl":100}""");
        ((decimal)node["bodyWeightKg"]!).Should().Be(140m);
        ((string)node["imagingDateUnadjusted"]!).Should().Be("2027-04-26");
        ((string)node["cycles"]![0]!["boundBy"]!).Should().Be("cap");
    }

    [Theory]
    [InlineData("error: --standard-times needs --dose-timing standard-times",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--standard-times", "00:00,08:00,16:00")]
    [InlineData("error: --standard-times must be clock times like 00:00,08:00,16:00 (HH:mm, comma-separated); was '8am,4pm'",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--dose-timing", "standard-times", "--standard-times", "8am,4pm")]
    [InlineData("error: Invalid course protocol: --standard-times must be whole-minute clock times DosingInterval (8:00:00) apart around the day, for example 00:00, 08:00, 16:00 for 8 hours; was 00:00, 08:00, 15:00; see rule 11 (Standard administration times).",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--dose-timing", "standard-times", "--standard-times", "00:00,08:00,15:00")]
    [InlineData("error: Argument 'calendar' not recognized. Must be one of: 'elapsed' 'calendar-days' (see il2schedule --help)",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--cycle-window", "calendar")]
    [InlineData("error: --weekend must be days like Sat,Sun (Mon to Sun, comma-separated) or none; was 'Sat,Funday'",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--weekend", "Sat,Funday")]
    [InlineData("error: --weekend must leave at least one working day a week; was all seven days",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--weekend", "Mon,Tue,Wed,Thu,Fri,Sat,Sun")]
    [InlineData("error: --holidays file 'no-such-file.ics' does not exist",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--holidays", "no-such-file.ics")]
    [InlineData("error: Argument 'later' not recognized. Must be one of: 'next' 'previous' 'nearest' 'none' (see il2schedule --help)",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--imaging-shift", "later")]
    [InlineData("error: --weight-kg must be in range (0, 350] kg; was 0",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--weight-kg", "0")]
    [InlineData("error: --weight-kg must be in range (0, 350] kg; was -72.5",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--weight-kg", "-72.5")]
    [InlineData("error: --weight-kg must be in range (0, 350] kg; was 351",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--weight-kg", "351")]
    [InlineData("error: --weight-kg must be a number of kilograms like 72.5; was 'NaN'",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--weight-kg", "NaN")]
    [InlineData("error: --weight-kg must be a number of kilograms like 72.5; was 'Infinity'",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--weight-kg", "Infinity")]
    [InlineData("error: --weight-kg must be a number of kilograms like 72.5; was '72,5'",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--weight-kg", "72,5")]
    public void BadHospitalOption_PrintsOneErrorLineAndExits2WithNothingOnStdout(string expectedStderr, params string[] args)
    {
        var (exitCode, stdout, stderr) = Run(args);

        exitCode.Should().Be(CliApplication.UsageError);
        stdout.Should().BeEmpty();
        stderr.TrimEnd().Should().NotContain("\n").And.NotContain("   at ");
        stderr.TrimEnd().Should().Match(expectedStderr);
    }

    [Theory]
    [InlineData("holidays.txt", "2027-05-31\nMay 31st\n", "error: --holidays file '*holidays.txt' line 2 must be a date like 2027-05-31; was 'May 31st'")]
    [InlineData("holidays.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Maintenance\r\nDTSTART:20270601T130000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "error: --holidays file '*holidays.ics' must hold only all-day closures (DTSTART;VALUE=DATE); event 'Maintenance' starts at 2027-06-01 13:00")]
    public void BadHolidaysFile_PrintsOneErrorLine(string name, string contents, string expectedStderr)
    {
        string directory = Directory.CreateTempSubdirectory("il2schedule-tests-").FullName;
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, contents);
        try
        {
            var (exitCode, stdout, stderr) = Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--holidays", path);

            exitCode.Should().Be(CliApplication.UsageError);
            stdout.Should().BeEmpty();
            stderr.TrimEnd().Should().Match(expectedStderr);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
