using FluentAssertions;
using IL2Schedule.Records;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

// Case 7 and 8: messages from hospital systems arrive twice (same id, same content: a no-op);
// an id reused with other content is rejected; Corrected replaces an event by id and keeps both
// in the history.
public partial class CourseRecordTests
{
    [Fact]
    public void Apply_SameIdAndContentTwice_ReturnsTheSameRecordInstance()
    {
        var once = WorkedExample().Apply(Given("mar-1001", 1, 1, "2027-03-10T08:05:00-05:00"));

        var twice = once.Apply(Given("mar-1001", 1, 1, "2027-03-10T08:05:00-05:00"));

        twice.Should().BeSameAs(once);
        twice.Events.Should().ContainSingle();
    }

    [Fact]
    public void ApplyAll_ADuplicatedMessage_AppliesItOnce()
    {
        var record = WorkedExample().ApplyAll(
        [
            Given("mar-1001", 1, 1, "2027-03-10T08:00:00-05:00"),
            Held("mar-1002", 1, 2),
            Given("mar-1001", 1, 1, "2027-03-10T08:00:00-05:00"),
        ]);

        record.Events.Select(e => e.Id).Should().Equal("mar-1001", "mar-1002");
    }

    [Fact]
    public void Apply_SameIdWithOtherContent_IsRejectedAsIdAlreadyUsed()
    {
        var record = WorkedExample().Apply(Given("mar-1001", 1, 1, "2027-03-10T08:05:00-05:00"));

        ShouldReject(record, Given("mar-1001", 1, 1, "2027-03-10T08:10:00-05:00"), CourseEventRule.IdAlreadyUsed,
            "doseGiven mar-1001 (cycle 1, slot 1, start 2027-03-10T08:10:00-05:00) is rejected: "
            + "id mar-1001 was already used by doseGiven mar-1001 (cycle 1, slot 1, start 2027-03-10T08:05:00-05:00); apply a Corrected event to change it.");
    }

    // An id belongs to one event whatever its kind.
    [Fact]
    public void Apply_SameIdOnAnotherKindOfEvent_IsRejectedAsIdAlreadyUsed()
    {
        var record = WorkedExample().Apply(Given("mar-1001", 1, 1, "2027-03-10T08:00:00-05:00"));

        ShouldReject(record, Held("mar-1001", 1, 2), CourseEventRule.IdAlreadyUsed,
            "doseHeld mar-1001 (cycle 1, slot 2, reason 'hypotension') is rejected: id mar-1001 was already used by doseGiven mar-1001");
    }

    // Case 8. Slot 1 recorded at 08:05 EST, corrected to 08:00: the history keeps both, the
    // effective events hold the replacement, and slot 2 is due 8 h after 08:00 = 16:00 EST again.
    [Fact]
    public void Apply_Corrected_ReplacesTheEventByIdAndKeepsBothInTheHistory()
    {
        var original = Given("e1", 1, 1, "2027-03-10T08:05:00-05:00");
        var replacement = Given("e1", 1, 1, "2027-03-10T08:00:00-05:00");
        var correction = new Corrected("c1", "e1", replacement);
        var recorded = WorkedExample().Apply(original);

        var corrected = recorded.Apply(correction);

        corrected.Events.Should().Equal(original, correction);
        corrected.EffectiveEvents.Should().Equal(replacement);
        var slots = corrected.Schedule.Cycles[0].Slots;
        Rfc3339(slots[0].GivenStart!.Value).Should().Be("2027-03-10T08:00:00-05:00");
        slots[0].EventId.Should().Be("e1");
        Rfc3339(slots[1].Due).Should().Be("2027-03-10T16:00:00-05:00");
        // The record it was applied to still has the 08:05 dose and slot 2 at 16:05.
        Rfc3339(recorded.Schedule.Cycles[0].Slots[1].Due).Should().Be("2027-03-10T16:05:00-05:00");
        recorded.Events.Should().Equal(original);
    }

