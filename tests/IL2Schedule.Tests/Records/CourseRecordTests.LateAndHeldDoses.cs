using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

// Re-planning rules 1 and 2 on the worked example: late doses move the rest of their cycle
// (elapsed timing), held doses keep their due time, reserve slots replace them or not
// (HeldDosePolicy), and slots pushed to or past the window's close are cancelled.
public partial class CourseRecordTests
{
    [Fact]
    public void Start_NoEvents_ListsTheFirstFourteenSlotsOfEachCycleAsPlanned()
    {
        var record = WorkedExample();

        var schedule = record.Schedule;

        SlotLines(schedule.Cycles[0]).Should().Equal(Lines(CycleOneDue, 1, 14, "planned"));
        SlotLines(schedule.Cycles[1]).Should().Equal(Lines(CycleTwoDue, 1, 14, "planned"));
        schedule.Slots.Select(slot => slot.Number).Should().Equal(Enumerable.Range(1, 28));
        schedule.Cycles.Select(cycle => Rfc3339(cycle.WindowEnd)).Should().Equal(
            "2027-03-15T09:00:00-04:00", // 08:00 EST + 120 h = 13:00Z on 03-15 = 09:00 EDT
            "2027-03-29T08:00:00-04:00");
        schedule.Cycles.Should().OnlyContain(cycle => cycle.EndReason == CycleEndReason.None && !cycle.IsRescheduled);
        schedule.IsComplete.Should().BeFalse();
        Rfc3339(schedule.CourseEnd!.Value).Should().Be("2027-03-28T16:15:00-04:00"); // projected: cycle 2 slot 14 + 15 min
        Iso(schedule.ResponseAssessmentDate!.Value).Should().Be("2027-04-25");
        Iso(schedule.NextCourseWindow!.Dates!).Should().Be("2027-05-09..2027-06-20");
        schedule.KnownTime.Should().Be(Instant.MinValue);
        record.CourseNumber.Should().Be(1);
        record.HeldDosePolicy.Should().Be(HeldDosePolicy.UseReserveSlots);
        record.RetreatmentOverrideReason.Should().BeNull();
        record.Events.Should().BeEmpty();
    }

    // Case 1. Elapsed timing: slot 1 given 5 minutes late at 08:05 EST, so every later slot of
    // cycle 1 is due at :05. Across the change, 8 h after 2027-03-14 00:05 EST is 09:05 EDT.
    [Fact]
    public void Apply_LateFirstDose_ShiftsTheRestOfItsCycle()
    {
        var record = WorkedExample().Apply(Given("e1", 1, 1, "2027-03-10T08:05:00-05:00"));

        var cycle = record.Schedule.Cycles[0];

        SlotLines(cycle).Should().Equal(
            "1 given 2027-03-10T08:00:00-05:00",
            "2 planned 2027-03-10T16:05:00-05:00",
            "3 planned 2027-03-11T00:05:00-05:00",
            "4 planned 2027-03-11T08:05:00-05:00",
            "5 planned 2027-03-11T16:05:00-05:00",
            "6 planned 2027-03-12T00:05:00-05:00",
            "7 planned 2027-03-12T08:05:00-05:00",
            "8 planned 2027-03-12T16:05:00-05:00",
            "9 planned 2027-03-13T00:05:00-05:00",
            "10 planned 2027-03-13T08:05:00-05:00",
            "11 planned 2027-03-13T16:05:00-05:00",
            "12 planned 2027-03-14T00:05:00-05:00",
            "13 planned 2027-03-14T09:05:00-04:00", // 8 elapsed hours after 00:05 EST = 09:05 EDT
            "14 planned 2027-03-14T17:05:00-04:00");
        var first = cycle.Slots[0];
        Rfc3339(first.GivenStart!.Value).Should().Be("2027-03-10T08:05:00-05:00");
        Rfc3339(first.GivenEnd!.Value).Should().Be("2027-03-10T08:20:00-05:00"); // 15-minute infusion assumed
        first.EventId.Should().Be("e1");
        cycle.Slots.Skip(1).Should().OnlyContain(slot => slot.GivenStart == null && slot.GivenEnd == null && slot.EventId == null);
        // The window still counts from the due time, the earlier of the two.
        Rfc3339(cycle.Start).Should().Be("2027-03-10T08:00:00-05:00");
        Rfc3339(cycle.WindowEnd).Should().Be("2027-03-15T09:00:00-04:00");
        cycle.DosesGiven.Should().Be(1);
        cycle.EndReason.Should().Be(CycleEndReason.None);
        SlotLines(record.Schedule.Cycles[1]).Should().Equal(Lines(CycleTwoDue, 1, 14, "planned"));
        record.Schedule.KnownTime.Should().Be(At("2027-03-10T08:05:00-05:00")); // the latest recorded instant: the start (no end was recorded)
    }

