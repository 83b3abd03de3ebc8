using System.IO;
using System.Text.Json.Nodes;
using FluentAssertions;
using IL2Schedule.Cli;

namespace IL2Schedule.Tests.Cli;

public partial class CliApplicationTests
{
    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => CliRun.Run(args);

    // The README's worked example: America/New_York, 2027-03-14 02:00 EST (-05:00) -> 03:00 EDT (-04:00).
    [Fact]
    public void NoArguments_PrintsTheWorkedExampleAsATable()
    {
        var (exitCode, stdout, stderr) = Run();

        exitCode.Should().Be(0);
        stderr.Should().BeEmpty();
        stdout.Should().Contain("Zone America/New_York (tzdb ");
        stdout.Should().Contain("Cycle 1: starts Wed 2027-03-10 08:00 -05:00; window closes Mon 2027-03-15 09:00 -04:00 (exclusive)");
        stdout.Should().Contain("    12        12  Sun 2027-03-14 00:00 -05:00  00:15 -05:00\n");
        stdout.Should().Contain("    13        13  Sun 2027-03-14 09:00 -04:00  09:15 -04:00  <- offset changes -05:00 -> -04:00\n");
        stdout.Should().Contain("    14        14  Sun 2027-03-14 17:00 -04:00  17:15 -04:00\n");
        stdout.Should().Contain("Cycle 2: starts Wed 2027-03-24 08:00 -04:00");
        stdout.Should().Contain("    28        14  Sun 2027-03-28 16:00 -04:00  16:15 -04:00\n");
        stdout.Should().Contain("Course end:         Sun 2027-03-28 16:15 -04:00 (course end date Sun 2027-03-28)");
        stdout.Should().Contain("Response imaging:   Sun 2027-04-25 (4 weeks after the course end date)");
        stdout.Should().Contain("Next-course window: Sun 2027-05-09 to Sun 2027-06-20 (both inclusive)");
    }

    // 2027-03-12 01:50 -05:00 + 2 days = 03-14 01:50 -05:00 (dose 7); its 15-minute infusion ends
    // at 07:05Z = 03:05 -04:00, after the 02:00 EST -> 03:00 EDT change.
    [Fact]
    public void OffsetChangeDuringAnInfusion_IsMarked()
    {
        var stdout = Run("plan", "--zone", "America/New_York", "--first-dose", "2027-03-12T01:50").Stdout;

        stdout.Should().Contain("     7         7  Sun 2027-03-14 01:50 -05:00  03:05 -04:00  <- offset changes during the infusion -05:00 -> -04:00\n");
        stdout.Should().Contain("     8         8  Sun 2027-03-14 10:50 -04:00  11:05 -04:00\n");
    }

