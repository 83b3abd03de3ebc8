using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;
using NodaTime.TimeZones;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

// The re-planner at the edges of its rules: a time exactly at a stop or a window end, a first
// dose a resolver moved, stopped-infusion counting with ordinary doses, and local times past
// 9999-12-31. Hand-worked; America/New_York is -05:00 until 2027-03-14 07:00Z, -04:00 after.
public partial class CourseRecordTests
{
    // Cycle 1 stopped at 2027-03-11 16:00 -05:00, exactly when slot 5 is due (slots 1-4 given on
    // time): slot 5 and later are cancelled (due at or after the stop), not skipped or planned.
    [Fact]
    public void CycleStoppedExactlyWhenASlotIsDue_CancelsThatSlot()
    {
        var record = WorkedExample().ApplyAll([.. GivenAt(1, CycleOneDue[..4]), new CycleStopped("s1", 1, At(CycleOneDue[4]), "hypotension")]);

        var cycle = record.Schedule.Cycles[0];
        SlotLines(cycle).Should().Equal([.. Lines(CycleOneDue, 1, 4, "given"), .. Lines(CycleOneDue, 5, 14, "cancelled")]);
        cycle.EndReason.Should().Be(CycleEndReason.CycleStopped);
    }

    // Holding slot 5, due exactly at the stop, is holding a dose the stop already cancelled.
    [Fact]
    public void HoldingTheSlotDueExactlyAtTheStop_IsRejected()
    {
        var record = WorkedExample().ApplyAll([.. GivenAt(1, CycleOneDue[..4]), new CycleStopped("s1", 1, At(CycleOneDue[4]), "hypotension")]);

        ShouldReject(record, Held("h5", 1, 5), CourseEventRule.AfterStop,
            "slot 5 of cycle 1 is due at 2027-03-11T16:00:00-05:00, at or after the stop at 2027-03-11T16:00:00-05:00");
    }

    // Calendar-day windows from 2027-04-07 08:00 -04:00 (no change that week): the window is the
    // calendar days 04-07 to 04-11 and closes at 04-12 00:00 -04:00; slot 15 is due 112 h after
    // the first dose, 04-12 00:00 -04:00, exactly at the close. With slot 2 held (reserve slots)
    // the cap does not stop slot 15 first; the window does.
    [Fact]
    public void HoldingASlotDueExactlyAtACalendarDayWindowsClose_IsRejected()
    {
        var protocol = new CourseProtocolBuilder(CourseProtocol.Label) { CycleWindowCounting = CycleWindowCounting.CalendarDays }.Build();
        var record = CourseRecord.Start(new CoursePlanner(protocol).Plan(Local("2027-04-07T08:00"), NewYork)).Apply(Held("h2", 1, 2));
        Rfc3339(record.Schedule.Cycles[0].WindowEnd).Should().Be("2027-04-12T00:00:00-04:00");

        ShouldReject(record, Held("h15", 1, 15), CourseEventRule.OutsideCycleWindow,
            "slot 15 of cycle 1 is due at 2027-04-12T00:00:00-04:00, at or after cycle 1's window closed at 2027-04-12T00:00:00-04:00.");
    }

    // First dose requested at 2027-03-14 02:30, skipped in New York, with a resolver that maps a
    // skipped time to the end of the gap: dose 1 at 03:00 -04:00 (07:00Z), dose 2 at 11:00 -04:00.
    // The record keeps the plan's dose 1, not the cycle-start rule's own answer for 02:30 (03:30 -04:00).
    [Fact]
    public void Start_FirstDoseMovedByTheCallersResolver_KeepsThePlansFirstDue()
    {
        var resolver = Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);
        var plan = new CoursePlanner(CourseProtocol.Label).Plan(Local("2027-03-14T02:30"), NewYork, resolver);

        var slots = CourseRecord.Start(plan).Schedule.Cycles[0].Slots;