    // A dose with a recorded end: the next slot still counts from the start.
    [Fact]
    public void Apply_LateDoseWithRecordedEnd_CountsTheNextSlotFromItsStart()
    {
        var record = WorkedExample()
            .Apply(Given("e1", 1, 1, "2027-03-10T08:00:00-05:00"))
            .Apply(new DoseGiven("e2", 1, 2, At("2027-03-10T17:30:00-05:00"), At("2027-03-10T17:50:00-05:00")));

        var slots = record.Schedule.Cycles[0].Slots;

        Rfc3339(slots[1].GivenEnd!.Value).Should().Be("2027-03-10T17:50:00-05:00");
        Rfc3339(slots[2].Due).Should().Be("2027-03-11T01:30:00-05:00"); // 17:30 + 8 h
        Rfc3339(slots[11].Due).Should().Be("2027-03-14T01:30:00-05:00"); // slot 12: 17:30 + 80 h
        Rfc3339(slots[12].Due).Should().Be("2027-03-14T10:30:00-04:00"); // slot 13: 01:30 EST + 8 h = 09:30 EST = 10:30 EDT
        Rfc3339(slots[13].Due).Should().Be("2027-03-14T18:30:00-04:00");
        slots.Should().HaveCount(14);
    }

    // Case 2. Slot 2 held (UseReserveSlots, the default): it keeps its due time, the slots after
    // it keep theirs (elapsed from the due time, nothing was given), and slot 15 becomes planned
    // so that 14 doses can still be given: due 2027-03-15 01:00 EDT, before the window closes at 09:00 EDT.
    [Fact]
    public void Apply_HeldDoseUnderUseReserveSlots_PlansTheFifteenthSlot()
    {
        var record = WorkedExample()
            .Apply(Given("e1", 1, 1, "2027-03-10T08:00:00-05:00"))
            .Apply(Held("e2", 1, 2, "grade 3 hypotension"));

        var cycle = record.Schedule.Cycles[0];

        SlotLines(cycle).Should().Equal(
            Lines(CycleOneDue, 1, 1, "given")
                .Concat(Lines(CycleOneDue, 2, 2, "held"))
                .Concat(Lines(CycleOneDue, 3, 15, "planned")));
        Rfc3339(cycle.Slots[^1].Due).Should().Be("2027-03-15T01:00:00-04:00");
        var held = cycle.Slots[1];
        held.HeldReason.Should().Be("grade 3 hypotension");
        held.EventId.Should().Be("e2");
        held.GivenStart.Should().BeNull();
        Rfc3339(held.Start).Should().Be("2027-03-10T16:00:00-05:00");
        Rfc3339(held.End).Should().Be("2027-03-10T16:15:00-05:00");
        cycle.DosesGiven.Should().Be(1);
        cycle.DosesHeld.Should().Be(1);
        record.Schedule.DosesHeld.Should().Be(1);
        record.Schedule.Slots.Select(slot => slot.Number).Should().Equal(Enumerable.Range(1, 29));
    }

    // With slots 1 and 3-15 given when due, cycle 1 reaches its 14 doses: 13 planned slots plus
    // the reserve slot 15 at 2027-03-15 01:00 EDT.
    [Fact]
    public void Apply_HeldDoseReplacedByTheFifteenthSlot_ReachesTheCapOfFourteenGiven()
    {
        var record = WorkedExample()
            .Apply(Given("c1s1", 1, 1, "2027-03-10T08:00:00-05:00"))
            .Apply(Held("h2", 1, 2))
            .ApplyAll(GivenAt(1, CycleOneDue).Where(dose => dose.Slot > 2));

        var cycle = record.Schedule.Cycles[0];

        cycle.DosesGiven.Should().Be(14);
        cycle.DosesHeld.Should().Be(1);
        cycle.EndReason.Should().Be(CycleEndReason.DoseCap);
        Rfc3339(cycle.Slots[^1].GivenStart!.Value).Should().Be("2027-03-15T01:00:00-04:00");
    }

    // Case 3. Forfeit: the held slot 2 counts against the cap, so slots 3-14 make up the 14 and
    // slot 15 stays an unlisted reserve slot.
    [Fact]
    public void Apply_HeldDoseUnderForfeit_LeavesTheFifteenthSlotUnused()
    {
        var record = WorkedExample(HeldDosePolicy.Forfeit)
            .Apply(Given("e1", 1, 1, "2027-03-10T08:00:00-05:00"))
            .Apply(Held("e2", 1, 2));

        var cycle = record.Schedule.Cycles[0];

        SlotLines(cycle).Should().Equal(
            Lines(CycleOneDue, 1, 1, "given")
                .Concat(Lines(CycleOneDue, 2, 2, "held"))
                .Concat(Lines(CycleOneDue, 3, 14, "planned")));
        record.HeldDosePolicy.Should().Be(HeldDosePolicy.Forfeit);
    }

