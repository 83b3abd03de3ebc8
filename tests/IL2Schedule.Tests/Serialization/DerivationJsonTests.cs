using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Serialization;

/// <summary>
/// <see cref="DerivationJson"/> and the documents with explanations. The worked example
/// (2027-03-10 08:00 America/New_York: EST -05:00 until 2027-03-14 02:00, then EDT -04:00):
/// cycle 2 starts on day 15, 2027-03-24 08:00 -04:00.
/// </summary>
public class DerivationJsonTests
{
    private static readonly CourseSchedule WorkedExample =
        new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), DateTimeZoneProviders.Tzdb["America/New_York"]);

    // Every property of the plain document, byte for byte, then "explanations" last.
    [Fact]
    public void SerializeExplained_IsThePlainDocumentWithExplanationsLast()
    {
        string plain = CourseScheduleJson.Serialize(WorkedExample);
        string explained = CourseScheduleJson.SerializeExplained(WorkedExample);

        string closing = Environment.NewLine + "}";
        plain.Should().EndWith(closing);
        explained.Should().StartWith(plain[..^closing.Length] + "," + Environment.NewLine + "  \"explanations\": [");
        explained.Should().EndWith("]" + closing);
        JsonNode.Parse(explained)!["explanations"]!.AsArray().Should().HaveCount(WorkedExample.Explain().Count);
    }

    // The element written from docs/json.md's table and docs/explain.md's example.
    [Fact]
    public void SerializeExplained_WritesEachDerivationAsTheDocsDescribe()
    {
        var explanations = JsonNode.Parse(CourseScheduleJson.SerializeExplained(WorkedExample, indented: false))!["explanations"]!.AsArray();

        var cycleTwo = explanations.Single(node => (string)node!["subject"]! == "cycle 2 start")!;
        cycleTwo.ToJsonString().Should().Be(
            "{\"subject\":\"cycle 2 start\",\"value\":\"2027-03-24T08:00:00-04:00\",\"ruleSet\":\"planning\",\"rule\":2,\"ruleName\":\"Cycle start\",\"source\":\"Label, Table 1\","
            + "\"inputs\":[{\"name\":\"requested first dose\",\"value\":\"2027-03-10T08:00:00\"},{\"name\":\"days after it\",\"value\":\"14 days\"},"
            + "{\"name\":\"nominal start\",\"value\":\"2027-03-24T08:00:00\"},{\"name\":\"zone\",\"value\":\"America/New_York\"}],\"note\":null}");
    }

    [Fact]
    public void SerializeExplained_ReadsBackToAnEqualSchedule()
    {
        CourseScheduleJson.Deserialize(CourseScheduleJson.SerializeExplained(WorkedExample)).Should().Be(WorkedExample);
    }

    // A re-planned document's explanations name the re-planning table: slot 1 due at the first dose.
    [Fact]
    public void SerializeScheduleExplained_WritesTheReplanningRules()
    {
        var record = CourseRecord.Start(WorkedExample);

        string plain = CourseRecordJson.SerializeSchedule(record.Schedule);
        string explained = CourseRecordJson.SerializeScheduleExplained(record.Schedule);

        explained.Should().StartWith(plain[..^(Environment.NewLine + "}").Length] + ",");
        var slotOne = JsonNode.Parse(explained)!["explanations"]!.AsArray().Single(node => (string)node!["subject"]! == "cycle 1 slot 1 due")!;
        ((string)slotOne["value"]!, (string)slotOne["ruleSet"]!, (int)slotOne["rule"]!, (string)slotOne["ruleName"]!)
            .Should().Be(("2027-03-10T08:00:00-05:00", "replanning", 1, "Slots and due times"));
    }

    // A status document: its explanations are the status's schedule's.
    [Fact]
    public void SerializeStatusExplained_ExplainsTheStatusSchedule()
    {
        var status = CourseRecord.Start(WorkedExample).GetStatus(Instant.FromUtc(2027, 3, 11, 0, 0));

        var document = JsonNode.Parse(CourseRecordJson.SerializeStatusExplained(status))!;

        document["status"].Should().NotBeNull();
        document["explanations"]!.AsArray().Should().HaveCount(status.Schedule.Explain().Count);
    }

    [Fact]
    public void Write_AnEmptyList_WritesAnEmptyArray()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            DerivationJson.Write(writer, []);
        }

        Encoding.UTF8.GetString(buffer.ToArray()).Should().Be("[]");
    }

    [Fact]
    public void Write_Null_ThrowsArgumentNullException()
    {
        using var writer = new Utf8JsonWriter(new MemoryStream());

        var noWriter = () => DerivationJson.Write(null!, []);
        var noList = () => DerivationJson.Write(writer, null!);

        noWriter.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("writer");
        noList.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("derivations");
    }

    // Dose 1 of the worked example: rule 3 with its note. Written with relaxed escaping, so the
    // source's quotes are \" and its section sign and apostrophes are written as they are.
    [Fact]
    public void Write_ADerivationWithANote_WritesTheNote()
    {
        var doseOne = WorkedExample.Explain().Single(derivation => derivation.Subject == "dose 1 start");
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            DerivationJson.Write(writer, [doseOne]);
        }

        Encoding.UTF8.GetString(buffer.ToArray()).Should().Be(
            "[{\"subject\":\"dose 1 start\",\"value\":\"2027-03-10T08:00:00-05:00\",\"ruleSet\":\"planning\",\"rule\":3,\"ruleName\":\"Dose timing\","
            + "\"source\":\"Label §2.1 (\\\"every 8 hours\\\"); EHR practice differs (domain notes)\","
            + "\"inputs\":[{\"name\":\"cycle\",\"value\":\"1\"},{\"name\":\"cycle start\",\"value\":\"2027-03-10T08:00:00-05:00\"}],"
            + "\"note\":\"the cycle's first dose is given at its start\"}]");
    }

    [Fact]
    public void Write_AListHoldingANull_ThrowsArgumentNullException()
    {
        using var writer = new Utf8JsonWriter(new MemoryStream());

        var act = () => DerivationJson.Write(writer, [null!]);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("derivations");
    }
}