    // A replacement without an id is known by the corrected event's id; a second correction can
    // name that id again and changes the kind of event (given -> held).
    [Fact]
    public void Apply_SecondCorrectionOfTheSameId_ReplacesTheFirstReplacement()
    {
        var record = WorkedExample()
            .Apply(Given("e1", 1, 1, "2027-03-10T08:00:00-05:00"))
            .Apply(Given("e2", 1, 2, "2027-03-10T16:30:00-05:00"))
            .Apply(new Corrected("c1", "e2", Given(null, 1, 2, "2027-03-10T16:10:00-05:00")))
            .Apply(new Corrected("c2", "e2", Held(null, 1, 2, "fever")));

        record.Events.Should().HaveCount(4);
        record.EffectiveEvents.Should().HaveCount(2);
        record.EffectiveEvents[1].Should().BeOfType<DoseHeld>();
        var slot2 = record.Schedule.Cycles[0].Slots[1];
        slot2.Status.Should().Be(DoseSlotStatus.Held);
        slot2.EventId.Should().Be("e2");
        slot2.HeldReason.Should().Be("fever");
        Rfc3339(slot2.Due).Should().Be("2027-03-10T16:00:00-05:00"); // held: keeps its due time
        Rfc3339(record.Schedule.Cycles[0].Slots[2].Due).Should().Be("2027-03-11T00:00:00-05:00");
    }

    [Fact]
    public void Apply_CorrectionOfAnUnknownId_IsRejected()
    {
        var record = WorkedExample().Apply(Given("e1", 1, 1, "2027-03-10T08:00:00-05:00"));

        ShouldReject(record, new Corrected("c1", "e9", Held(null, 1, 2)), CourseEventRule.UnknownCorrectedEvent,
            "corrected c1 (replaces e9 with doseHeld (no id) (cycle 1, slot 2, reason 'hypotension')) is rejected: no earlier event (other than a correction) has id e9.");
    }

    // A correction's own id cannot be corrected: only the original id names the event.
    [Fact]
    public void Apply_CorrectionOfACorrectionId_IsRejectedAsUnknown()
    {
        var record = WorkedExample()
            .Apply(Given("e1", 1, 1, "2027-03-10T08:05:00-05:00"))
            .Apply(new Corrected("c1", "e1", Given(null, 1, 1, "2027-03-10T08:00:00-05:00")));

        ShouldReject(record, new Corrected("c2", "c1", Given(null, 1, 1, "2027-03-10T08:01:00-05:00")), CourseEventRule.UnknownCorrectedEvent,
            "no earlier event (other than a correction) has id c1");
    }

    // The replacement is checked by every rule, as if it had been recorded in the original's place.
    [Fact]
    public void Apply_CorrectionBreakingARule_IsRejectedWithThatRule()
    {
        var record = WorkedExample()
            .Apply(Given("e1", 1, 1, "2027-03-10T08:00:00-05:00"))
            .Apply(Given("e2", 1, 2, "2027-03-10T16:00:00-05:00"));

        // Slot 2 at 11:59 EST is 4 h 1 min before its due time, 16:00 EST.
        ShouldReject(record, new Corrected("c1", "e2", Given(null, 1, 2, "2027-03-10T11:59:00-05:00")), CourseEventRule.TooEarly,
            "corrected c1 (replaces e2 with doseGiven (no id) (cycle 1, slot 2, start 2027-03-10T11:59:00-05:00)) is rejected: ",
            "it starts at 2027-03-10T11:59:00-05:00, more than half a dosing interval before slot 2 of cycle 1 is due at 2027-03-10T16:00:00-05:00");
    }

    [Fact]
    public void Equals_RecordsWithTheSameEvents_AreEqual()
    {
        var first = WorkedExample().Apply(Given("e1", 1, 1, "2027-03-10T08:00:00-05:00"));
        var second = WorkedExample().Apply(Given("e1", 1, 1, "2027-03-10T08:00:00-05:00"));
        var other = WorkedExample().Apply(Given("e1", 1, 1, "2027-03-10T08:01:00-05:00"));

        first.Equals(second).Should().BeTrue();
        first.Equals((object)second).Should().BeTrue();
        first.GetHashCode().Should().Be(second.GetHashCode());
        first.Equals(other).Should().BeFalse();
        first.Equals(WorkedExample(HeldDosePolicy.Forfeit).Apply(Given("e1", 1, 1, "2027-03-10T08:00:00-05:00"))).Should().BeFalse();
        first.Equals(null).Should().BeFalse();
    }
}
