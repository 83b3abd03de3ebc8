using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using FluentAssertions;

namespace IL2Schedule.Tests.Cli;

/// <summary>Bad and hostile input on the command line: one line on stderr, exit 2, nothing on stdout.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("il2-hostile-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => CliRun.Run(args);

    private static void ShouldBeAUsageError((int ExitCode, string Stdout, string Stderr) result, string message)
    {
        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Be("error: " + message + Environment.NewLine);
    }

    // The real process on an endless stream: it reads 16 MiB + 1 byte and stops.
    [Fact]
    public void ReplayOfDevZero_ExitsTwoWithinFiveSecondsAndUnder300MB()
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "IL2Schedule.Cli.dll");
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            ArgumentList = { "-f", "maxrss_kb=%M", Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", cli, "replay", "/dev/zero" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        clock.Stop();

        process.ExitCode.Should().Be(2);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("error: the record file '/dev/zero' is too large: The input has more than 16,777,216 bytes; the limit InputLimits.MaxRecordJsonBytes is 16,777,216 bytes, and reading stopped there.");
        long maxRssKb = long.Parse(lines.Single(line => line.StartsWith("maxrss_kb=", StringComparison.Ordinal))["maxrss_kb=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        maxRssKb.Should().BeLessThan(300 * 1024);
    }

    [Fact]
    public void PlanWithAnOptionButNoZone_IsAnError_NotNewYork()
    {
        ShouldBeAUsageError(Run("plan", "--first-dose", "2027-03-10T08:00"),
            "plan needs both --first-dose and --zone when any option is given (with no options it plans the README example); --zone is missing");
        ShouldBeAUsageError(Run("plan", "--zone", "Europe/London"),
            "plan needs both --first-dose and --zone when any option is given (with no options it plans the README example); --first-dose is missing");
        ShouldBeAUsageError(Run("plan", "--format", "json"),
            "plan needs both --first-dose and --zone when any option is given (with no options it plans the README example); --first-dose and --zone are missing");
    }

    [Fact]
    public void PlanWithNoOptions_PlansTheReadmeExample()
    {
        var (exitCode, stdout, _) = Run("plan");

        exitCode.Should().Be(0);
        stdout.Should().Contain("Zone America/New_York (tzdb ");
        stdout.Should().Contain("    13        13  Sun 2027-03-14 09:00 -04:00  09:15 -04:00  <- offset changes -05:00 -> -04:00\n");
    }

    [Fact]
    public void CountThatIsNotANumber_NamesTheOptionNotADotNetType()
    {
        ShouldBeAUsageError(Run("batch", "--count", "abc"), "--count must be a whole number of requests like 1000; was 'abc' (see il2schedule --help)");
    }

    [Fact]
    public void EmptyOutputOrErrors_NamesTheOption()
    {
        ShouldBeAUsageError(Run("batch", "--count", "2", "--output", ""), "--output must name a file; was empty");
        ShouldBeAUsageError(Run("batch", "--count", "2", "--errors", ""), "--errors must name a file; was empty");
    }

    [Fact]
    public void ADirectoryGivenAsAFile_SaysItIsADirectory()
    {
        ShouldBeAUsageError(Run("replay", directory), $"the record file '{directory}' is a directory, not a file");
        ShouldBeAUsageError(Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "UTC", "--holidays", directory), $"--holidays file '{directory}' is a directory, not a file");
        ShouldBeAUsageError(Run("batch", "--input", directory), $"--input must name a CSV file; '{directory}' is a directory");
    }

    [Fact]
    public void AMissingFile_SaysItDoesNotExist()
    {
        string missing = Path.Combine(directory, "missing.json");

        ShouldBeAUsageError(Run("replay", missing), $"the record file '{missing}' does not exist");
    }

    // Every output is checked before any is written: rows that would be rejected never reach stdout.
    [Fact]
    public void ErrorsInAFolderThatDoesNotExist_IsRefusedBeforeAnyOutput()
    {
        string input = Path.Combine(directory, "in.csv");
        File.WriteAllText(input, "patientId,firstDose,zone\nP1,2027-03-10T08:00,America/New_York\nP2,bad,UTC\n");
        string errors = Path.Combine(directory, "no-such-folder", "errors.csv");

        ShouldBeAUsageError(Run("batch", "--input", input, "--errors", errors), $"--errors cannot be written: the directory '{Path.GetDirectoryName(errors)}' does not exist");
    }

    // JSON cut short after line 1: System.Text.Json says "LineNumber: 1 | BytePositionInLine: 0" (0-based), which is line 2, byte 1.
    [Fact]
    public void FhirInputThatIsNotJson_NamesTheFileAndAOneBasedPosition()
    {
        string bad = Path.Combine(directory, "bad.json");
        File.WriteAllText(bad, "{\"resourceType\": \"Bundle\", \"entry\": [1\n");
        string record = Path.Combine(ReadmeTests.RepositoryRoot(), "samples", "records", "late-and-held.json");

        ShouldBeAUsageError(Run("replay", record, "--fhir-administrations", bad, "--patient", "Patient/123"),
            $"--fhir-administrations file '{bad}' is not FHIR R4 JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. (line 2, byte 1).");
    }

    // Etc/GMT+14 does not exist: POSIX signs are inverted, and UTC+14 is Etc/GMT-14.
    [Fact]
    public void EtcGmtWithTheWrongSign_SuggestsTheOtherSignFirst()
    {
        ShouldBeAUsageError(Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "Etc/GMT+14"),
            $"Unknown time zone 'Etc/GMT+14': not an IANA id, alias, Windows id or fixed offset (UTC+01) in tzdb {TimeZoneLookup.TzdbVersion}; did you mean Etc/GMT-14, Etc/GMT+1, Etc/GMT+10?");
    }

    [Fact]
    public void AZoneWithAnEscapeSequence_IsEscapedInTheMessage()
    {
        var (exitCode, _, stderr) = Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "\u001b]0;pwned\u0007");

        exitCode.Should().Be(2);
        stderr.Should().StartWith(@"error: Unknown time zone '\u001b]0;pwned\u0007': ");
        stderr.Should().NotContain("\u001b");
    }

    [Fact]
    public void AHolidaysLineWithAnEscapeSequence_IsEscaped()
    {
        string holidays = Path.Combine(directory, "holidays.txt");
        File.WriteAllText(holidays, "2027-12-25\n\u001b[2J\n");

        ShouldBeAUsageError(Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "UTC", "--holidays", holidays),
            $@"--holidays file '{holidays}' line 2 must be a date like 2027-05-31; was '\u001b[2J'");
    }

    [Fact]
    public void AHolidaysTextOverItsLimit_IsRefused()
    {
        string holidays = Path.Combine(directory, "holidays.txt");
        File.WriteAllText(holidays, new string('\n', InputLimits.MaxHolidaysTextBytes + 1));

        ShouldBeAUsageError(Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "UTC", "--holidays", holidays),
            $"--holidays file '{holidays}' is too large: The input has more than 1,048,576 bytes; the limit InputLimits.MaxHolidaysTextBytes is 1,048,576 bytes, and reading stopped there.");
    }

    // A CSV row of 100,000 characters: the reader refuses to buffer more than 64 KiB of one row.
    [Fact]
    public void ACsvRowLongerThanItsLimit_StopsTheRun()
    {
        string input = Path.Combine(directory, "in.csv");
        File.WriteAllText(input, "patientId,firstDose,zone\n" + new string('A', 1_000_000) + ",2027-03-10T08:00,UTC\n");

        var (exitCode, _, stderr) = Run("batch", "--input", input);

        exitCode.Should().Be(2);
        stderr.Should().Be("error: --input has a row longer than 65,536 bytes (the limit InputLimits.MaxCsvRecordBytes) after line 1; reading stopped there" + Environment.NewLine);
    }

    [Fact]
    public void ACsvPatientIdWithAnEscapeSequence_IsEscapedOnStderr()
    {
        string input = Path.Combine(directory, "in.csv");
        File.WriteAllText(input, "patientId,firstDose,zone\nP\u001b]0;x\u0007,bad,UTC\n");

        var (exitCode, _, stderr) = Run("batch", "--input", input);

        exitCode.Should().Be(3);
        stderr.Should().StartWith(@"rejected: line 2, patient P\u001b]0;x\u0007: firstDose must be a local date-time");
    }
}
