using System.IO;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace IL2Schedule.Tests.Cli;

// Every option the batch file and command take, checked against hand-worked values and against
// `il2schedule plan` for the same inputs (plan is checked on its own against hand-worked values).
public sealed partial class BatchCommandTests
{
    private const string OptionsHeader = "patientId,firstDose,zone,protocol,doseTiming,standardTimes,cycleWindow,discharge,weightKg";

    // New York is on EDT (-04:00) all course. Standard times 00:00, 08:00, 16:00 ordered at 13:30:
    // 16:00 is 2.5 h away (< half of 8 h), so dose 2 is 00:00 on 04-16. Calendar days 04-15..04-19
    // hold 13:30 + 4 x 3 = 13 dose times (the window binds, under the cap of 14); cycle 2 starts on
    // 04-29 (day 15) at 13:30 with dose 14 and ends with dose 26 on 05-03 16:00. 72.5 kg x
    // 600,000 IU/kg = 43,500,000 IU; x 0.037 mg/kg = 2.6825 mg.
    [Fact]
    public void StandardTimesCalendarDaysAndWeight_GiveTheHandWorkedDoses()
    {
        string input = WriteInput(OptionsHeader, "P1,2027-04-15T13:30,America/New_York,label,standard-times,,calendar-days,,72.5");

        var (exitCode, stdout, stderr) = Run("batch", "--input", input);

        exitCode.Should().Be(0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("patientId,course,cycle,dose,start,end,doseIu,doseMg");
        lines.Should().HaveCount(1 + 26);
        lines[2].Should().Be("P1,1,1,2,2027-04-16T00:00:00-04:00,2027-04-16T00:15:00-04:00,43500000,2.6825");
        lines[13].Should().Be("P1,1,1,13,2027-04-19T16:00:00-04:00,2027-04-19T16:15:00-04:00,43500000,2.6825");
        lines[14].Should().Be("P1,1,2,14,2027-04-29T13:30:00-04:00,2027-04-29T13:45:00-04:00,43500000,2.6825");
        lines[26].Should().Be("P1,1,2,26,2027-05-03T16:00:00-04:00,2027-05-03T16:15:00-04:00,43500000,2.6825");
    }

    // NCI gives no mg figure: 80 kg x 720,000 IU/kg = 57,600,000 IU and an empty doseMg; a row
    // without a weight has both amount columns empty.
    [Fact]
    public void DoseAmounts_AreEmptyWithoutAWeightOrAMgFigure()
    {
        string input = WriteInput(OptionsHeader,
            "N1,2027-03-10T08:00,Etc/UTC,nci,,,,,80",
            "N2,2027-03-10T08:00,Etc/UTC,,,,,,");

        var (exitCode, stdout, _) = Run("batch", "--input", input);

        exitCode.Should().Be(0);
        var lines = stdout.Split('\n');
        lines[1].Should().Be("N1,1,1,1,2027-03-10T08:00:00+00:00,2027-03-10T08:15:00+00:00,57600000,");
        lines[31].Should().Be("N2,2,1,1,2027-03-10T08:00:00+00:00,2027-03-10T08:15:00+00:00,,");
    }

    // Each row, planned by `plan` with the same settings as options: the NDJSON course equals plan's
    // JSON document value for value, working days and discharge included.
    [Theory]
    [InlineData("W1,2027-03-10T08:00,America/New_York,nci,standard-times,\"06:00,14:00,22:00\",,,",
        "--protocol", "nci", "--dose-timing", "standard-times", "--standard-times", "06:00,14:00,22:00")]
    [InlineData("W2,2027-03-13T20:00,America/New_York,label,wall-clock,,calendar-days,2027-04-02,61.2",
        "--dose-timing", "wall-clock", "--cycle-window", "calendar-days", "--discharge", "2027-04-02", "--weight-kg", "61.2")]
    [InlineData("W3,2027-10-28T09:30,Europe/London,nci,wall-clock,,,2027-11-20,",
        "--protocol", "nci", "--dose-timing", "wall-clock", "--discharge", "2027-11-20")]
    public void EveryColumn_GivesWhatPlanGives(string row, params string[] planOptions)
    {
        string[] fields = row.Split(',');
        string input = WriteInput(OptionsHeader, row);
        string holidays = Path.Combine(ReadmeTests.RepositoryRoot(), "tests", "IL2Schedule.Tests", "TestData", "us-closures-2027.ics");
        string[] workingDays = ["--weekend", "Fri,Sat", "--holidays", holidays, "--imaging-shift", "previous"];

        var batch = Run(["batch", "--input", input, "--format", "ndjson", .. workingDays]);
        var plan = Run(["plan", "--first-dose", fields[1], "--zone", fields[2], "--format", "json", .. planOptions, .. workingDays]);

        batch.ExitCode.Should().Be(0, batch.Stderr);
        plan.ExitCode.Should().Be(0, plan.Stderr);
        var course = JsonNode.Parse(batch.Stdout)!.AsObject();
        course["patientId"]!.GetValue<string>().Should().Be(fields[0]);
        course.Remove("patientId");
        JsonNode.DeepEquals(course, JsonNode.Parse(plan.Stdout)).Should().BeTrue($"batch gave {course.ToJsonString()}\nplan gave {plan.Stdout}");
    }

    // As CSV: each dose's cycle, start and end are plan's (the amount columns empty: no weight).
    [Fact]
    public void CsvDoses_AreWhatPlanGives_ForACalendarDayWindowThatHoldsFewerThanTheCap()
    {
        string input = WriteInput(OptionsHeader, "C1,2027-03-13T20:00,America/New_York,label,wall-clock,,calendar-days,,");

        var batch = Run("batch", "--input", input);
        var plan = JsonNode.Parse(Run("plan", "--first-dose", "2027-03-13T20:00", "--zone", "America/New_York",
            "--dose-timing", "wall-clock", "--cycle-window", "calendar-days", "--format", "json").Stdout)!;

        var expected = plan["doses"]!.AsArray().Select((dose, k) =>
            $"C1,1,{dose!["cycle"]},{k + 1},{dose["start"]},{dose["end"]},,");
        batch.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Should().Equal(expected);
        plan["doses"]!.AsArray().Count(dose => dose!["cycle"]!.GetValue<int>() == 1).Should().Be(13, "20:00 leaves 13 dose times in 5 calendar days");
    }

    [Fact]
    public void BadOptionValues_RejectTheirRowAlone_NamingTheColumnAndTheRule()
    {
        string input = WriteInput(OptionsHeader,
            "R1,2027-03-10T08:00,Etc/UTC,label,wall-clock,\"06:00,14:00,22:00\",,,",
            "R2,2027-03-10T08:00,Etc/UTC,label,standard-times,\"06:00,14:00\",,,",
            "R3,2027-03-10T08:00,Etc/UTC,label,standard-times,6am,,,",
            "R4,2027-03-10T08:00,Etc/UTC,label,,,weekly,,",
            "R5,2027-03-10T08:00,Etc/UTC,label,,,,,400",
            "R6,2027-03-10T08:00,Etc/UTC,label,,,,,\"72,5\"",
            "R7,2027-03-10T08:00,Etc/UTC,label,sometimes,,,,",
            "R8,2011-12-28T08:00,Pacific/Apia,label,wall-clock,,,,",
            "R9,2027-03-10T08:00,Etc/UTC,,,,,,");
        string errors = Path.Combine(directory, "errors.csv");

        var (exitCode, stdout, stderr) = Run("batch", "--input", input, "--errors", errors);

        exitCode.Should().Be(3);
        stderr.Should().StartWith("done: 1 course planned, 28 doses, 8 rejected rows, ");
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1 + 28);
        File.ReadAllLines(errors).Should().Equal(
            "line,patientId,reason",
            "2,R1,\"standardTimes needs doseTiming standard-times; was '06:00,14:00,22:00' with doseTiming 'wall-clock'\"",
            "3,R2,\"Invalid course protocol: standardTimes must be whole-minute clock times DosingInterval (8:00:00) apart around the day, for example 00:00, 08:00, 16:00 for 8 hours; was 06:00, 14:00; see rule 11 (Standard administration times).\"",
            "4,R3,\"standardTimes must be clock times like 00:00,08:00,16:00 (HH:mm, comma-separated); was '6am'\"",
            "5,R4,cycleWindow must be elapsed or calendar-days (or empty for elapsed); was 'weekly'",
            "6,R5,\"weightKg must be in range (0, 350] kg; was 400\"",
            "7,R6,\"weightKg must be a number of kilograms like 72.5; was '72,5'\"",
            "8,R7,\"doseTiming must be elapsed, wall-clock or standard-times (or empty for elapsed); was 'sometimes'\"",
            // Samoa skipped 2011-12-30: the 9th wall-clock dose would start before the 8th ends.
            "9,R8,\"Dose 9 of cycle 1 would start at 2011-12-31T00:00:00+14:00, before the previous infusion ends at 2011-12-31T16:15:00+14:00: Pacific/Apia changes its clocks too far for wall-clock timing here; see rule 3 (Dose timing); use doseTiming elapsed.\"");
    }

    [Fact]
    public void WorkingDayOptions_AreCheckedLikePlans()
    {
        var (exitCode, stdout, stderr) = Run("batch", "--count", "2", "--weekend", "Sat,Funday");

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be("error: --weekend must be days like Sat,Sun (Mon to Sun, comma-separated) or none; was 'Sat,Funday'\n");
    }

    private string WriteInput(string header, params string[] rows)
    {
        string input = Path.Combine(directory, "options.csv");
        File.WriteAllText(input, header + "\n" + string.Join("\n", rows) + "\n");
        return input;
    }
}
