using System.IO;
using System.Text.Json.Nodes;
using FluentAssertions;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Cli;

/// <summary>
/// <c>il2schedule check-tzdb</c>, <c>--tzdb</c> and replay's tzdb warning. Africa/Cairo: +02:00 all
/// year in tzdb 2019c; +03:00 from 2025-04-25 00:00 (22:00Z on the 24th) in the embedded tzdb.
/// America/Mexico_City: -05:00 in April 2023 under 2019c; -06:00 all year under 2025b.
/// </summary>
public sealed class CheckTzdbCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("check-tzdb-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static readonly string Tzdb2019c = TzdbFixtures.PathOf("2019c");
    private static readonly string Tzdb2025b = TzdbFixtures.PathOf("2025b");

    private string PlanUnder2019c(string name, string firstDose, string zone)
    {
        string path = Path.Combine(folder, name);
        var (exitCode, _, stderr) = CliRun.Run("plan", "--first-dose", firstDose, "--zone", zone, "--tzdb", Tzdb2019c, "--format", "json", "--output", path);
        exitCode.Should().Be(0, stderr);
        return path;
    }

    // First dose 04-08 15:00 +02:00; cycle 2 from 04-22 15:00 +02:00 (13:00Z). Dose 23 (04-25 05:00Z)
    // is 07:00 +02:00 stored, 08:00 +03:00 now; dose 28 (04-26 21:00Z) 23:00 +02:00 -> 04-27 00:00
    // +03:00, so the course end date, imaging (+4 weeks) and the window (+6, +12 weeks) move a day.
    [Fact]
    public void Cairo_Table_ListsTheShiftedDosesAndFollowUpDates_Exit4()
    {
        string plan = PlanUnder2019c("cairo.json", "2025-04-08T15:00", "Africa/Cairo");

        var (exitCode, stdout, stderr) = CliRun.Run("check-tzdb", plan);

        exitCode.Should().Be(4);
        stderr.Should().BeEmpty();
        stdout.Should().StartWith($"Checked against tzdb {TimeZoneDatabase.Embedded.TzdbVersion}; past means given\n");
        stdout.Should().Contain($"{plan} (Africa/Cairo, tzdb 2019c): 6 doses and 4 follow-up dates change\n");
        stdout.Should().Contain("    23      2  Fri 2025-04-25 07:00 +02:00  Fri 2025-04-25 08:00 +03:00     0:00  +1:00\n");
        stdout.Should().Contain("    28      2  Sat 2025-04-26 23:00 +02:00  Sun 2025-04-27 00:00 +03:00     0:00  +1:00\n");
        stdout.Should().Contain("  courseEndDate: 2025-04-26 -> 2025-04-27\n  imagingDate: 2025-05-24 -> 2025-05-25\n" +
            "  nextCourseWindowStart: 2025-06-07 -> 2025-06-08\n  nextCourseWindowEnd: 2025-07-19 -> 2025-07-20\n");
    }

    // --at 2025-04-25T10:00:00+03:00 = 07:00Z: dose 23 (05:00Z) is past, dose 24 (13:00Z) is not.
    [Fact]
    public void Cairo_At_MarksTheDosesAlreadyPast()
    {
        string plan = PlanUnder2019c("cairo.json", "2025-04-08T15:00", "Africa/Cairo");

        var (exitCode, stdout, _) = CliRun.Run("check-tzdb", plan, "--at", "2025-04-25T10:00:00+03:00");

        exitCode.Should().Be(4);
        stdout.Should().Contain("    23      2  Fri 2025-04-25 07:00 +02:00  Fri 2025-04-25 08:00 +03:00     0:00  +1:00  past\n");
        stdout.Should().Contain("    24      2  Fri 2025-04-25 15:00 +02:00  Fri 2025-04-25 16:00 +03:00     0:00  +1:00\n");
    }

    [Fact]
    public void SameTzdb_NothingChanges_Exit0()
    {
        string plan = PlanUnder2019c("cairo.json", "2025-04-21T08:00", "Africa/Cairo");

        var (exitCode, stdout, _) = CliRun.Run("check-tzdb", plan, "--tzdb", Tzdb2019c);

        exitCode.Should().Be(0);
        stdout.Should().Be($"Checked against tzdb 2019c; past means given\n\n{plan} (Africa/Cairo, tzdb 2019c): nothing changes\n");
    }

    // First dose 2023-04-10 08:00: -05:00 (13:00Z) under 2019c, -06:00 (14:00Z) under 2025b; every
    // dose 1 h later at the same clock time. --at 2023-04-11T00:00:00Z: doses 1 and 2 (13:00Z and
    // 21:00Z on the 10th) are past.
    [Fact]
    public void MexicoCity_Json_EveryDoseOneHourLater()
    {
        string plan = PlanUnder2019c("mexico.json", "2023-04-10T08:00", "America/Mexico_City");

        var (exitCode, stdout, _) = CliRun.Run("check-tzdb", plan, "--tzdb", Tzdb2025b, "--format", "json", "--at", "2023-04-11T00:00:00Z");

        exitCode.Should().Be(4);
        var root = JsonNode.Parse(stdout)!;
        root["tzdbVersion"]!.GetValue<string>().Should().Be("2025b");
        root["at"]!.GetValue<string>().Should().Be("2023-04-11T00:00:00Z");
        var doses = root["courses"]![0]!["doses"]!.AsArray();
        doses.Should().HaveCount(28);
        doses[0]!["stored"]!.GetValue<string>().Should().Be("2023-04-10T08:00:00-05:00");
        doses[0]!["replanned"]!.GetValue<string>().Should().Be("2023-04-10T08:00:00-06:00");
        doses.Select(d => d!["instantShiftMinutes"]!.GetValue<long>()).Should().OnlyContain(minutes => minutes == 60);
        doses.Select(d => d!["clockShiftMinutes"]!.GetValue<long>()).Should().OnlyContain(minutes => minutes == 0);
        doses.Where(d => d!["past"]!.GetValue<bool>()).Select(d => d!["number"]!.GetValue<int>()).Should().Equal(1, 2);
        root["courses"]![0]!["followUps"]!.AsArray().Should().BeEmpty();
    }

    // Batch output planned under 2019c: P1 in Cairo (04-21 08:00) changes from dose 12; P2 in London
    // (2025: BST from 03-30, the same in both tzdbs) does not.
    [Fact]
    public void NdjsonBatchOutput_IsCheckedLineByLine()
    {
        string csv = Path.Combine(folder, "patients.csv");
        File.WriteAllText(csv, "patientId,firstDose,zone\nP1,2025-04-21T08:00,Africa/Cairo\nP2,2025-04-21T08:00,Europe/London\n");
        string ndjson = Path.Combine(folder, "schedules.ndjson");
        CliRun.Run("batch", "--input", csv, "--format", "ndjson", "--output", ndjson, "--tzdb", Tzdb2019c).ExitCode.Should().Be(0);

        var (exitCode, stdout, _) = CliRun.Run("check-tzdb", ndjson);

        exitCode.Should().Be(4);
        stdout.Should().Contain($"{ndjson} line 1 (P1) (Africa/Cairo, tzdb 2019c): 17 doses and 0 follow-up dates change\n");
        stdout.Should().Contain("    12      1  Fri 2025-04-25 00:00 +02:00  Fri 2025-04-25 01:00 +03:00     0:00  +1:00\n");
        stdout.Should().Contain("    15      2  Mon 2025-05-05 08:00 +02:00  Mon 2025-05-05 08:00 +03:00    -1:00   0:00\n");
        stdout.Should().Contain($"{ndjson} line 2 (P2) (Europe/London, tzdb 2019c): nothing changes\n");
    }

    [Fact]
    public void BadTzdbFile_OneLine_Exit2()
    {
        string plan = PlanUnder2019c("cairo.json", "2025-04-21T08:00", "Africa/Cairo");
        string bad = Path.Combine(folder, "bad.nzd");
        File.WriteAllText(bad, "not tzdb");

        foreach (var args in new[] { new[] { "check-tzdb", plan, "--tzdb", bad }, ["plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--tzdb", bad], ["replay", plan, "--tzdb", bad] })
        {
            var (exitCode, stdout, stderr) = CliRun.Run(args);

            exitCode.Should().Be(2);
            stdout.Should().BeEmpty();
            stderr.Should().Be($"error: --tzdb '{bad}' is not a NodaTime tzdb file (.nzd): it does not hold the time-zone data NodaTime reads (a .nzd file from a NodaTime release, or one built by NodaTime's tzdb compiler)\n");
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1);
        }
    }

    [Fact]
    public void UnusableInput_Exit2()
    {
        string notJson = Path.Combine(folder, "notes.txt");
        File.WriteAllText(notJson, "hello\n");

        var (exitCode, stdout, stderr) = CliRun.Run("check-tzdb", notJson);

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith($"error: {notJson} line 1: ");
    }

    private string RecordUnder2019c()
    {
        var plan = new CoursePlanner().Plan(new LocalDateTime(2025, 4, 21, 8, 0), "Africa/Cairo", TzdbFixtures.Tzdb2019c);
        string path = Path.Combine(folder, "record.json");
        File.WriteAllText(path, CourseRecordJson.Serialize(CourseRecord.Start(plan).Apply(new DoseGiven("g1", 1, 1, plan.Doses[0].Start.ToInstant(), end: null))));
        return path;
    }

    [Fact]
    public void Replay_RecordFromAnotherTzdb_WarnsOnceAndSaysHowToCheck()
    {
        string record = RecordUnder2019c();

        var (exitCode, stdout, stderr) = CliRun.Run("replay", record);

        exitCode.Should().Be(0);
        stdout.Should().NotBeEmpty();
        stderr.Should().Be($"warning: {record} was written with tzdb 2019c and is replayed with tzdb {TimeZoneDatabase.Embedded.TzdbVersion}; dose times may differ; " +
            $"to list what changes, run: il2schedule check-tzdb {record} --stored-tzdb <tzdb 2019c .nzd file>\n");
        CliRun.Run("replay", record, "--tzdb", Tzdb2019c).Stderr.Should().BeEmpty();
    }

    // The record re-derived under 2019c and the embedded tzdb: doses 12-14 move on the clock
    // (00:00, 08:00, 16:00 +02:00 -> 01:00, 09:00, 17:00 +03:00); dose 1, given, does not change.
    [Fact]
    public void Record_WithStoredTzdb_Exit4_WithoutIt_Exit2()
    {
        string record = RecordUnder2019c();

        var (exitCode, stdout, _) = CliRun.Run("check-tzdb", record, "--stored-tzdb", Tzdb2019c);
        var (missingExit, _, missingStderr) = CliRun.Run("check-tzdb", record);

        exitCode.Should().Be(4);
        stdout.Should().Contain("    12      1  Fri 2025-04-25 00:00 +02:00  Fri 2025-04-25 01:00 +03:00     0:00  +1:00\n");
        missingExit.Should().Be(2);
        missingStderr.Should().StartWith($"error: {record}: The record was written with tzdb 2019c");
    }
}