        Rfc3339(slots[0].Due).Should().Be("2027-03-14T03:00:00-04:00");
        Rfc3339(slots[1].Due).Should().Be("2027-03-14T11:00:00-04:00");
    }

    // Stopped infusions counted as held do not change how an ordinary given dose counts: slot 1
    // given, slots 2-14 planned, no reserve slot 15.
    [Fact]
    public void StoppedInfusionsCountedAsHeld_AGivenDoseStillCountsTowardsTheCap()
    {
        var protocol = new CourseProtocolBuilder(CourseProtocol.Label) { StoppedInfusionCounting = StoppedInfusionCounting.CountsAsHeld }.Build();
        var record = CourseRecord.Start(new CoursePlanner(protocol).Plan(Local("2027-03-10T08:00"), NewYork)).Apply(Given("e1", 1, 1, SlotOneOnTime));

        SlotLines(record.Schedule.Cycles[0]).Should().Equal([.. Lines(CycleOneDue, 1, 1, "given"), .. Lines(CycleOneDue, 2, 14, "planned")]);
    }

    // A reschedule of a cycle whose slot already holds a stopped infusion would move the slot under it.
    [Fact]
    public void Reschedule_OfACycleWithAStoppedInfusion_IsRejected()
    {
        var record = WorkedExample().Apply(new DoseStopped("st1", 2, 1, At(CycleTwoDue[0]), At("2027-03-24T08:06:00-04:00"), "rigors"));

        ShouldReject(record, new CycleRescheduled("r1", 2, Local("2027-03-25T08:00")), CourseEventRule.CycleAlreadyStarted,
            "cycle 2 already has a recorded dose, doseStopped st1 (cycle 2, slot 1, ");
    }

    // A dose of cycle 1 recorded before its window opens: cycle 1 cannot be rescheduled, so the
    // advice is to plan the course again.
    [Fact]
    public void Apply_CycleOneDoseBeforeTheWindowOpens_AdvisesPlanningAgain()
    {
        ShouldReject(WorkedExample(), Given("e2", 1, 2, "2027-03-10T07:00:00-05:00"), CourseEventRule.OutsideCycleWindow,
            "before cycle 1's window opens at 2027-03-10T08:00:00-05:00; plan the course again from the actual first dose.");
    }

    // Cycle 2 rescheduled to 2027-03-15 09:00 (when cycle 1's window closes); its first dose given
    // an hour early overlaps cycle 1: the message names the reschedule that moved the cycle.
    [Fact]
    public void Apply_EarlyFirstDoseOfARescheduledCycle_NamesTheReschedule()
    {
        var record = SlotOneGiven().Apply(new CycleRescheduled("r1", 2, Local("2027-03-15T09:00")));

        ShouldReject(record, Given("c2s1", 2, 1, "2027-03-15T08:00:00-04:00"), CourseEventRule.RescheduleOverlapsCycle,
            "cycle 2 would start at 2027-03-15T08:00:00-04:00, before cycle 1's window closes at 2027-03-15T09:00:00-04:00 "
            + "(cycleRescheduled r1 (cycle 2, new start 2027-03-15T09:00:00)).");
    }

    // Asia/Tokyo (+09:00): an infusion end recorded at the last instant NodaTime has,
    // 9999-12-31T23:59:59Z, is 10000-01-01 08:59 local, which no local date-time can hold: the
    // dose is rejected by name, its end shown in UTC.
    [Fact]
    public void Apply_DoseEndingPastTheLastLocalDateEastOfUtc_IsRejectedAsOutOfRange()
    {
        var tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
        var record = CourseRecord.Start(new CoursePlanner(CourseProtocol.Label).Plan(Local("2027-03-10T08:00"), tokyo));

        ShouldReject(record, new DoseGiven("e1", 1, 1, At("2027-03-10T08:00:00+09:00"), Instant.MaxValue), CourseEventRule.OutOfRange,
            "doseGiven e1 (cycle 1, slot 1, start 2027-03-10T08:00:00+09:00, end 9999-12-31T23:59:59Z) is rejected: ",
            "the dates that follow would pass 9999-12-31");
    }
}
