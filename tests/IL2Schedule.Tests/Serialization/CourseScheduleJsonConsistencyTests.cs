using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Serialization;

/// <summary>
/// The planned form's check against the schedule re-planned from its inputs: which values may be
/// absent (added within schema version 1), which prose is never compared, and how a dose too many
/// or too few is reported; and the protocol settings' ranges and optional values, read through the
/// record form. The worked example: first dose 2027-03-10T08:00 America/New_York (EST -05:00), 72.5 kg.
/// </summary>
public class CourseScheduleJsonConsistencyTests
{
    private static CourseSchedule Weighted() =>
        new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York").WithBodyWeight(72.5m);

    private static JsonObject Written() => JsonNode.Parse(CourseScheduleJson.Serialize(Weighted()))!.AsObject();

    [Theory]
    [InlineData("imagingDateUnadjusted")]
    [InlineData("nextCourseWindowUnadjusted")]
    public void Deserialize_ADocumentWithoutALaterTopLevelValue_ReadsAsTheSchedule(string name)
    {
        var document = Written();
        document.Remove(name).Should().BeTrue();

        CourseScheduleJson.Deserialize(document.ToJsonString()).Should().Be(Weighted());
    }

    [Theory]
    [InlineData("doseIu")]
    [InlineData("doseMg")]
    [InlineData("vials")]
    [InlineData("diluentMl")]
    [InlineData("concentrationMgPerMl")]
    public void Deserialize_DosesWithoutALaterAmountValue_ReadAsTheSchedule(string name)
    {
        var document = Written();
        foreach (var dose in document["doses"]!.AsArray())
        {
            dose!.AsObject().Remove(name).Should().BeTrue();
        }

        CourseScheduleJson.Deserialize(document.ToJsonString()).Should().Be(Weighted());
    }

    [Fact]
    public void Deserialize_ARewordedDilutionWarning_IsNotCompared()
    {
        var document = Written();
        document["doses"]![3]!["dilutionWarning"] = "worded by an older version";

        CourseScheduleJson.Deserialize(document.ToJsonString()).Should().Be(Weighted());
    }

    [Fact]
    public void Deserialize_ADoseTooFew_IsReportedAtTheDoses()
    {
        var document = Written();
        document["doses"]!.AsArray().RemoveAt(27);

        var act = () => CourseScheduleJson.Deserialize(document.ToJsonString());

        act.Should().Throw<JsonException>().Which.Message.Should().StartWith("The document's doses does not match the schedule re-planned from its inputs with tzdb ");
    }

    [Fact]
    public void Deserialize_ADoseTooMany_IsReportedAtTheDoses()
    {
        var document = Written();
        var doses = document["doses"]!.AsArray();
        doses.Add(doses[27]!.DeepClone());

        var act = () => CourseScheduleJson.Deserialize(document.ToJsonString());

        act.Should().Throw<JsonException>().Which.Message.Should().StartWith("The document's doses does not match the schedule re-planned from its inputs with tzdb ");
    }

    // Without a body weight the re-plan has no dose amounts; a dose that states one is compared
    // against none (72.5 kg x 600,000 IU/kg = 43,500,000 IU, as a weighted document would say).
    [Fact]
    public void Deserialize_ADoseAmountWithoutABodyWeight_IsReportedAtTheDose()
    {
        var schedule = new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York");
        var document = JsonNode.Parse(CourseScheduleJson.Serialize(schedule))!.AsObject();
        document["doses"]![0]!["doseIu"] = 43500000;
        string tzdb = TimeZoneDatabase.Embedded.TzdbVersion;

        var act = () => CourseScheduleJson.Deserialize(document.ToJsonString());

        act.Should().Throw<JsonException>().Which.Message.Should().Be(
            $"The document's doses[0].doseIu does not match the schedule re-planned from its inputs with tzdb {tzdb} (document written with tzdb {tzdb}): document 43500000, re-planned null.");
    }

    [Fact]
    public void Deserialize_ANullWhereTheReplannedValueIsADate_ShowsNull()
    {
        var document = Written();
        document["imagingDateUnadjusted"] = null;
        string tzdb = TimeZoneDatabase.Embedded.TzdbVersion;

        var act = () => CourseScheduleJson.Deserialize(document.ToJsonString());

        // Cycle 2 starts 2027-03-24 08:00 (5 days of cycle 1, 9 of rest); its 14th dose is 13 x 8 h later, 2027-03-28 16:00;
        // imaging is four weeks after the course ends: 2027-04-25.
        act.Should().Throw<JsonException>().Which.Message.Should().Be(
            $"The document's imagingDateUnadjusted does not match the schedule re-planned from its inputs with tzdb {tzdb} (document written with tzdb {tzdb}): document null, re-planned \"2027-04-25\".");
    }

    [Fact]
    public void Deserialize_NullOrNoDoses_IsRejectedWithTheRule()
    {
        var nullDocument = () => CourseScheduleJson.Deserialize("null");
        var document = Written();
        document["doses"] = new JsonArray();
        var noDoses = () => CourseScheduleJson.Deserialize(document.ToJsonString());
        var nullDatabase = () => CourseScheduleJson.Deserialize("{}", null!);

        nullDocument.Should().Throw<JsonException>().Which.Message.Should().Be("A course schedule document must be a JSON object; was null.");
        noDoses.Should().Throw<JsonException>().Which.Message.Should().Be("doses must start with the first dose; was empty or null.");
        nullDatabase.Should().Throw<ArgumentNullException>().WithParameterName("database");
    }

