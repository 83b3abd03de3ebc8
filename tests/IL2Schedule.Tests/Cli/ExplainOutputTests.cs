using System.IO;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace IL2Schedule.Tests.Cli;

/// <summary>
/// <c>plan --explain</c> and <c>replay --explain</c>. Values worked by hand for America/New_York:
/// EST (-05:00) until 2027-03-14 02:00, then EDT (-04:00).
/// </summary>
public class ExplainOutputTests
{
    private static string Sample(string name) => Path.Combine(ReadmeTests.RepositoryRoot(), "samples", "records", name);

    private static Dictionary<string, JsonObject> Explanations(string json) =>
        JsonNode.Parse(json)!["explanations"]!.AsArray().Select(node => node!.AsObject()).ToDictionary(node => (string)node["subject"]!);

    /// <summary>Every time, date and window the document states, as the explanation's values would write them.</summary>
    private static HashSet<string> StatedValues(JsonNode document)
    {
        var values = new HashSet<string>();
        foreach (var cycle in document["cycles"]!.AsArray())
        {
            values.Add((string)cycle!["start"]!);
            values.Add((string)cycle["windowEnd"]!);
        }
        foreach (var dose in document["doses"]!.AsArray())
        {
            values.Add((string)dose!["start"]!);
            values.Add((string)dose["end"]!);
        }
        values.Add((string)document["courseEnd"]!);
        values.Add((string)document["courseEndDate"]!);
        values.Add((string)document["imagingDate"]!);
        values.Add((string)document["nextCourseWindow"]!["start"]!);
        values.Add((string)document["nextCourseWindow"]!["end"]!);
        return values;
    }

    // The worked example: dose 13 at 09:00 -04:00, 8 elapsed hours after dose 12 (00:00 -05:00);
    // cycle 2 on day 15 at 08:00 -04:00; course end 03-28 16:15 -04:00; imaging 04-25; window
    // 05-09 to 06-20. Every value the JSON states is explained.
    [Fact]
    public void PlanJson_Explain_CoversEveryValueOfTheWorkedExample()
    {
        var (exitCode, stdout, stderr) = CliRun.Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", "json", "--explain");

        exitCode.Should().Be(0, stderr);
        var explained = Explanations(stdout);
        var values = explained.Values.Select(node => (string)node["value"]!).ToHashSet();
        values.Should().Contain(StatedValues(JsonNode.Parse(stdout)!));
        ((string)explained["dose 13 start"]["value"]!).Should().Be("2027-03-14T09:00:00-04:00");
        ((int)explained["dose 13 start"]["rule"]!).Should().Be(3);
        ((string)explained["cycle 2 start"]["value"]!).Should().Be("2027-03-24T08:00:00-04:00");
        ((string)explained["cycle 2 start"]["ruleName"]!).Should().Be("Cycle start");
        ((string)explained["cycle 2 start"]["source"]!).Should().Be("Label, Table 1");
        ((string)explained["course end"]["value"]!).Should().Be("2027-03-28T16:15:00-04:00");
        ((string)explained["imaging date by the protocol"]["value"]!).Should().Be("2027-04-25");
        ((string)explained["imaging date by the protocol"]["inputs"]![1]!["value"]!).Should().Be("4 weeks");
        ((string)explained["next-course window"]["value"]!).Should().Be("2027-05-09/2027-06-20");
    }

