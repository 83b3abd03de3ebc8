using System.Diagnostics;
using System.IO;
using System.Threading;
using FluentAssertions;
using IL2Schedule.Cli;

namespace IL2Schedule.Tests.Cli;

// Outputs are written beside their target under a temporary name and renamed when the run is
// complete: until then an earlier file at the target is untouched, and a killed run leaves only
// the temporary file.
public sealed partial class BatchCommandTests
{
    private const string ThreeRows =
        "patientId,firstDose,zone\nP1,2027-03-10T08:00,America/New_Yrok\nP2,2027-03-10T08:00,Etc/UTC\nP3,2027-03-10T08:00,Etc/UTC\n";

    [Fact]
    public void WhileTheRunIsGoing_TheOutputTargetKeepsItsOldContent_AndTheNewOneIsBesideIt()
    {
        string input = Path.Combine(directory, "patients.csv");
        File.WriteAllText(input, ThreeRows);
        string output = Path.Combine(directory, "schedules.csv");
        File.WriteAllText(output, "precious\n");
        var seen = new List<string>();
        // P1's rejection goes to stderr mid-run, after the output's header has been written.
        using var stderr = new SpyWriter(() => seen.Add($"{File.ReadAllText(output)}|{string.Join(",", TemporaryFiles())}"));

        int exitCode = CliApplication.Run(["batch", "--input", input, "--output", output], TextWriter.Null, stderr);

        exitCode.Should().Be(3);
        seen[0].Should().MatchRegex(@"^precious\n\|\.schedules\.csv\.[0-9a-f]{32}\.tmp$");
        File.ReadAllLines(output).Should().HaveCount(1 + 56).And.StartWith("patientId,course,cycle,dose,start,end");
        TemporaryFiles().Should().BeEmpty();
    }

    [Fact]
    public void WhileTheRunIsGoing_TheErrorsTargetKeepsItsOldContent()
    {
        string input = Path.Combine(directory, "patients.csv");
        File.WriteAllText(input, ThreeRows);
        string errors = Path.Combine(directory, "errors.csv");
        File.WriteAllText(errors, "earlier errors\n");
        var seen = new List<string>();
        using var stdout = new SpyWriter(() => seen.Add($"{File.ReadAllText(errors)}|{string.Join(",", TemporaryFiles())}"));

        int exitCode = CliApplication.Run(["batch", "--input", input, "--errors", errors], stdout, TextWriter.Null);

        exitCode.Should().Be(3);
        seen[0].Should().MatchRegex(@"^earlier errors\n\|\.errors\.csv\.[0-9a-f]{32}\.tmp$");
        File.ReadAllLines(errors).Should().HaveCount(2).And.StartWith("line,patientId,reason");
        TemporaryFiles().Should().BeEmpty();
    }

    // The real thing: a separate il2schedule process, killed while it writes ten million courses.
    [Fact]
    public void AKilledRun_LeavesNoFileAtTheTarget()
    {
        string output = Path.Combine(directory, "schedules.csv");
        string cli = Path.Combine(AppContext.BaseDirectory, "IL2Schedule.Cli.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { cli, "batch", "--count", "10000000", "--output", output },
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var deadline = Stopwatch.StartNew();
        while (!Directory.GetFiles(directory).Any(file => new FileInfo(file).Length > 100_000) && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            process.HasExited.Should().BeFalse();
            Thread.Sleep(20);
        }
        process.Kill();
        process.WaitForExit();

        File.Exists(output).Should().BeFalse();
        TemporaryFiles().Should().ContainSingle().Which.Should().MatchRegex(@"^\.schedules\.csv\.[0-9a-f]{32}\.tmp$");
    }

    private List<string> TemporaryFiles() =>
        Directory.GetFiles(directory, ".*.tmp").Select(path => Path.GetFileName(path)!).ToList();

    /// <summary>A writer that calls <paramref name="onFirstWrite"/> when it is first written to.</summary>
    private sealed class SpyWriter(Action onFirstWrite) : StringWriter
    {
        private bool written;

        public override void Write(string? value)
        {
            Observe();
            base.Write(value);
        }

        public override void WriteLine(string? value)
        {
            Observe();
            base.WriteLine(value);
        }

        private void Observe()
        {
            if (!written)
            {
                written = true;
                onFirstWrite();
            }
        }
    }
}
