using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

// Case 12, re-planning rule 3: cycle 2 keeps day 15 unless rescheduled; a rescheduled cycle
// starts at or after cycle 1's window closes (2027-03-15 09:00 EDT), and only before any of its
// doses is recorded.
public partial class CourseRecordTests
{
    // Cycle 2 moved a week later, to 2027-03-31 08:00 EDT: its 14 slots every 8 h to 04-04 16:00
    // EDT, window closing 04-05 08:00 EDT. Projected course end 04-04 16:15 EDT; imaging 04-04 +
    // 28 days = 05-02; window 05-16 (+42) to 06-27 (+84).
    [Fact]
    public void Apply_CycleTwoRescheduledLater_MovesItsSlotsAndTheFollowUp()
    {
        var record = WorkedExample().Apply(new CycleRescheduled("r1", 2, Local("2027-03-31T08:00")));

        var schedule = record.Schedule;
        var cycle = schedule.Cycles[1];

        cycle.IsRescheduled.Should().BeTrue();
        cycle.NominalStart.Should().Be(Local("2027-03-31T08:00"));
        Rfc3339(cycle.Start).Should().Be("2027-03-31T08:00:00-04:00");
        Rfc3339(cycle.WindowEnd).Should().Be("2027-04-05T08:00:00-04:00");
        cycle.Slots.Select(slot => Rfc3339(slot.Due)).Should().Equal(
            "2027-03-31T08:00:00-04:00", "2027-03-31T16:00:00-04:00", "2027-04-01T00:00:00-04:00",
            "2027-04-01T08:00:00-04:00", "2027-04-01T16:00:00-04:00", "2027-04-02T00:00:00-04:00",
            "2027-04-02T08:00:00-04:00", "2027-04-02T16:00:00-04:00", "2027-04-03T00:00:00-04:00",
            "2027-04-03T08:00:00-04:00", "2027-04-03T16:00:00-04:00", "2027-04-04T00:00:00-04:00",
            "2027-04-04T08:00:00-04:00", "2027-04-04T16:00:00-04:00");
        schedule.Cycles[0].IsRescheduled.Should().BeFalse();
        Rfc3339(schedule.CourseEnd!.Value).Should().Be("2027-04-04T16:15:00-04:00");
        Iso(schedule.ResponseAssessmentDate!.Value).Should().Be("2027-05-02");
        Iso(schedule.NextCourseWindow!.Dates!).Should().Be("2027-05-16..2027-06-27");
        // Doses at the new times are accepted; the old day 15 time is now before the window.
        record.Apply(Given("c2s1", 2, 1, "2027-03-31T08:00:00-04:00")).Schedule.Cycles[1].DosesGiven.Should().Be(1);
        ShouldReject(record, Given("c2s1", 2, 1, "2027-03-24T08:00:00-04:00"), CourseEventRule.TooEarly,
            "more than half a dosing interval before slot 1 of cycle 2 is due at 2027-03-31T08:00:00-04:00");
    }

    // Cycle 2 moved to 2027-03-15 08:00 EDT, an hour before cycle 1's window closes at 09:00 EDT.
    [Fact]
    public void Apply_CycleTwoRescheduledIntoCycleOnesWindow_IsRejected()
    {
        ShouldReject(SlotOneGiven(), new CycleRescheduled("r1", 2, Local("2027-03-15T08:00")), CourseEventRule.RescheduleOverlapsCycle,
            "cycleRescheduled r1 (cycle 2, new start 2027-03-15T08:00:00) is rejected: cycle 2 would start at 2027-03-15T08:00:00-04:00, "
            + "before cycle 1's window closes at 2027-03-15T09:00:00-04:00.");
    }

    // The window is half-open: starting exactly when cycle 1's window closes is allowed.
    [Fact]
    public void Apply_CycleTwoRescheduledToCycleOnesWindowClose_IsAccepted()
    {
        var record = SlotOneGiven().Apply(new CycleRescheduled("r1", 2, Local("2027-03-15T09:00")));

        Rfc3339(record.Schedule.Cycles[1].Start).Should().Be("2027-03-15T09:00:00-04:00");
        Rfc3339(record.Schedule.Cycles[1].WindowEnd).Should().Be("2027-03-20T09:00:00-04:00");
    }

    [Fact]
    public void Apply_RescheduleOfACycleWithARecordedDose_IsRejected()
    {
        var record = WorkedExample().ApplyAll(GivenAt(1, CycleOneDue[..14])).Apply(Given("c2s1", 2, 1, CycleTwoDue[0]));

        ShouldReject(record, new CycleRescheduled("r1", 2, Local("2027-03-31T08:00")), CourseEventRule.CycleAlreadyStarted,
            "cycleRescheduled r1 (cycle 2, new start 2027-03-31T08:00:00) is rejected: cycle 2 already has a recorded dose, "
            + "doseGiven c2s1 (cycle 2, slot 1, start 2027-03-24T08:00:00-04:00); correct or remove its doses first.");
    }