    [Fact]
    public void PlanTable_Explain_EndsWithOneLinePerValue()
    {
        var (exitCode, stdout, _) = CliRun.Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--explain", "--weight-kg", "20");

        exitCode.Should().Be(0);
        stdout.Should().Contain("\nHow each value was derived:\n");
        stdout.Should().Contain("  cycle 2 start = 2027-03-24T08:00:00-04:00  [rule 2, Cycle start; Label, Table 1]\n");
        stdout.Should().Contain("  dose 13 start = 2027-03-14T09:00:00-04:00  [rule 3, Dose timing; Label §2.1 (\"every 8 hours\"); EHR practice differs (domain notes)]\n");
        // 20 kg: 0.74 mg in 25 mL = 0.0296 mg/mL, below 0.03.
        stdout.Should().Contain("Final concentration: 0.0296 mg/mL (0.74 mg in 25 mL)\n");
        stdout.Should().Contain("Warning: final concentration 0.0296 mg/mL (0.74 mg in 25 mL of 5% dextrose) is below the label's range of 0.03 to 0.07 mg/mL (Label §2.5); the dose is not changed\n");
        stdout.Should().Contain("  final concentration mg/mL = 0.0296  [rule 15, Dilution range; Label §2.5]\n");
    }

    [Fact]
    public void PlanJson_At200Kilograms_WarnsInEachDoseAndKeepsTheDose()
    {
        var (exitCode, stdout, _) = CliRun.Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", "json", "--weight-kg", "200");

        exitCode.Should().Be(0);
        var dose = JsonNode.Parse(stdout)!["doses"]![0]!;
        ((decimal)dose["doseMg"]!).Should().Be(7.4m);
        ((int)dose["diluentMl"]!).Should().Be(100);
        ((decimal)dose["concentrationMgPerMl"]!).Should().Be(0.074m);
        ((string)dose["dilutionWarning"]!).Should().StartWith("final concentration 0.074 mg/mL");
    }

    [Fact]
    public void Explain_WithAnotherFormat_IsAUsageError()
    {
        var (exitCode, stdout, stderr) = CliRun.Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", "svg", "--explain");

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be("error: --explain needs --format table or json; was 'svg'" + Environment.NewLine);
    }

    // stopped-after-8.json: 8 doses on time from 03-10 08:00 -05:00, the last 03-12 16:00,
    // ending 16:15; cycle 1 stopped 03-12 20:00; cycle 2 stopped before it began; discharge
    // 03-14. Course end date 03-12: imaging + 4 weeks = 04-09; window + 6 weeks = 04-23 to
    // + 12 weeks = 06-04; discharge + 7 weeks = 05-02 moves the start. Slot 9 was due 03-13
    // 00:00 -05:00 (8 h after slot 8) and is cancelled by the stop.
    [Fact]
    public void ReplayJson_Explain_CoversTheRecordedCourse()
    {
        var (exitCode, stdout, stderr) = CliRun.Run("replay", Sample("stopped-after-8.json"), "--format", "json", "--explain");

        exitCode.Should().Be(0, stderr);
        var explained = Explanations(stdout);
        ((string)explained["course end"]["value"]!).Should().Be("2027-03-12T16:15:00-05:00");
        ((string)explained["course end"]["ruleSet"]!).Should().Be("replanning");
        ((int)explained["course end"]["rule"]!).Should().Be(4);
        ((string)explained["course end date"]["value"]!).Should().Be("2027-03-12");
        ((string)explained["imaging date by the protocol"]["value"]!).Should().Be("2027-04-09");
        ((string)explained["next-course window start by the course end"]["value"]!).Should().Be("2027-04-23");
        ((string)explained["next-course window end"]["value"]!).Should().Be("2027-06-04");
        ((string)explained["next-course window earliest start after discharge"]["value"]!).Should().Be("2027-05-02");
        ((string)explained["next-course window"]["value"]!).Should().Be("2027-05-02/2027-06-04");
        ((string)explained["cycle 1 slot 8 due"]["value"]!).Should().Be("2027-03-12T16:00:00-05:00");
        ((string)explained["cycle 1 slot 9 due"]["value"]!).Should().Be("2027-03-13T00:00:00-05:00");
        ((string)explained["cycle 1 slot 9 status"]["value"]!).Should().Be("cancelled");
        ((string)explained["cycle 1 end"]["value"]!).Should().Be("CycleStopped");
        ((string)explained["cycle 1 window end"]["value"]!).Should().Be("2027-03-15T09:00:00-04:00");
    }
}
