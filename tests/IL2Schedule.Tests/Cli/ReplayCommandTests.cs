using System.IO;
using System.Text.Json.Nodes;
using FluentAssertions;
using IL2Schedule.Cli;

namespace IL2Schedule.Tests.Cli;

/// <summary>
/// <c>il2schedule replay</c> on the records in samples/records. Expected values are worked by hand
/// for America/New_York: EST (-05:00) until 2027-03-14 02:00, then EDT (-04:00).
/// </summary>
public class ReplayCommandTests
{
    private static string Sample(string name) => Path.Combine(ReadmeTests.RepositoryRoot(), "samples", "records", name);

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => CliRun.Run(args);

    // Slot 1 given 08:05 -05:00, 5 minutes late: slot 2 is due 8 h later, 16:05 -05:00, and is
    // held. Slot 3 is due 16:05 + 8 h = 03-11 00:05 and given at 00:30; slot 4 is then due 08:30.
    // The held dose is replaced by reserve slot 15: 00:30 -05:00 (05:30Z) + 12 x 8 h = 03-15 05:30Z
    // = 01:30 -04:00, before the window closes at 03-10 13:00Z + 120 h = 03-15 13:00Z = 09:00 -04:00.
    [Fact]
    public void LateAndHeldDoses_ShiftTheCycleAndUseTheReserveSlot()
    {
        var (exitCode, stdout, stderr) = Run("replay", Sample("late-and-held.json"), "--at", "2027-03-11T10:00:00-05:00");

        exitCode.Should().Be(0);
        stderr.Should().BeEmpty();
        stdout.Should().Contain("Cycle 1: window Wed 2027-03-10 08:00 -05:00 to Mon 2027-03-15 09:00 -04:00 (exclusive); 2 given, 1 held; running\n");
        stdout.Should().Contain("     1  given      Wed 2027-03-10 08:00 -05:00  Wed 2027-03-10 08:05 -05:00 to 08:20 -05:00  event e1\n");
        stdout.Should().Contain("     2  held       Wed 2027-03-10 16:05 -05:00                                               hypotension\n");
        stdout.Should().Contain("     3  given      Thu 2027-03-11 00:05 -05:00  Thu 2027-03-11 00:30 -05:00 to 00:45 -05:00  event e3\n");
        stdout.Should().Contain("     4  planned    Thu 2027-03-11 08:30 -05:00                                               OVERDUE\n");
        stdout.Should().Contain("    13  planned    Sun 2027-03-14 09:30 -04:00\n");
        stdout.Should().Contain("    15  planned    Mon 2027-03-15 01:30 -04:00\n");
        stdout.Should().Contain("Course end:         Sun 2027-03-28 16:15 -04:00 (projected)\n");
        stdout.Should().Contain("Status at Thu 2027-03-11 10:00 -05:00: next due cycle 1 slot 5 at Thu 2027-03-11 16:30 -05:00; overdue cycle 1 slot 4\n");
    }

    // Cycle 1: 8 doses on time, the last 03-12 16:00 -05:00, ending 16:15; then stopped. Cycle 2 is
    // stopped before it starts, so the course is complete and ends 2027-03-12 16:15 -05:00.
    // Imaging: 03-12 + 4 weeks = 04-09. Window: 03-12 + 6 weeks = 04-23 to + 12 weeks = 06-04;
    // discharge 03-14 + 7 weeks = 05-02 moves the start.
    [Fact]
    public void CycleStoppedAfterEightDoses_EndsTheCourseAtTheEighthDose()
    {
        var (exitCode, stdout, _) = Run("replay", Sample("stopped-after-8.json"));

        exitCode.Should().Be(0);
        stdout.Should().Contain("Cycle 1: window Wed 2027-03-10 08:00 -05:00 to Mon 2027-03-15 09:00 -04:00 (exclusive); 8 given, 0 held; ended: cycle stopped\n");
        stdout.Should().Contain("     9  cancelled  Sat 2027-03-13 00:00 -05:00\n");
        stdout.Should().Contain("    14  cancelled  Sun 2027-03-14 17:00 -04:00\n");
        stdout.Should().NotContain("    15  cancelled  Mon 2027-03-15");
        stdout.Should().Contain("Cycle 2: window Wed 2027-03-24 08:00 -04:00 to Mon 2027-03-29 08:00 -04:00 (exclusive); 0 given, 0 held; ended: cycle stopped\n");
        stdout.Should().Contain("Course:             complete; 8 doses given, 0 held\n");
        stdout.Should().Contain("Course end:         Fri 2027-03-12 16:15 -05:00\n");
        stdout.Should().Contain("Response imaging:   Fri 2027-04-09\n");
        stdout.Should().Contain("Next-course window: Sun 2027-05-02 to Fri 2027-06-04 (both inclusive)\n");
        stdout.Should().Contain("Note: Start moved from 2027-04-23: the next course starts at least 7 weeks after discharge on 2027-03-14, so not before 2027-05-02.\n");
    }

