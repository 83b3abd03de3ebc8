using System.IO;
using System.Text.Json.Nodes;
using FluentAssertions;
using IL2Schedule.Cli;

namespace IL2Schedule.Tests.Cli;

// `il2schedule batch` on Cli/BatchData/patients.csv. expected-schedules.csv comes from
// expected.py (Python zoneinfo, independent of this code); expected-errors.csv was written by
// hand from the rules: row 3 is skipped in New York, row 5 has an unknown zone, row 6 a malformed
// date, row 7 a discharge before its course end date (2027-03-28).
public sealed partial class BatchCommandTests : IDisposable
{
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "Cli", "BatchData");
    private static readonly string Patients = Path.Combine(Data, "patients.csv");

    private readonly string directory = Directory.CreateTempSubdirectory("il2schedule-batch-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void CheckedInCsv_GivesTheExpectedSchedulesAndErrors_AndExits3()
    {
        string output = Path.Combine(directory, "schedules.csv");
        string errors = Path.Combine(directory, "errors.csv");

        var (exitCode, stdout, stderr) = Run("batch", "--input", Patients, "--output", output, "--errors", errors);

        exitCode.Should().Be(3);
        stdout.Should().BeEmpty();
        File.ReadAllText(output).Should().Be(File.ReadAllText(Path.Combine(Data, "expected-schedules.csv")));
        File.ReadAllText(errors).Should().Be(File.ReadAllText(Path.Combine(Data, "expected-errors.csv")));
        stderr.Should().StartWith("done: 3 courses planned, 86 doses, 4 rejected rows, ");
        stderr.TrimEnd().Should().EndWith(" courses/s, tzdb 2026f");
    }

    [Fact]
    public void Parallel_WritesTheSameFile()
    {
        string output = Path.Combine(directory, "schedules.csv");

        Run("batch", "--input", Patients, "--output", output, "--errors", Path.Combine(directory, "errors.csv"), "--parallel").ExitCode.Should().Be(3);

        File.ReadAllText(output).Should().Be(File.ReadAllText(Path.Combine(Data, "expected-schedules.csv")));
    }

    [Fact]
    public void WithoutAnErrorsFile_RejectedRowsGoToStderr_AndSchedulesToStdout()
    {
        var (exitCode, stdout, stderr) = Run("batch", "--input", Patients);

        exitCode.Should().Be(3);
        stdout.Should().Be(File.ReadAllText(Path.Combine(Data, "expected-schedules.csv")));
        stderr.Should().Contain("rejected: line 5, patient P,004: Unknown time zone 'America/New_Yrok'");
    }

    // One object per course: the JSON form plus patientId. P003: London, NCI, wall clock;
    // 2027-10-31 01:30 happens twice (02:00 BST -> 01:00 GMT) and takes the earlier, +01:00.
    [Fact]
    public void Ndjson_WritesOneJsonFormPerCourse_WithThePatientIdFirst()
    {
        var (exitCode, stdout, _) = Run("batch", "--input", Patients, "--format", "ndjson", "--errors", Path.Combine(directory, "errors.csv"));

        exitCode.Should().Be(3);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3);
        lines[1].Should().StartWith("{\"patientId\":\"P003\",\"schemaVersion\":1,\"zone\":\"Europe/London\",");
        var course = JsonNode.Parse(lines[1])!;
        course["doseTiming"]!.GetValue<string>().Should().Be("wallClock");
        course["doses"]!.AsArray().Should().HaveCount(30);
        course["doses"]![8]!["start"]!.GetValue<string>().Should().Be("2027-10-31T01:30:00+01:00");
        course["doses"]![9]!["start"]!.GetValue<string>().Should().Be("2027-10-31T09:30:00+00:00");
        // Course end 2027-11-16 01:45 GMT; the window starts 6 weeks later (12-28), and discharge
        // on 11-20 + 7 weeks = 2028-01-08 moves it.
        course["dischargeDate"]!.GetValue<string>().Should().Be("2027-11-20");
        course["nextCourseWindow"]!["start"]!.GetValue<string>().Should().Be("2028-01-08");
    }

    [Fact]
    public void SyntheticRequests_AreReproducibleFromTheSeed()
    {
        var first = Run("batch", "--count", "300", "--seed", "7");
        var second = Run("batch", "--count", "300", "--seed", "7");

        first.Stdout.Should().Be(second.Stdout);
        first.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.Should().BeGreaterThan(28 * 290);
        first.Stderr.Should().Contain("courses planned");
    }

    [Theory]
    [InlineData(new[] { "batch" }, "error: batch needs exactly one of --input FILE and --count N")]
    [InlineData(new[] { "batch", "--count", "0" }, "error: --count must be at least 1; was 0")]
    [InlineData(new[] { "batch", "--input", "/nonexistent/patients.csv" }, "error: --input cannot be read: ")]
    [InlineData(new[] { "batch", "--count", "5", "--format", "xml" }, "error: ")]
    public void UnusableArguments_ExitWith2AndOneErrorLine(string[] args, string expectedStart)
    {
        var (exitCode, stdout, stderr) = Run(args);

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith(expectedStart);
        stderr.TrimEnd('\n').Should().NotContain("\n");
    }

    [Fact]
    public void InputWithoutTheRequiredColumns_ExitsWith2()
    {
        string input = Path.Combine(directory, "bad.csv");
        File.WriteAllText(input, "id,when,zone\nP1,2027-03-10T08:00,Etc/UTC\n");

        var (exitCode, stdout, stderr) = Run("batch", "--input", input);

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be(
            $"error: --input '{input}' has an unusable header row: unknown column 'id' (column 1); unknown column 'when' (column 2); missing required columns patientId, firstDose. "
            + "The known columns, matched ignoring case, are patientId, firstDose, zone (required); protocol, doseTiming, standardTimes, cycleWindow, discharge, weightKg (optional)\n");
    }

    [Fact]
    public void AllRowsPlanned_Exits0()
    {
        string input = Path.Combine(directory, "good.csv");
        File.WriteAllText(input, "patientId,firstDose,zone\nP1,2027-03-10T08:00,Etc/UTC\n");

        var (exitCode, stdout, stderr) = Run("batch", "--input", input);

        exitCode.Should().Be(0);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(29);
        stderr.Should().StartWith("done: 1 course planned, 28 doses, 0 rejected rows, ");
    }

    // Review finding: the same file as input and output used to be overwritten.
    [Fact]
    public void SameFileForInputAndOutput_IsAUsageErrorAndTouchesNothing()
    {
        string input = Path.Combine(directory, "same.csv");
        File.WriteAllText(input, "patientId,firstDose,zone\nP1,2027-03-10T08:00,America/New_York\n");

        var (exitCode, stdout, stderr) = Run("batch", "--input", input, "--output", input);

        exitCode.Should().Be(CliApplication.UsageError);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"error: --input and --output must be different files; both are '{input}'\n");
        File.ReadAllText(input).Should().Be("patientId,firstDose,zone\nP1,2027-03-10T08:00,America/New_York\n");
    }

    // Review finding: --output used to be truncated before a bad --errors path failed, with exit 74.
    [Fact]
    public void MissingErrorsDirectory_IsAUsageErrorAndLeavesTheOutputFileAlone()
    {
        string output = Path.Combine(directory, "keep.csv");
        File.WriteAllText(output, "precious\n");
        string errors = Path.Combine(directory, "missing", "errors.csv");

        var (exitCode, stdout, stderr) = Run("batch", "--count", "2", "--output", output, "--errors", errors);

        exitCode.Should().Be(CliApplication.UsageError);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"error: --errors cannot be written: the directory '{Path.Combine(directory, "missing")}' does not exist\n");
        File.ReadAllText(output).Should().Be("precious\n");
    }

    [Fact]
    public void DirectoryAsOutput_IsAUsageError()
    {
        var (exitCode, _, stderr) = Run("batch", "--count", "2", "--output", directory);

        exitCode.Should().Be(CliApplication.UsageError);
        stderr.Should().Be($"error: --output must be a file; '{directory}' is a directory\n");
    }
}
