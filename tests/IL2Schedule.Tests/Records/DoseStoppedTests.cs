using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

// The DoseStopped event, its record JSON, the re-planned JSON and the replay table. The course is
// the worked example (New York, EST -05:00 until 2027-03-14): slots 1 and 2 given on time at 08:00
// and 16:00, slot 3 started on time at 2027-03-11 00:00 -05:00 and stopped at 00:06 -05:00.
public class DoseStoppedTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static Instant At(string rfc3339) => OffsetDateTimeOf(rfc3339).ToInstant();

    private static CourseRecord Recorded(StoppedInfusionCounting counting = StoppedInfusionCounting.CountsAsGiven)
    {
        var protocol = new CourseProtocolBuilder(CourseProtocol.Label) { StoppedInfusionCounting = counting }.Build();
        return CourseRecord.Start(new CoursePlanner(protocol).Plan(Local("2027-03-10T08:00"), NewYork)).ApplyAll(
        [
            new DoseGiven("g1", 1, 1, At("2027-03-10T08:00:00-05:00"), null),
            new DoseGiven("g2", 1, 2, At("2027-03-10T16:00:00-05:00"), null),
            new DoseStopped("s3", 1, 3, At("2027-03-11T00:00:00-05:00"), At("2027-03-11T00:06:00-05:00"), "hypotension")
                .WithAudit(At("2027-03-11T00:20:00-05:00"), "RN Lee"),
        ]);
    }

    [Fact]
    public void Overloads_GiveEqualEvents()
    {
        var fromInstants = new DoseStopped("s3", 1, 3, Instant.FromUtc(2027, 3, 11, 5, 0), Instant.FromUtc(2027, 3, 11, 5, 6), "hypotension");

        new DoseStopped("s3", 1, 3, new DateTimeOffset(2027, 3, 11, 5, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 11, 0, 6, 0, TimeSpan.FromHours(-5)), "hypotension")
            .Should().Be(fromInstants);
        new DoseStopped("s3", 1, 3, At("2027-03-11T00:00:00-05:00").InZone(NewYork), At("2027-03-11T00:06:00-05:00").InZone(NewYork), "hypotension")
            .Should().Be(fromInstants);
        fromInstants.Kind.Should().Be("doseStopped");
        fromInstants.Should().NotBe(new DoseStopped("s3", 1, 3, fromInstants.Start, fromInstants.End, "rigors"));
        fromInstants.ToString().Should().Be("doseStopped s3 (cycle 1, slot 3, start 2027-03-11T05:00:00Z, end 2027-03-11T05:06:00Z, reason 'hypotension')");
    }

    [Theory]
    [InlineData("", "reason must not be empty or white space; was ''*")]
    [InlineData("  ", "reason must not be empty or white space; was '  '*")]
    public void EmptyReason_IsRejected(string reason, string message)
    {
        var act = () => new DoseStopped("s3", 1, 3, Instant.FromUtc(2027, 3, 11, 5, 0), Instant.FromUtc(2027, 3, 11, 5, 6), reason);

        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    // An infusion stopped at the instant it started gave nothing: the end must be after the start.
    // Start 2027-03-11 00:00 -05:00 = 05:00Z.
    [Theory]
    [InlineData("2027-03-11T00:00:00-05:00", "2027-03-11T05:00:00Z")]
    [InlineData("2027-03-10T23:59:00-05:00", "2027-03-11T04:59:00Z")]
    public void EndNotAfterStart_IsRejected(string end, string endUtc)
    {
        var act = () => new DoseStopped("s3", 1, 3, At("2027-03-11T00:00:00-05:00"), At(end), "hypotension");

        act.Should().Throw<ArgumentException>().WithMessage($"end must be after start 2027-03-11T05:00:00Z; was {endUtc} (Parameter 'end')");
    }

    [Fact]
    public void RecordJson_RoundTripsTheEventAndTheCountingOption()
    {
        var record = Recorded(StoppedInfusionCounting.CountsAsHeld);

        string json = CourseRecordJson.Serialize(record);

        var stopped = JsonNode.Parse(json)!["events"]![2]!;
        stopped.ToJsonString().Should().Be(
            """{"id":"s3","type":"doseStopped","cycle":1,"slot":3,"start":"2027-03-11T00:00:00-05:00","end":"2027-03-11T00:06:00-05:00","reason":"hypotension","recordedAt":"2027-03-11T00:20:00-05:00","recordedBy":"RN Lee"}""");
        ((string?)JsonNode.Parse(json)!["protocol"]!["stoppedInfusionCounting"]).Should().Be("countsAsHeld");
        var read = CourseRecordJson.Deserialize(json);
        read.Should().Be(record);
        read.Plan.Protocol.StoppedInfusionCounting.Should().Be(StoppedInfusionCounting.CountsAsHeld);
    }

    [Fact]
    public void RecordJson_DefaultCounting_KeepsTheLabelShorthand()
    {
        string json = CourseRecordJson.Serialize(Recorded());

        ((string?)JsonNode.Parse(json)!["protocol"]).Should().Be("label");
        CourseRecordJson.Deserialize(json).Should().Be(Recorded());
    }

    [Theory]
    [InlineData("""{"type": "doseStopped", "cycle": 1, "slot": 3, "start": "2027-03-11T00:00:00-05:00", "reason": "hypotension"}""", "events[0].end is required.")]
    [InlineData("""{"type": "doseStopped", "cycle": 1, "slot": 3, "start": "2027-03-11T00:00:00-05:00", "end": "2027-03-11T00:06:00-05:00"}""", "events[0].reason is required.")]
    public void RecordJson_ADoseStoppedWithoutEndOrReason_IsRejected(string eventJson, string message)
    {
        string json = $$"""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label", "events": [{{eventJson}}]}""";

        var act = () => CourseRecordJson.Deserialize(json);

        act.Should().Throw<JsonException>().WithMessage(message);
    }

    [Fact]
    public void RecordJson_AnUndefinedCountingName_IsRejected()
    {
        var node = JsonNode.Parse(CourseRecordJson.Serialize(Recorded(StoppedInfusionCounting.CountsAsHeld)))!;
        node["protocol"]!["stoppedInfusionCounting"] = "partly";

        var act = () => CourseRecordJson.Deserialize(node.ToJsonString());

        act.Should().Throw<JsonException>().WithMessage("protocol.stoppedInfusionCounting must be 'countsAsGiven' or 'countsAsHeld'; was 'partly'.");
    }

    [Fact]
    public void ReplannedJson_WritesTheStoppedStatusEndAndReason()
    {
        var document = JsonNode.Parse(CourseRecordJson.SerializeSchedule(Recorded().Schedule))!;

        var dose = document["doses"]![2]!;
        ((string?)dose["status"]).Should().Be("stopped");
        ((string?)dose["start"]).Should().Be("2027-03-11T00:00:00-05:00");
        ((string?)dose["end"]).Should().Be("2027-03-11T00:06:00-05:00");
        ((string?)dose["stoppedEnd"]).Should().Be("2027-03-11T00:06:00-05:00");
        ((string?)dose["stopReason"]).Should().Be("hypotension");
        dose["givenStart"].Should().BeNull();
        document["doses"]![0]!.AsObject().ContainsKey("stoppedEnd").Should().BeFalse();
        ((int)document["cycles"]![0]!["dosesStopped"]!).Should().Be(1);
        ((int)document["cycles"]![0]!["dosesGiven"]!).Should().Be(2);
    }

    [Fact]
    public void Replay_Table_ShowsTheStoppedSlotAndTheCountingOption()
    {
        string path = Path.Combine(Path.GetTempPath(), "il2-stopped-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, CourseRecordJson.Serialize(Recorded()));
        try
        {
            var (exitCode, stdout, stderr) = IL2Schedule.Tests.Cli.CliRun.Run("replay", path);

            exitCode.Should().Be(0, stderr);
            stdout.Should().Contain("; held doses: use reserve slots; stopped infusions count as given; 3 events\n");
            stdout.Should().Contain("(exclusive); 2 given, 0 held, 1 stopped; running\n");
            stdout.Should().Contain("     3  stopped    Thu 2027-03-11 00:00 -05:00  Thu 2027-03-11 00:00 -05:00 to 00:06 -05:00  stopped early: hypotension\n");
            stdout.Should().Contain("Course:             in progress; 2 doses given, 0 held, 1 stopped\n");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Replay_AStopAtThePlannedEnd_PrintsOneErrorLineAndExits2()
    {
        var node = JsonNode.Parse(CourseRecordJson.Serialize(Recorded()))!;
        node["events"]![2]!["end"] = "2027-03-11T00:15:00-05:00";
        string path = Path.Combine(Path.GetTempPath(), "il2-stopped-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, node.ToJsonString());
        try
        {
            var (exitCode, stdout, stderr) = IL2Schedule.Tests.Cli.CliRun.Run("replay", path);

            exitCode.Should().Be(2);
            stdout.Should().BeEmpty();
            stderr.Should().Be($"error: {path}: events[2]: doseStopped s3 (cycle 1, slot 3, start 2027-03-11T00:00:00-05:00, end 2027-03-11T00:15:00-05:00, reason 'hypotension') is rejected by rule StopNotBeforeInfusionEnd: it ends at 2027-03-11T00:15:00-05:00, at or after its planned end at 2027-03-11T00:15:00-05:00 (the start plus the 15-minute infusion); record a full infusion as doseGiven; see re-planning rule 5 (Rejections).\n");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