    [Fact]
    public void Json_HasTheStatusOfEverySlotAndCourseComplete()
    {
        var (exitCode, stdout, _) = Run("replay", Sample("stopped-after-8.json"), "--format", "json");

        exitCode.Should().Be(0);
        var document = JsonNode.Parse(stdout)!;
        document["courseComplete"]!.GetValue<bool>().Should().BeTrue();
        document["courseEnd"]!.GetValue<string>().Should().Be("2027-03-12T16:15:00-05:00");
        document["imagingDate"]!.GetValue<string>().Should().Be("2027-04-09");
        document["nextCourseWindow"]!["start"]!.GetValue<string>().Should().Be("2027-05-02");
        var doses = document["doses"]!.AsArray();
        doses.Should().HaveCount(28);
        doses[7]!["status"]!.GetValue<string>().Should().Be("given");
        doses[7]!["givenStart"]!.GetValue<string>().Should().Be("2027-03-12T16:00:00-05:00");
        doses[7]!["givenEnd"]!.GetValue<string>().Should().Be("2027-03-12T16:15:00-05:00");
        doses[7]!["eventId"]!.GetValue<string>().Should().Be("g8");
        doses[8]!["status"]!.GetValue<string>().Should().Be("cancelled");
        doses[8]!["givenStart"].Should().BeNull();
        document["cycles"]![0]!["endReason"]!.GetValue<string>().Should().Be("cycleStopped");
    }

    // 72.5 kg x 600,000 IU/kg = 43,500,000 IU and x 0.037 mg/kg = 2.6825 mg a dose; 8 given doses =
    // 348,000,000 IU and 21.46 mg. The window's start 2027-05-02 is a Sunday: next working day 05-03.
    [Fact]
    public void WeightAndWorkingDays_AddTheGivenDoseAndMoveTheWindow()
    {
        var (exitCode, stdout, _) = Run("replay", Sample("stopped-after-8.json"), "--weight-kg", "72.5", "--weekend", "Sat,Sun", "--format", "json");

        exitCode.Should().Be(0);
        var document = JsonNode.Parse(stdout)!;
        document["givenCourseIu"]!.GetValue<decimal>().Should().Be(348_000_000m);
        document["givenCourseMg"]!.GetValue<decimal>().Should().Be(21.46m);
        document["doses"]![0]!["doseIu"]!.GetValue<decimal>().Should().Be(43_500_000m);
        document["doses"]![0]!["vials"]!.GetValue<int>().Should().Be(2);
        document["doses"]![0]!["diluentMl"]!.GetValue<int>().Should().Be(50);
        document["nextCourseWindow"]!["start"]!.GetValue<string>().Should().Be("2027-05-03");
        document["nextCourseWindowUnadjusted"]!["start"]!.GetValue<string>().Should().Be("2027-05-02");
        document["imagingDate"]!.GetValue<string>().Should().Be("2027-04-09"); // a Friday: not moved
    }