    [Fact]
    public void Deserialize_AProtocolMissingSettings_NamesTheProtocolNotAnInternalType()
    {
        var document = Written();
        document["protocol"] = new JsonObject { ["cycleCount"] = 2 };

        var act = () => CourseScheduleJson.Deserialize(document.ToJsonString());

        var message = act.Should().Throw<JsonException>().Which.Message;
        message.Should().StartWith("JSON deserialization for the protocol was missing required properties").And.NotContain("IL2Schedule.Serialization");
    }

    private static string RecordWithProtocol(string settings) =>
        """{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "events": [], "protocol": {"doseInternationalUnitsPerKilogram": 600000, "cycleCount": 2, "cycleLengthDays": 5, "restPeriodDays": 9, "maxDosesPerCycle": 14, "responseAssessmentDelay": "P4W", "retreatmentWindowStart": "P6W", "retreatmentWindowEnd": "P12W", "minimumIntervalAfterDischarge": "P7W", """
        + settings + "}}";

    [Theory]
    [InlineData("\"dosingIntervalMinutes\": 0, \"infusionDurationMinutes\": 15", "protocol.dosingIntervalMinutes must be in range [1, 1440]; was 0.")]
    [InlineData("\"dosingIntervalMinutes\": -480, \"infusionDurationMinutes\": 15", "protocol.dosingIntervalMinutes must be in range [1, 1440]; was -480.")]
    [InlineData("\"dosingIntervalMinutes\": 480, \"infusionDurationMinutes\": 0", "protocol.infusionDurationMinutes must be in range [1, 1440]; was 0.")]
    [InlineData("\"dosingIntervalMinutes\": 480, \"infusionDurationMinutes\": 1441", "protocol.infusionDurationMinutes must be in range [1, 1440]; was 1441.")]
    // One dose a day: a 5-day window holds five slots, not the 14 the settings ask for (rule 4); the builder's rejection is passed on.
    [InlineData("\"dosingIntervalMinutes\": 1440, \"infusionDurationMinutes\": 15", "Invalid course protocol: MaxDosesPerCycle must be in range [1, 5] (the slots 24:00:00 apart in a 5-day window); was 14; see rule 4 (Dose cap and cycle window).")]
    [InlineData("\"dosingIntervalMinutes\": 480, \"infusionDurationMinutes\": 15, \"stoppedInfusionCounting\": \"countsAsStopped\"", "protocol.stoppedInfusionCounting must be 'countsAsGiven' or 'countsAsHeld'; was 'countsAsStopped'.")]
    [InlineData("\"dosingIntervalMinutes\": 480, \"infusionDurationMinutes\": 15, \"standardAdministrationTimes\": [\"8 am\"]", "protocol.standardAdministrationTimes must hold clock times like 08:00; was '8 am'.")]
    public void Deserialize_AProtocolSettingOutOfRange_IsRejectedWithItsPath(string settings, string message)
    {
        var act = () => CourseRecordJson.Deserialize(RecordWithProtocol(settings));

        act.Should().Throw<JsonException>().Which.Message.Should().Be(message);
    }

    [Fact]
    public void Deserialize_TheLabelsSettingsSpelledOut_WithTheOptionalValuesNamed_IsTheLabel()
    {
        string settings = "\"doseMilligramsPerKilogram\": 0.037, \"dosingIntervalMinutes\": 480, \"infusionDurationMinutes\": 15, \"stoppedInfusionCounting\": \"countsAsGiven\", "
            + "\"cycleWindowCounting\": \"elapsed\", \"standardAdministrationTimes\": [\"00:00:00\", \"08:00\", \"16:00:00\"]";

        var read = CourseRecordJson.Deserialize(RecordWithProtocol(settings));

        read.Plan.Protocol.StoppedInfusionCounting.Should().Be(StoppedInfusionCounting.CountsAsGiven);
        read.Plan.Protocol.StandardAdministrationTimes.Should().Equal(new LocalTime(0, 0), new LocalTime(8, 0), new LocalTime(16, 0));
        read.Plan.Protocol.Should().Be(CourseProtocol.Label);
    }

    [Fact]
    public void Deserialize_TheWidestIntervalAndInfusion_AreInRange()
    {
        string settings = "\"dosingIntervalMinutes\": 1440, \"infusionDurationMinutes\": 1";

        // One dose a day fits a 5-day cycle at most five times (rule 4).
        var read = CourseRecordJson.Deserialize(RecordWithProtocol(settings).Replace("\"maxDosesPerCycle\": 14", "\"maxDosesPerCycle\": 5", StringComparison.Ordinal));

        read.Plan.Protocol.DosingInterval.Should().Be(Duration.FromMinutes(1440));
        read.Plan.Protocol.InfusionDuration.Should().Be(Duration.FromMinutes(1));
    }
}
