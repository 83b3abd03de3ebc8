using System.IO;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace IL2Schedule.Tests.Cli;

/// <summary>
/// Messages that once passed a library's own words to the user (System.Text.Json's "does not contain
/// any JSON tokens", System.CommandLine's "Required argument missing", NodaTime's "Unable to read
/// stream with version ..."): each is now one line naming the input and what was expected, exit 2,
/// nothing on stdout. And docs/command-line.md's usage block names every option of every command.
/// </summary>
public sealed partial class WeakMessageTests : IDisposable
{
    private const string NotTzdb = "is not a NodaTime tzdb file (.nzd): it does not hold the time-zone data NodaTime reads (a .nzd file from a NodaTime release, or one built by NodaTime's tzdb compiler)";

    private readonly string folder = Directory.CreateTempSubdirectory("weak-messages-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static void ShouldFailWith(string expectedStderr, params string[] args)
    {
        var (exitCode, stdout, stderr) = CliRun.Run(args);

        exitCode.Should().Be(2, stderr);
        stdout.Should().BeEmpty();
        stderr.Should().Be(expectedStderr + "\n");
    }

    [Fact]
    public void ReplayOfAnEmptyFile_SaysItIsEmptyAndWhatARecordIs()
    {
        ShouldFailWith("error: record file '/dev/null' is empty: a record is a JSON object (see docs/records.md)", "replay", "/dev/null");
    }

    [Fact]
    public void ReplayOfWhiteSpace_SaysSo()
    {
        string path = Path.Combine(folder, "blank.json");
        File.WriteAllText(path, " \n\t\n");

        ShouldFailWith($"error: record file '{path}' holds only white space: a record is a JSON object (see docs/records.md)", "replay", path);
    }

    [Fact]
    public void CheckTzdbOfAnEmptyPlanFile_SaysItIsEmptyAndWhatItShouldHold()
    {
        string path = Path.Combine(folder, "plan.json");
        File.WriteAllText(path, "");

        ShouldFailWith(
            $"error: check-tzdb file '{path}' is empty: a stored course is a plan or record JSON object, or NDJSON lines of batch output (see docs/tzdb.md)",
            "check-tzdb", path);
    }

    // A file that is neither a JSON object nor NDJSON lines of objects names its line, not System.Text.Json's
    // "'r' is an invalid start of a value. Path: $ | LineNumber: 0 | ...".
    [Fact]
    public void CheckTzdbOfALineThatIsNotJson_NamesTheLineAndWhatItShouldHold()
    {
        string path = Path.Combine(folder, "passwd");
        File.WriteAllText(path, "root:x:0:0:root:/root:/bin/bash\n");

        ShouldFailWith(
            $"error: {path} line 1: not a JSON object; a stored course is a plan or record JSON object, or NDJSON lines of batch output (see docs/tzdb.md)",
            "check-tzdb", path);
    }

    [Fact]
    public void CheckTzdbWithNoFile_NamesTheArgumentAndGivesTheUsage()
    {
        ShouldFailWith(
            "error: check-tzdb needs FILE: Stored courses: plan JSON (plan --format json), course records (replay's input, with tzdbVersion), "
            + "or NDJSON batch output (batch --format ndjson, one course a line); usage: il2schedule check-tzdb FILE... [options] (see il2schedule check-tzdb --help)",
            "check-tzdb");
    }

    [Fact]
    public void ReplayWithNoRecord_NamesTheArgumentAndGivesTheUsage()
    {
        ShouldFailWith(
            "error: replay needs RECORD.json: A course record: firstDose, zone, protocol, doseTiming and the events (doseGiven, doseStopped, doseHeld, cycleStopped, courseStopped, "
            + "cycleRescheduled, discharged, corrected); see docs/records.md; usage: il2schedule replay RECORD.json [options] (see il2schedule replay --help)",
            "replay");
    }

    // /etc/passwd starts "root:x:0:0:", which NodaTime's reader takes for a format version; none of that reaches the user.
    [Fact]
    public void TzdbThatIsNotTzdbData_NamesTheFileAndWhatWasExpected()
    {
        ShouldFailWith($"error: --tzdb '/etc/passwd' {NotTzdb}",
            "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--tzdb", "/etc/passwd");
    }

    [Fact]
    public void TzdbThatIsMissingOrADirectory_SaysWhich()
    {
        string missing = Path.Combine(folder, "missing.nzd");

        ShouldFailWith($"error: --tzdb '{missing}' does not exist",
            "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--tzdb", missing);
        ShouldFailWith($"error: --tzdb '{folder}' is a directory, not a tzdb file (.nzd)",
            "plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--tzdb", folder);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("replay")]
    [InlineData("batch")]
    [InlineData("check-tzdb")]
    public void EveryOptionOfTheHelp_IsInTheDocsUsageBlock(string command)
    {
        var (exitCode, help, _) = CliRun.Run(command, "--help");
        exitCode.Should().Be(0);
        string options = help[help.IndexOf("Options:", StringComparison.Ordinal)..];
        var names = OptionName().Matches(options).Select(match => match.Groups[1].Value).Where(name => name != "--help").ToList();

        names.Should().NotBeEmpty();
        UsageOf(command).Should().ContainAll(names.Select(name => name + " "), $"docs/command-line.md's usage of {command} names every option of its --help");
    }

    /// <summary>The lines of docs/command-line.md's first code block that give <paramref name="command"/>'s usage, joined, with a space after each.</summary>
    private static string UsageOf(string command)
    {
        string page = File.ReadAllText(Path.Combine(ReadmeTests.RepositoryRoot(), "docs", "command-line.md"));
        int start = page.IndexOf("```sh\n", StringComparison.Ordinal);
        var block = page[start..page.IndexOf("\n```", start + 5, StringComparison.Ordinal)].Split('\n');
        var lines = block.SkipWhile(line => !line.StartsWith($"il2schedule {command} ", StringComparison.Ordinal))
            .TakeWhile((line, index) => index == 0 || !line.StartsWith("il2schedule ", StringComparison.Ordinal))
            .ToList();
        lines.Should().NotBeEmpty($"docs/command-line.md gives the usage of {command}");
        return string.Join(" ", lines.Select(line => line.TrimEnd('\\').Trim()).Select(line => line + " ")).Replace("]", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s+(?:-\?, -h, )?(--[a-z][a-z-]*)", RegexOptions.Multiline)]
    private static partial Regex OptionName();
}
