using System.IO;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace IL2Schedule.Tests.Cli;

/// <summary>
/// <c>plan --format fhir|fhir-transaction</c>, <c>replay --format fhir</c> and
/// <c>replay --fhir-administrations</c>. New York: EST (-05:00) until 2027-03-14 02:00, then EDT (-04:00).
/// </summary>
public sealed class FhirOutputTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("il2schedule-fhir-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Sample(string name) => Path.Combine(ReadmeTests.RepositoryRoot(), "samples", "records", name);

    private static List<JsonNode> Resources(string bundle, string type) =>
        JsonNode.Parse(bundle)!["entry"]!.AsArray().Select(entry => entry!["resource"]!).Where(r => (string?)r["resourceType"] == type).ToList();

    // Dose 13 is 8 elapsed hours after dose 12 (03-14 00:00 -05:00): 09:00 -04:00.
    [Fact]
    public void PlanFhir_WritesACollectionWithTheConcreteDoseTimes()
    {
        var (exitCode, stdout, stderr) = CliRun.Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", "fhir", "--patient", "Patient/123");

        exitCode.Should().Be(0);
        stderr.Should().BeEmpty();
        ((string?)JsonNode.Parse(stdout)!["type"]).Should().Be("collection");
        var requests = Resources(stdout, "MedicationRequest");
        requests.Should().HaveCount(2);
        var events = requests[0]["dosageInstruction"]![0]!["timing"]!["event"]!.AsArray().Select(e => (string?)e).ToList();
        events[11].Should().Be("2027-03-14T00:00:00-05:00");
        events[12].Should().Be("2027-03-14T09:00:00-04:00");
        ((string?)Resources(stdout, "CarePlan")[0]["subject"]!["reference"]).Should().Be("Patient/123");
    }

    [Fact]
    public void PlanFhirTransaction_PostsEveryResourceWithIfNoneExist()
    {
        var (exitCode, stdout, _) = CliRun.Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", "fhir-transaction", "--patient", "Patient/123");

        exitCode.Should().Be(0);
        var bundle = JsonNode.Parse(stdout)!;
        ((string?)bundle["type"]).Should().Be("transaction");
        bundle["entry"]!.AsArray().Should().HaveCount(5).And.OnlyContain(entry =>
            (string?)entry!["request"]!["method"] == "POST"
            && (string?)entry["request"]!["ifNoneExist"] == "identifier=urn:ietf:rfc:3986|" + (string?)entry["fullUrl"]);
    }

    [Fact]
    public void PlanFhir_ToAnOutputFile()
    {
        string path = Path.Combine(folder, "course.fhir.json");

        var (exitCode, stdout, _) = CliRun.Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", "fhir", "--patient", "Patient/123", "--output", path);

        exitCode.Should().Be(0);
        stdout.Should().BeEmpty();
        Resources(File.ReadAllText(path), "ServiceRequest").Should().HaveCount(2);
    }

    [Theory]
    [InlineData("plan", "--format", "fhir", "error: --format fhir needs --patient, the patient's FHIR reference (e.g. Patient/123)\n")]
    [InlineData("plan", "--format", "fhir-transaction", "error: --format fhir-transaction needs --patient, the patient's FHIR reference (e.g. Patient/123)\n")]
    public void FhirFormats_NeedAPatient(string command, string option, string value, string expected)
    {
        var (exitCode, stdout, stderr) = CliRun.Run(command, "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", option, value);

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be(expected);
    }

    [Fact]
    public void APatientThatIsNoReference_IsAUsageError()
    {
        var (exitCode, _, stderr) = CliRun.Run("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", "fhir", "--patient", "123");

        exitCode.Should().Be(2);
        stderr.Should().Be("error: --patient must be Patient/ and a FHIR id of 1 to 64 letters, digits, '-' or '.', like Patient/123; was '123'\n");
    }

    // late-and-held.json: slot 1 given 08:05, slot 2 held (hypotension), slot 3 given 00:30.
    [Fact]
    public void ReplayFhir_WritesTheAdministrations()
    {
        var (exitCode, stdout, _) = CliRun.Run("replay", Sample("late-and-held.json"), "--format", "fhir", "--patient", "Patient/123");

        exitCode.Should().Be(0);
        var administrations = Resources(stdout, "MedicationAdministration");
        administrations.Select(a => (string?)a["status"]).Should().Equal("completed", "not-done", "completed");
        ((string?)administrations[0]["effectivePeriod"]!["start"]).Should().Be("2027-03-10T08:05:00-05:00");
        ((string?)administrations[1]["statusReason"]![0]!["text"]).Should().Be("hypotension");
        Resources(stdout, "CarePlan").Should().ContainSingle();
    }

    [Fact]
    public void ReplayWithFhirAdministrations_AppliesThemBeforeReplanning()
    {
        string exported = Path.Combine(folder, "administrations.json");
        CliRun.Run("replay", Sample("late-and-held.json"), "--format", "fhir", "--patient", "Patient/123", "--output", exported).ExitCode.Should().Be(0);
        string empty = Path.Combine(folder, "no-events.json");
        File.WriteAllText(empty, """{ "firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label", "doseTiming": "elapsed", "events": [] }""");

        var fromFhir = CliRun.Run("replay", empty, "--fhir-administrations", exported, "--patient", "Patient/123", "--format", "json");
        var fromRecord = CliRun.Run("replay", Sample("late-and-held.json"), "--format", "json");

        fromFhir.ExitCode.Should().Be(0);
        fromFhir.Stdout.Should().Be(fromRecord.Stdout);
    }

    [Fact]
    public void ReplayWithABadAdministrationsFile_IsOneErrorLineAndExit2()
    {
        string bad = Path.Combine(folder, "bad.json");
        File.WriteAllText(bad, """[{ "resourceType": "MedicationAdministration", "id": "x1", "status": "completed", "subject": { "reference": "Patient/123" }, "medicationCodeableConcept": { "text": "aldesleukin" }, "effectiveDateTime": "2027-03-10T08:00:00-05:00" }]""");

        var (exitCode, stdout, stderr) = CliRun.Run("replay", Sample("late-and-held.json"), "--fhir-administrations", bad, "--patient", "Patient/123");

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"error: --fhir-administrations file '{bad}': MedicationAdministration x1: extension: has no extension urn:il2schedule:fhir:course-event naming the cycle and slot\n");
    }

    [Fact]
    public void ReplayWithAMissingAdministrationsFile_IsAUsageError()
    {
        var (exitCode, _, stderr) = CliRun.Run("replay", Sample("late-and-held.json"), "--fhir-administrations", Path.Combine(folder, "absent.json"), "--patient", "Patient/123");

        exitCode.Should().Be(2);
        stderr.Should().StartWith("error: --fhir-administrations file '").And.EndWith("\n").And.Subject.Count(c => c == '\n').Should().Be(1);
    }
}