    [Fact]
    public void Apply_RescheduleOfACycleWithAHeldDose_IsRejected()
    {
        var record = WorkedExample().Apply(Held("h1", 2, 1, "creatinine rising"));

        ShouldReject(record, new CycleRescheduled(null, 2, Local("2027-03-31T08:00")), CourseEventRule.CycleAlreadyStarted,
            "cycleRescheduled (no id) (cycle 2, new start 2027-03-31T08:00:00) is rejected: cycle 2 already has a recorded dose, doseHeld h1");
    }

    // A correction to a reschedule is checked like a reschedule.
    [Fact]
    public void Apply_CorrectedRescheduleOfAStartedCycle_IsRejected()
    {
        var record = WorkedExample()
            .Apply(new CycleRescheduled("r1", 2, Local("2027-03-31T08:00")))
            .Apply(Given("c2s1", 2, 1, "2027-03-31T08:00:00-04:00"));

        ShouldReject(record, new Corrected("c1", "r1", new CycleRescheduled(null, 2, Local("2027-04-01T08:00"))), CourseEventRule.CycleAlreadyStarted,
            "cycle 2 already has a recorded dose, doseGiven c2s1");
    }

    [Fact]
    public void Apply_CorrectedReschedule_MovesTheCycleAgain()
    {
        var record = WorkedExample()
            .Apply(new CycleRescheduled("r1", 2, Local("2027-03-31T08:00")))
            .Apply(new Corrected("c1", "r1", new CycleRescheduled("r1", 2, Local("2027-03-28T20:00"))));

        Rfc3339(record.Schedule.Cycles[1].Start).Should().Be("2027-03-28T20:00:00-04:00");
        record.Schedule.Cycles[1].NominalStart.Should().Be(Local("2027-03-28T20:00"));
    }

    // New start in the spring gap: plan from 2027-03-01 02:30 EST (cycle 1's window closes
    // 2027-03-06 02:30 EST); cycle 2 moved to 2027-03-14 02:30, which does not exist in New York,
    // moves forward by the gap to 03:30 EDT (07:30Z); slot 2 at 15:30Z = 11:30 EDT.
    [Fact]
    public void Apply_RescheduleIntoTheSpringGap_ShiftsTheStartForwardByTheGap()
    {
        var record = CourseRecord.Start(new CoursePlanner().Plan(Local("2027-03-01T02:30"), NewYork))
            .Apply(new CycleRescheduled("r1", 2, Local("2027-03-14T02:30")));

        var cycle = record.Schedule.Cycles[1];

        cycle.NominalStart.Should().Be(Local("2027-03-14T02:30"));
        Rfc3339(cycle.Start).Should().Be("2027-03-14T03:30:00-04:00");
        Rfc3339(cycle.Slots[1].Due).Should().Be("2027-03-14T11:30:00-04:00");
        Rfc3339(cycle.WindowEnd).Should().Be("2027-03-19T03:30:00-04:00");
    }

    // New start in the autumn overlap: 2027-11-07 01:30 happens twice; the earlier (EDT, 05:30Z) is taken.
    [Fact]
    public void Apply_RescheduleIntoTheAutumnOverlap_TakesTheEarlierInstant()
    {
        var record = CourseRecord.Start(new CoursePlanner().Plan(Local("2027-10-20T08:00"), NewYork))
            .Apply(new CycleRescheduled("r1", 2, Local("2027-11-07T01:30")));

        var cycle = record.Schedule.Cycles[1];

        Rfc3339(cycle.Start).Should().Be("2027-11-07T01:30:00-04:00");
        Rfc3339(cycle.Slots[1].Due).Should().Be("2027-11-07T08:30:00-05:00"); // 05:30Z + 8 h = 13:30Z
    }

    // Surprising: with cycle 2 rescheduled to start exactly when cycle 1's window closes (09:00
    // EDT), its first dose given an hour early (allowed: within half an interval) moves cycle 2's
    // window start to 08:00 EDT, and the dose is rejected under the reschedule's rule.
    [Fact]
    public void Apply_EarlyFirstDoseOfARescheduledCycle_IsRejectedAsOverlappingTheEarlierCycle()
    {
        var record = SlotOneGiven().Apply(new CycleRescheduled("r1", 2, Local("2027-03-15T09:00")));

        ShouldReject(record, Given("c2s1", 2, 1, "2027-03-15T08:00:00-04:00"), CourseEventRule.RescheduleOverlapsCycle,
            "cycle 2 would start at 2027-03-15T08:00:00-04:00, before cycle 1's window closes at 2027-03-15T09:00:00-04:00");
    }
}