    [Fact]
    public void MaxDosesPerCycle_IsNamedInTheHeader()
    {
        Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--max-doses-per-cycle", "15").Stdout.Should().StartWith(
            "High-dose IL-2 course, label protocol with the dose cap set to 15: 600,000 IU/kg, a 15-minute infusion every 8 hours, at most 15 doses a cycle\n");
    }

    [Fact]
    public void StdoutThatCannotBeWritten_Exits74WithOneErrorLine()
    {
        using var stderr = new StringWriter();

        int exitCode = CliApplication.Run(["plan"], new FailingWriter(), stderr);

        exitCode.Should().Be(CliApplication.OutputError);
        stderr.ToString().Should().Be("error: cannot write the output: No space left on device" + Environment.NewLine);
    }

    [Fact]
    public void StderrThatCannotBeWritten_StillExits2()
    {
        using var stdout = new StringWriter();

        int exitCode = CliApplication.Run(["plan", "--first-dose", "2027-03-10T08:00", "--zone", "Nowhere/Special"], stdout, new FailingWriter());

        exitCode.Should().Be(CliApplication.UsageError);
        stdout.ToString().Should().BeEmpty();
    }

    /// <summary>A writer like stdout on a full disk.</summary>
    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void WriteLine(string? value) => throw new IOException("No space left on device");
    }

    [Fact]
    public void PlanWithoutOptions_EqualsNoArguments()
    {
        Run("plan").Stdout.Should().Be(Run().Stdout);
    }

    [Fact]
    public void PlanAsJson_ReproducesTheWorkedExample()
    {
        var (exitCode, stdout, stderr) = Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", "json");

        exitCode.Should().Be(0);
        stderr.Should().BeEmpty();
        var node = JsonNode.Parse(stdout)!;
        var starts = node["doses"]!.AsArray().Select(dose => (string)dose!["start"]!).ToList();
        starts.Should().HaveCount(28);
        starts.Take(12).Should().OnlyContain(start => start.EndsWith("-05:00", StringComparison.Ordinal));
        starts[12].Should().Be("2027-03-14T09:00:00-04:00");
        starts[13].Should().Be("2027-03-14T17:00:00-04:00");
        ((string)node["cycles"]![1]!["start"]!).Should().Be("2027-03-24T08:00:00-04:00");
        starts[27].Should().Be("2027-03-28T16:00:00-04:00");
        ((string)node["courseEnd"]!).Should().Be("2027-03-28T16:15:00-04:00");
        ((string)node["imagingDate"]!).Should().Be("2027-04-25");
        ((string)node["nextCourseWindow"]!["start"]!).Should().Be("2027-05-09");
        ((string)node["nextCourseWindow"]!["end"]!).Should().Be("2027-06-20");
    }

    // 2027-03-31 + 7 weeks = 2027-05-19, inside [2027-05-09, 2027-06-20].
    [Fact]
    public void Discharge_MovesTheWindowStartAndSaysWhy()
    {
        var (exitCode, stdout, _) = Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--discharge", "2027-03-31");

        exitCode.Should().Be(0);
        stdout.Should().Contain("Next-course window: Wed 2027-05-19 to Sun 2027-06-20 (both inclusive)");
        stdout.Should().Contain("Note: Start moved from 2027-05-09: the next course starts at least 7 weeks after discharge on 2027-03-31, so not before 2027-05-19.");
    }

    [Fact]
    public void WindowsZoneIdAndAlias_ReportTheCanonicalId()
    {
        Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "Eastern Standard Time").Stdout.Should().Be(Run().Stdout);
        Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "US/Eastern").Stdout.Should().Be(Run().Stdout);
    }

    // 2027-03-14 02:30 does not exist in New York; lenient shifts it forward by the gap to 03:30 -04:00.
    [Fact]
    public void LenientResolve_ShiftsASkippedFirstDoseForward()
    {
        var (exitCode, stdout, _) = Run("plan", "--zone", "America/New_York", "--first-dose", "2027-03-14T02:30", "--resolve", "lenient", "--format", "json");

        exitCode.Should().Be(0);
        var node = JsonNode.Parse(stdout)!;
        ((string)node["doses"]![0]!["start"]!).Should().Be("2027-03-14T03:30:00-04:00");
        ((string)node["requestedFirstDose"]!).Should().Be("2027-03-14T02:30:00");
    }

    // Wall-clock timing keeps 08:00, 16:00, 00:00: dose 13 is 08:00 -04:00, 7 hours after dose 12.
    [Fact]
    public void WallClockTiming_KeepsClockTimes()
    {
        var node = JsonNode.Parse(Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--dose-timing", "wall-clock", "--format", "json").Stdout)!;

        ((string)node["doseTiming"]!).Should().Be("wallClock");
        ((string)node["doses"]![12]!["start"]!).Should().Be("2027-03-14T08:00:00-04:00");
    }

    [Fact]
    public void NciProtocol_Plans15DosesACycle()
    {
        var node = JsonNode.Parse(Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--protocol", "nci", "--format", "json").Stdout)!;

        node["doses"]!.AsArray().Should().HaveCount(30);
        ((int)node["protocol"]!["doseInternationalUnitsPerKilogram"]!).Should().Be(720000);
    }

    [Fact]
    public void MaxDosesPerCycle_OverridesTheCap()
    {
        var node = JsonNode.Parse(Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--max-doses-per-cycle", "12", "--format", "json").Stdout)!;

        node["doses"]!.AsArray().Should().HaveCount(24);
    }

    [Theory]
    [InlineData("error: Unknown time zone 'America/New_Yrok': not an IANA id, alias, Windows id or fixed offset (UTC+01) in tzdb *; did you mean America/New_York?",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_Yrok")]
    [InlineData("error: --first-dose must be a local date-time like 2027-03-10T08:00 (hours 00-23, no seconds, no offset; the zone is --zone); was '2027-13-10T08:00'",
        "plan", "--zone", "America/New_York", "--first-dose", "2027-13-10T08:00")]
    [InlineData("error: --first-dose must be a local date-time like 2027-03-10T08:00 (hours 00-23, no seconds, no offset; the zone is --zone); was '2027-03-10T08:00-05:00'",
        "plan", "--zone", "America/New_York", "--first-dose", "2027-03-10T08:00-05:00")]
    [InlineData("error: The local time 2027-03-14T02:30:00 is skipped in time zone America/New_York: clocks jump from 2027-03-14T02:00 (-05) to 2027-03-14T03:00 (-04). Choose another --first-dose, or pass --resolve lenient (a skipped time moves forward by the gap, a repeated one takes the earlier instant).",
        "plan", "--zone", "America/New_York", "--first-dose", "2027-03-14T02:30", "--resolve", "strict")]
    [InlineData("error: The local time 2027-11-07T01:30:00 is ambiguous in time zone America/New_York: it occurs twice, at offset -04 and again at -05, as clocks go back. Choose another --first-dose, or pass --resolve lenient (a skipped time moves forward by the gap, a repeated one takes the earlier instant).",
        "plan", "--zone", "America/New_York", "--first-dose", "2027-11-07T01:30")]
    [InlineData("error: Invalid course protocol: --max-doses-per-cycle must be in range [1, 15] (the slots 8:00:00 apart in a 5-day window); was 16; see rule 4 (Dose cap and cycle window).",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--max-doses-per-cycle", "16")]
    [InlineData("error: Invalid course protocol: --max-doses-per-cycle must be in range [1, 15] (the slots 8:00:00 apart in a 5-day window); was 0; see rule 4 (Dose cap and cycle window).",
        "plan", "--zone", "America/New_York", "--max-doses-per-cycle", "0", "--protocol", "label", "--dose-timing", "elapsed", "--first-dose", "2027-03-10T08:00")]
    [InlineData("error: --max-doses-per-cycle must be a whole number; was 'many' (see il2schedule --help)",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--max-doses-per-cycle", "many")]
    [InlineData("error: Cannot compute the course's last day from 9999-12-20: the dates would pass 9999-12-31, the last date NodaTime can represent.",
        "plan", "--zone", "America/New_York", "--first-dose", "9999-12-20T08:00")]
    // Course end 9999-10-19 (18 days after the first dose); + 12 weeks would be 10000-01-11.
    [InlineData("error: Cannot compute the next-course window's end from 9999-10-19: the dates would pass 9999-12-31, the last date NodaTime can represent.",
        "plan", "--zone", "America/New_York", "--first-dose", "9999-10-01T08:00")]
    [InlineData("error: --discharge must not be before the course end date 2027-03-28: the minimum interval counts from the discharge after the course; was 2027-03-20",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--discharge", "2027-03-20")]
    [InlineData("error: --first-dose must be a local date-time like 2027-03-10T08:00 (hours 00-23, no seconds, no offset; the zone is --zone); was '2027-03-10T08:00:30'",
        "plan", "--zone", "America/New_York", "--first-dose", "2027-03-10T08:00:30")]
    [InlineData("error: --first-dose must be a local date-time like 2027-03-10T08:00 (hours 00-23, no seconds, no offset; the zone is --zone); was '2027-03-10T24:00'",
        "plan", "--zone", "America/New_York", "--first-dose", "2027-03-10T24:00")]
    [InlineData("error: Unknown time zone 'Z': not an IANA id, alias, Windows id or fixed offset (UTC+01) in tzdb *",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "Z")]
    [InlineData("error: --discharge must be a date like 2027-03-31; was '2027-5-1'",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--discharge", "2027-5-1")]
    [InlineData("error: Argument 'sometimes' not recognized. Must be one of: 'elapsed' 'wall-clock' 'standard-times' (see il2schedule --help)",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--dose-timing", "sometimes")]
    [InlineData("error: Unrecognized command or argument '--bogus'. (see il2schedule --help)",
        "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--bogus")]
    [InlineData("error: Dose 9 of cycle 1 would start at 2011-12-31T00:00:00+14:00, before the previous infusion ends at 2011-12-31T16:15:00+14:00: Pacific/Apia changes its clocks too far for wall-clock timing here; see rule 3 (Dose timing); use --dose-timing elapsed.",
        "plan", "--first-dose", "2011-12-28T08:00", "--zone", "Pacific/Apia", "--dose-timing", "wall-clock")]
    public void BadInput_PrintsOneErrorLineAndExits2WithNothingOnStdout(string expectedStderr, params string[] args)
    {
        var (exitCode, stdout, stderr) = Run(args);

        exitCode.Should().Be(CliApplication.UsageError);
        stdout.Should().BeEmpty();
        stderr.Should().EndWith(Environment.NewLine);
        stderr.TrimEnd().Should().NotContain("\n").And.NotContain("   at ");
        stderr.TrimEnd().Should().Match(expectedStderr);
    }
}
