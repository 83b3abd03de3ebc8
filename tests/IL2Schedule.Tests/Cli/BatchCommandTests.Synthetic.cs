using System.IO;
using FluentAssertions;
using IL2Schedule.Cli;

namespace IL2Schedule.Tests.Cli;

// Synthetic requests are all plannable: a drawn first dose that its zone skips or repeats is drawn
// again. With seed 43 the first 2,100 draws hold one of each: request 26, MET 2030-10-27 02:52
// (repeated: 03:00 CEST -> 02:00 CET), and request 2,060, Antarctica/Macquarie 2032-10-03 02:21
// (skipped: 02:00 AEST -> 03:00 AEDT).
public sealed partial class BatchCommandTests
{
    [Fact]
    public void SyntheticRun_PlansExactlyCountCourses_RedrawingFirstDosesTheZoneSkipsOrRepeats()
    {
        var (exitCode, stdout, stderr) = Run("batch", "--count", "2100", "--seed", "43");

        exitCode.Should().Be(0);
        stderr.Should().StartWith("done: 2,100 courses planned, 58,800 doses, 0 rejected rows, ");
        PatientsIn(stdout).Should().HaveCount(2100).And.Contain(["S0000026", "S0002060"]);
    }

    [Fact]
    public void SyntheticRows_AreNumberedByRequest_AndEachFirstDoseMapsOnce()
    {
        var rows = BatchInput.Synthetic(2100, 43, new BatchProtocols(), TimeZoneDatabase.Embedded).ToList();

        rows.Select(row => row.Line).Should().Equal(Enumerable.Range(1, 2100).Select(n => (long)n));
        rows[25].PatientId.Should().Be("S0000026");
        rows[25].Request.Zone!.Id.Should().Be("MET");
        rows.Should().OnlyContain(row => row.Request.Zone!.MapLocal(row.Request.FirstDose).Count == 1);
    }

    [Fact]
    public void ASyntheticRowsRejection_SaysRequestNotLine()
    {
        using var stderr = new StringWriter();
        using var errorsFile = new StringWriter();

        new RejectionSink(null, stderr, "request").Write(26, "S0000026", "a reason");
        var sink = new RejectionSink(errorsFile, TextWriter.Null, "request");
        sink.Write(26, "S0000026", "a reason");
        sink.Flush();

        stderr.ToString().Should().Be("rejected: request 26, patient S0000026: a reason\n");
        errorsFile.ToString().Should().Be("request,patientId,reason\n26,S0000026,a reason\n");
    }

    [Fact]
    public void OneRejectedRow_IsCountedInTheSingular()
    {
        string input = Path.Combine(directory, "patients.csv");
        File.WriteAllText(input, "patientId,firstDose,zone\nP1,2027-03-10T08:00,Etc/UTC\nP2,2027-03-10T08:00,Mars/Olympus\n");

        var (exitCode, _, stderr) = Run("batch", "--input", input);

        exitCode.Should().Be(3);
        stderr.Split('\n')[^2].Should().StartWith("done: 1 course planned, 28 doses, 1 rejected row, ");
    }
}
