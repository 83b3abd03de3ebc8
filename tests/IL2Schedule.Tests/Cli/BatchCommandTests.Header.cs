using System.IO;
using FluentAssertions;
using IL2Schedule.Cli;

namespace IL2Schedule.Tests.Cli;

// The header is checked before anything is written: every column must be known and named once;
// names match ignoring case.
public sealed partial class BatchCommandTests
{
    private const string KnownColumns =
        "The known columns, matched ignoring case, are patientId, firstDose, zone (required); protocol, doseTiming, standardTimes, cycleWindow, discharge, weightKg (optional)";

    [Theory]
    [InlineData("patientId,firstDose,zone,doseTimming", "unknown column 'doseTimming' (column 4)")]
    [InlineData("patientId,firstDose,zone,notes", "unknown column 'notes' (column 4)")]
    [InlineData("patientId,firstDose,zone,", "unknown column '' (column 4)")]
    [InlineData("patientId,firstDose,zone,zone", "duplicate column 'zone' (columns 3 and 4)")]
    [InlineData("patientId,firstDose,Zone,protocol,ZONE", "duplicate column 'ZONE' (columns 3 and 5)")]
    [InlineData("patientId,zone,Protocol,protocoll", "unknown column 'protocoll' (column 4); missing required column firstDose")]
    public void UnusableHeader_IsAUsageErrorNamingTheColumn_AndNothingIsWritten(string header, string problem)
    {
        string input = Path.Combine(directory, "patients.csv");
        File.WriteAllText(input, header + "\nP1,2027-03-10T08:00,Etc/UTC,label\n");
        string output = Path.Combine(directory, "schedules.csv");
        File.WriteAllText(output, "precious\n");
        string errors = Path.Combine(directory, "errors.csv");

        var (exitCode, stdout, stderr) = Run("batch", "--input", input, "--output", output, "--errors", errors);

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"error: --input '{input}' has an unusable header row: {problem}. {KnownColumns}\n");
        File.ReadAllText(output).Should().Be("precious\n");
        Directory.GetFiles(directory).Select(Path.GetFileName).Should().BeEquivalentTo("patients.csv", "schedules.csv");
    }

    [Fact]
    public void HeaderNames_MatchIgnoringCase()
    {
        string input = Path.Combine(directory, "patients.csv");
        File.WriteAllText(input, "PATIENTID,FirstDose,zone,Protocol,DOSETIMING\nP1,2027-10-28T09:30,Europe/London,nci,wall-clock\n");

        var (exitCode, stdout, stderr) = Run("batch", "--input", input);

        exitCode.Should().Be(0);
        stderr.Should().StartWith("done: 1 course planned, 30 doses, 0 rejected rows, ");
        stdout.Split('\n')[1].Should().Be("P1,1,1,1,2027-10-28T09:30:00+01:00,2027-10-28T09:45:00+01:00");
    }

    // samples/batch/patients.csv names every known column. Label, elapsed: 28 doses; NCI, wall
    // clock: 15 + 15. MRN-0004's Windows id is New York; its course ends 2027-06-19, so discharge
    // on 06-20 is allowed. MRN-0005, standard times and calendar days from 13:30 (EDT, -04:00):
    // 13 + 13 doses, cycle 2 from 04-29 13:30 with dose 14; 80 kg x 600,000 IU/kg = 48,000,000 IU,
    // x 0.037 mg/kg = 2.96 mg. 28 + 30 + 28 + 28 + 26 = 140 doses.
    [Fact]
    public void SampleCsv_NamesEveryColumn_AndEveryRowIsPlanned()
    {
        string sample = Path.Combine(ReadmeTests.RepositoryRoot(), "samples", "batch", "patients.csv");

        var (exitCode, stdout, stderr) = Run("batch", "--input", sample);

        exitCode.Should().Be(0);
        stderr.Should().StartWith("done: 5 courses planned, 140 doses, 0 rejected rows, ");
        File.ReadLines(sample).First().Split(',').Should().Equal(BatchColumns.All.Select(column => column.Name));
        var lines = stdout.Split('\n');
        // Sydney's clocks went back on 2027-04-04: AEST, +10:00. No weight: no amounts.
        lines.Should().Contain("\"Smith, J (MRN-0003)\",3,1,1,2027-04-05T16:00:00+10:00,2027-04-05T16:15:00+10:00,,");
        lines.Should().Contain("MRN-0005,5,2,14,2027-04-29T13:30:00-04:00,2027-04-29T13:45:00-04:00,48000000,2.96");
    }
}
