using System.Text.Json;
using FluentAssertions;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Records;

/// <summary>Cases a review found: round trips, duplicate JSON keys and Forfeit with skipped slots.</summary>
public partial class CourseRecordTests
{
    // A correction whose replacement carries the corrected id (allowed) reads back equal, so a
    // re-sent correction is still a no-op.
    [Fact]
    public void Json_CorrectionWithAnIdOnItsReplacement_RoundTrips()
    {
        var record = WorkedExample()
            .Apply(Given("e1", 1, 1, "2027-03-10T08:05:00-05:00"))
            .Apply(new Corrected("c1", "e1", Given("e1", 1, 1, "2027-03-10T08:00:00-05:00")));

        var readBack = CourseRecordJson.Deserialize(CourseRecordJson.Serialize(record));

        readBack.Should().Be(record);
        readBack.Apply(new Corrected("c1", "e1", Given("e1", 1, 1, "2027-03-10T08:00:00-05:00"))).Should().BeSameAs(readBack);
    }

    [Fact]
    public void Json_DuplicateProperty_IsAJsonException()
    {
        var act = () => CourseRecordJson.Deserialize("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "zone": "Europe/London", "protocol": "label", "events": []}""");

        act.Should().ThrowExactly<JsonException>().Which.Message.Should().StartWith("The record is not valid JSON: ");
    }

    // Forfeit: slot 2 left unrecorded while slot 3 is given is skipped and, like a held dose,
    // counts against the cap: slots 1 and 3-14 given make 13 plus 1 skipped = 14, so reserve slot
    // 15 (due 2027-03-15 01:00 EDT) is not listed, and a dose given in it is beyond the cap.
    [Fact]
    public void Forfeit_SkippedSlotCountsAgainstTheCap()
    {
        var record = CourseRecord.Start(WorkedExamplePlan(), 1, HeldDosePolicy.Forfeit)
            .Apply(Given("s1", 1, 1, CycleOneDue[0]))
            .ApplyAll(Enumerable.Range(3, 12).Select(slot => Given($"s{slot}", 1, slot, CycleOneDue[slot - 1])));

        record.Schedule.Cycles[0].Slots.Select(slot => slot.Slot).Should().Equal(Enumerable.Range(1, 14));
        record.Schedule.Cycles[0].Slots[1].Status.Should().Be(DoseSlotStatus.Skipped);
        record.Schedule.Cycles[0].EndReason.Should().Be(CycleEndReason.DoseCap);
        ShouldReject(record, Given("s15", 1, 15, CycleOneDue[14]), CourseEventRule.BeyondCap, "would be dose 15, beyond the cap of 14 doses given or held");
    }
}
