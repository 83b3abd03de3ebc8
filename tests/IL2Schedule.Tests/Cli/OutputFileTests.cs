using System;
using System.IO;
using FluentAssertions;

namespace IL2Schedule.Tests.Cli;

/// <summary><c>--output FILE</c> on <c>plan</c> and <c>replay</c>: the file holds what stdout would, and a bad path is refused before any work.</summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("il2schedule-output-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public void Plan_Output_HoldsWhatStdoutWouldAndLeavesNoTemporaryFile(string format)
    {
        string path = Path.Combine(folder, "plan." + format);

        var toFile = CliRun.Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", format, "--output", path);
        var toStdout = CliRun.Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", format);

        toFile.ExitCode.Should().Be(0);
        toFile.Stdout.Should().BeEmpty();
        File.ReadAllText(path).Should().Be(toStdout.Stdout).And.Contain("2027-03-14");
        Directory.GetFiles(folder).Should().ContainSingle();
    }

    [Fact]
    public void Replay_Output_HoldsWhatStdoutWould()
    {
        string record = Path.Combine(ReadmeTests.RepositoryRoot(), "samples", "records", "stopped-after-8.json");
        string path = Path.Combine(folder, "replayed.json");

        var toFile = CliRun.Run("replay", record, "--format", "json", "--output", path);

        toFile.ExitCode.Should().Be(0);
        File.ReadAllText(path).Should().Be(CliRun.Run("replay", record, "--format", "json").Stdout)
            .And.Contain("\"courseEnd\": \"2027-03-12T16:15:00-05:00\"");
    }

    [Fact]
    public void Output_ReplacesAnExistingFileWhole()
    {
        string path = Path.Combine(folder, "plan.txt");
        File.WriteAllText(path, new string('x', 100_000));

        CliRun.Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--output", path).ExitCode.Should().Be(0);

        File.ReadAllText(path).Should().StartWith("High-dose IL-2 course, label protocol").And.NotContain("xxx");
    }

    [Fact]
    public void Output_Empty_IsAUsageErrorNamingTheOption()
    {
        var (exitCode, stdout, stderr) = CliRun.Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--output", "");

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be("error: --output must name a file; was empty" + Environment.NewLine);
    }

    [Fact]
    public void Output_Directory_IsAUsageErrorNamingIt()
    {
        var (exitCode, _, stderr) = CliRun.Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--output", folder);

        exitCode.Should().Be(2);
        stderr.Should().Be($"error: --output must name a file; '{folder}' is a directory" + Environment.NewLine);
    }

    [Fact]
    public void Output_InAMissingFolder_IsAUsageErrorBeforeAnyWork()
    {
        string path = Path.Combine(folder, "missing", "plan.json");

        var (exitCode, _, stderr) = CliRun.Run("replay", "no-such-record.json", "--output", path);

        exitCode.Should().Be(2);
        stderr.Should().Be($"error: --output '{path}': the folder '{Path.Combine(folder, "missing")}' does not exist" + Environment.NewLine);
    }
}