    // Forfeit: 13 given (slots 1, 3-14) and 1 held reach the cap of 14; the cycle has ended and
    // slot 15 (due 2027-03-15 01:00 EDT, inside the window) is rejected as beyond the cap.
    [Fact]
    public void Apply_ThirteenGivenAndOneHeldUnderForfeit_EndsTheCycleAtTheCap()
    {
        var record = WorkedExample(HeldDosePolicy.Forfeit)
            .Apply(Given("c1s1", 1, 1, "2027-03-10T08:00:00-05:00"))
            .Apply(Held("h2", 1, 2))
            .ApplyAll(GivenAt(1, CycleOneDue[..14]).Where(dose => dose.Slot > 2));

        var cycle = record.Schedule.Cycles[0];

        cycle.DosesGiven.Should().Be(13);
        cycle.DosesHeld.Should().Be(1);
        cycle.EndReason.Should().Be(CycleEndReason.DoseCap);
        cycle.HasEnded.Should().BeTrue();
        cycle.Slots.Should().HaveCount(14);
        ShouldReject(record, Given("e15", 1, 15, "2027-03-15T01:00:00-04:00"), CourseEventRule.BeyondCap,
            "doseGiven e15 (cycle 1, slot 15, start 2027-03-15T01:00:00-04:00) is rejected",
            "slot 15 of cycle 1 would be dose 15, beyond the cap of 14 doses given or held in a cycle");
    }

    // Case 4. Slot 2 given 18 h late at 2027-03-11 10:00 EST: slot k (k >= 3) is due 10:00 EST +
    // 8(k-2) h. Slot 13 at +88 h = 03-15 07:00Z = 03:00 EDT; slot 14 at +96 h = 03-15 15:00Z =
    // 11:00 EDT, at or after the window's close (09:00 EDT), so the 14th dose is cancelled.
    [Fact]
    public void Apply_LateDosePushingSlotsPastTheWindow_CancelsThem()
    {
        var record = WorkedExample()
            .Apply(Given("e1", 1, 1, "2027-03-10T08:00:00-05:00"))
            .Apply(Given("e2", 1, 2, "2027-03-11T10:00:00-05:00"));

        var cycle = record.Schedule.Cycles[0];

        SlotLines(cycle).Should().Equal(
            "1 given 2027-03-10T08:00:00-05:00",
            "2 given 2027-03-10T16:00:00-05:00",
            "3 planned 2027-03-11T18:00:00-05:00",
            "4 planned 2027-03-12T02:00:00-05:00",
            "5 planned 2027-03-12T10:00:00-05:00",
            "6 planned 2027-03-12T18:00:00-05:00",
            "7 planned 2027-03-13T02:00:00-05:00",
            "8 planned 2027-03-13T10:00:00-05:00",
            "9 planned 2027-03-13T18:00:00-05:00",
            "10 planned 2027-03-14T03:00:00-04:00", // 23:00Z + 8 h = 07:00Z = 03:00 EDT
            "11 planned 2027-03-14T11:00:00-04:00",
            "12 planned 2027-03-14T19:00:00-04:00",
            "13 planned 2027-03-15T03:00:00-04:00",
            "14 cancelled 2027-03-15T11:00:00-04:00");
        cycle.EndReason.Should().Be(CycleEndReason.None);
        Rfc3339(cycle.WindowEnd).Should().Be("2027-03-15T09:00:00-04:00");
        // The cancelled slot is no longer projected: the course end is still cycle 2's.
        Rfc3339(record.Schedule.CourseEnd!.Value).Should().Be("2027-03-28T16:15:00-04:00");
    }

    // Continuing case 4: slots 3-13 given when due leave only the cancelled slot 14, so cycle 1
    // has ended with 13 doses (its window has nothing left to give).
    [Fact]
    public void Apply_EveryPlannedSlotGivenAfterACancellation_EndsTheCycleAsWindowClosed()
    {
        string[] due =
        [
            "2027-03-10T08:00:00-05:00", "2027-03-11T10:00:00-05:00", "2027-03-11T18:00:00-05:00",
            "2027-03-12T02:00:00-05:00", "2027-03-12T10:00:00-05:00", "2027-03-12T18:00:00-05:00",
            "2027-03-13T02:00:00-05:00", "2027-03-13T10:00:00-05:00", "2027-03-13T18:00:00-05:00",
            "2027-03-14T03:00:00-04:00", "2027-03-14T11:00:00-04:00", "2027-03-14T19:00:00-04:00",
            "2027-03-15T03:00:00-04:00",
        ];
        var record = WorkedExample().ApplyAll(GivenAt(1, due));

        var cycle = record.Schedule.Cycles[0];

        cycle.DosesGiven.Should().Be(13);
        SlotLines(cycle)[^1].Should().Be("14 cancelled 2027-03-15T11:00:00-04:00");
        cycle.EndReason.Should().Be(CycleEndReason.WindowClosed);
        record.Schedule.IsComplete.Should().BeFalse();
    }
}