    [Theory]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label", "events": [{"id": "e1", "type": "doseGiven", "cycle": 1, "slot": 1, "start": "2027-03-10T08:00:00-05:00"}, {"id": "e2", "type": "doseGiven", "cycle": 1, "slot": 1, "start": "2027-03-10T16:00:00-05:00"}]}""",
        "events[1]: doseGiven e2 (cycle 1, slot 1, start 2027-03-10T16:00:00-05:00) is rejected by rule AlreadyRecorded: slot 1 of cycle 1 is already recorded by doseGiven e1 (cycle 1, slot 1, start 2027-03-10T08:00:00-05:00); apply a Corrected event to change it; see re-planning rule 5 (Rejections).")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label", "events": [{"id": "e1", "type": "doseGiven", "cycle": 3, "slot": 1, "start": "2027-03-10T08:00:00-05:00"}]}""",
        "events[0]: doseGiven e1 (cycle 3, slot 1, start 2027-03-10T08:00:00-05:00) is rejected by rule UnknownCycle: it names cycle 3, but the course has 2 cycles; see re-planning rule 5 (Rejections).")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label", "events": [{"id": "e1", "type": "doseHeld", "cycle": 1, "slot": 2}]}""",
        "events[0] (id e1).reason is required.")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label", "events": [{"id": "e1", "type": "doseGiven", "cycle": 1, "slot": 1, "start": "2027-03-10T08:00:00-05:00", "end": "2027-03-10T07:59:00-05:00"}]}""",
        "events[0] (id e1): end must be after start 2027-03-10T13:00:00Z; was 2027-03-10T12:59:00Z.")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label", "events": [{"id": "e1", "type": "doseSkipped", "cycle": 1, "slot": 1}]}""",
        "events[0] (id e1).type must be one of doseGiven, doseStopped, doseHeld, cycleStopped, courseStopped, cycleRescheduled, discharged, corrected; was 'doseSkipped'.")]
    [InlineData("""{"firstDose": "2027-03-14T02:30", "zone": "America/New_York", "protocol": "label", "events": []}""",
        "firstDose 2027-03-14T02:30:00 is skipped in America/New_York; add firstDoseStart with the offset meant.")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label", "doseTiming": "hourly", "events": []}""",
        "doseTiming must be 'elapsed', 'wallClock' or 'standardTimes'; was 'hourly'.")]
    [InlineData("""[1, 2]""", "A course record must be a JSON object.")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label", "events": [{"id": "e1", "type": "doseGiven", "cycle": 1, "slot": 1, "start": "9999-12-31T23:59:00-14:00"}]}""",
        "events[0] (id e1).start must be between 0001-01-02 and 9999-12-30; was '9999-12-31T23:59:00-14:00'.")]
    [InlineData("""{"firstDose": "2027-03-10T24:00", "zone": "America/New_York", "protocol": "label", "events": []}""",
        "firstDose must be a local date-time such as 2027-03-10T08:00 or 2027-03-10T08:00:00 (hours 00-23); was '2027-03-10T24:00'.")]
    [InlineData("""{"firstDose": 20270310, "zone": "America/New_York", "protocol": "label", "events": []}""",
        "firstDose must be a string; was 20270310.")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label", "bodyWeightKg": -1, "events": []}""",
        "bodyWeightKilograms must be in range (0, 350] kg; was -1")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label", "workingDays": "yes", "events": []}""",
        "workingDays must be an object with weekend, holidays and imagingDateShift; was \"yes\".")]
    public void BadRecord_PrintsOneErrorLineAndExits2(string json, string expectedMessage)
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, json);

            var (exitCode, stdout, stderr) = Run("replay", path);

            exitCode.Should().Be(CliApplication.UsageError);
            stdout.Should().BeEmpty();
            stderr.Should().Be($"error: {path}: {expectedMessage}\n");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingFileAndBadInstant_AreUsageErrors()
    {
        Run("replay", "/nonexistent/record.json").Stderr.Should().Be("error: the record file '/nonexistent/record.json' is in a folder that does not exist" + System.Environment.NewLine);
        var (exitCode, stdout, stderr) = Run("replay", Sample("late-and-held.json"), "--at", "2027-03-11T10:00");
        exitCode.Should().Be(CliApplication.UsageError);
        stdout.Should().BeEmpty();
        stderr.Should().Be("error: --at must be a date-time with an offset like 2027-03-12T09:00:00-05:00, in the years 2 to 9998; was '2027-03-11T10:00'\n");
        Run("replay", Sample("late-and-held.json"), "--at", "9999-12-31T23:59:00-14:00").Should().Be((CliApplication.UsageError, "",
            "error: --at must be a date-time with an offset like 2027-03-12T09:00:00-05:00, in the years 2 to 9998; was '9999-12-31T23:59:00-14:00'\n"));
    }
}
