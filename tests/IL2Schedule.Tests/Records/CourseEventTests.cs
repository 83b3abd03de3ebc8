using System.IO;
using FluentAssertions;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Records;

/// <summary>
/// The audit trail of recorded events: <see cref="CourseEvent.RecordedAt"/> and
/// <see cref="CourseEvent.RecordedBy"/>, their round trip through the record JSON, and the
/// superseded events a re-planned course lists. America/New_York, EST (-05:00) in these examples.
/// </summary>
public class CourseEventTests
{
    private static readonly Instant HeldRecorded = Instant.FromUtc(2027, 3, 10, 13, 5);      // 08:05 -05:00
    private static readonly Instant GivenStart = Instant.FromUtc(2027, 3, 10, 13, 20);       // 08:20 -05:00
    private static readonly Instant CorrectionRecorded = Instant.FromUtc(2027, 3, 10, 16, 40); // 11:40 -05:00

    /// <summary>Slot 1 (due 08:00 -05:00) recorded held at 08:05, then corrected to given at 08:20, recorded 11:40.</summary>
    private static CourseRecord HeldThenCorrected()
    {
        var plan = new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York");
        return CourseRecord.Start(plan)
            .Apply(new DoseHeld("e1", 1, 1, "hypotension").WithAudit(HeldRecorded, "RN Lee"))
            .Apply(new Corrected("c1", "e1", new DoseGiven(null, 1, 1, GivenStart, null)).WithAudit(CorrectionRecorded, "Dr Shah"));
    }

    [Fact]
    public void WithAudit_ReturnsACopyWithTheValues_AndLeavesTheEventAsItWas()
    {
        var held = new DoseHeld("e1", 1, 2, "hypotension");

        var audited = held.WithAudit(HeldRecorded, "RN Lee");

        audited.Should().BeOfType<DoseHeld>().Which.Reason.Should().Be("hypotension");
        audited.RecordedAt.Should().Be(HeldRecorded);
        audited.RecordedBy.Should().Be("RN Lee");
        held.RecordedAt.Should().BeNull();
        held.RecordedBy.Should().BeNull();
        audited.Should().NotBe(held);
        audited.Should().Be(held.WithAudit(HeldRecorded, "RN Lee"));
    }

    [Theory]
    [InlineData("", "recordedBy must be null or a non-empty text without leading or trailing white space or control characters; was ''")]
    [InlineData(" RN Lee", "recordedBy must be null or a non-empty text without leading or trailing white space or control characters; was ' RN Lee'")]
    [InlineData("RN\u001b]0;x\u0007Lee", @"recordedBy must be null or a non-empty text without leading or trailing white space or control characters; was 'RN\u001b]0;x\u0007Lee'")]
    public void WithAudit_AnEmptyPaddedOrControlCharacterRecorder_IsRejected(string recordedBy, string message)
    {
        var act = () => new DoseHeld("e1", 1, 2, "hypotension").WithAudit(null, recordedBy);

        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith(message);
    }

    [Fact]
    public void WithAudit_ARecorderOver200Characters_IsRejected()
    {
        var act = () => new DoseHeld("e1", 1, 2, "hypotension").WithAudit(null, new string('x', 201));

        act.Should().Throw<ArgumentOutOfRangeException>().Which.Message.Should().StartWith("recordedBy must be at most 200 characters; was 201");
        new DoseHeld("e1", 1, 2, "hypotension").WithAudit(null, new string('x', 200)).RecordedBy.Should().HaveLength(200);
    }

    [Fact]
    public void RecordJson_RoundTripsTheAuditTrail_OfEventsAndReplacements()
    {
        var record = HeldThenCorrected();

        string json = CourseRecordJson.Serialize(record);
        var read = CourseRecordJson.Deserialize(json);

        json.Should().Contain("\"recordedAt\": \"2027-03-10T08:05:00-05:00\"").And.Contain("\"recordedBy\": \"RN Lee\"");
        json.Should().Contain("\"recordedAt\": \"2027-03-10T11:40:00-05:00\"").And.Contain("\"recordedBy\": \"Dr Shah\"");
        read.Events.Should().Equal(record.Events);
        read.Events[1].RecordedAt.Should().Be(CorrectionRecorded);
        read.Events[1].RecordedBy.Should().Be("Dr Shah");
    }

    [Fact]
    public void Superseded_ReadsBackHeldRecordedThenCorrectedToGiven()
    {
        var superseded = HeldThenCorrected().Schedule.Superseded;

        superseded.Should().ContainSingle();
        superseded[0].Event.Should().BeOfType<DoseHeld>();
        superseded[0].Correction.Id.Should().Be("c1");
        superseded[0].Description.Should().Be(
            "doseHeld e1 (cycle 1, slot 1, reason 'hypotension'), recorded 2027-03-10T08:05:00-05:00 by RN Lee, corrected by c1 to doseGiven e1 (cycle 1, slot 1, start 2027-03-10T08:20:00-05:00), recorded 2027-03-10T11:40:00-05:00 by Dr Shah");
    }

    [Fact]
    public void Replay_Table_ListsTheSupersededEvent()
    {
        string path = Path.Combine(Path.GetTempPath(), "il2-audit-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, CourseRecordJson.Serialize(HeldThenCorrected()));
        try
        {
            var (exitCode, stdout, stderr) = IL2Schedule.Tests.Cli.CliRun.Run("replay", path);

            exitCode.Should().Be(0, stderr);
            stdout.Should().Contain("Superseded:         doseHeld e1 (cycle 1, slot 1, reason 'hypotension'), recorded 2027-03-10T08:05:00-05:00 by RN Lee, corrected by c1 to doseGiven e1 (cycle 1, slot 1, start 2027-03-10T08:20:00-05:00), recorded 2027-03-10T11:40:00-05:00 by Dr Shah\n");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
