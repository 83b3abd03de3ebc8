using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

// Case 9 (wall-clock timing and the 50% rule) and case 10 (records crossing a DST change in
// America/New_York: 2027-03-14 02:00 EST -> 03:00 EDT; 2027-11-07 02:00 EDT -> 01:00 EST).
public partial class CourseRecordTests
{
    private static CourseRecord WallClockExample() => CourseRecord.Start(WorkedExamplePlan(DoseTiming.WallClock));

    // Wall-clock timing keeps the planned clock times: 08:00, 16:00 and 00:00 local, so slot 13
    // is 2027-03-14 08:00 EDT, 7 elapsed hours after slot 12 (00:00 EST).
    private static readonly string[] WallClockDue =
    [
        "2027-03-10T08:00:00-05:00", "2027-03-10T16:00:00-05:00", "2027-03-11T00:00:00-05:00",
        "2027-03-11T08:00:00-05:00", "2027-03-11T16:00:00-05:00", "2027-03-12T00:00:00-05:00",
        "2027-03-12T08:00:00-05:00", "2027-03-12T16:00:00-05:00", "2027-03-13T00:00:00-05:00",
        "2027-03-13T08:00:00-05:00", "2027-03-13T16:00:00-05:00", "2027-03-14T00:00:00-05:00",
        "2027-03-14T08:00:00-04:00", "2027-03-14T16:00:00-04:00", "2027-03-15T00:00:00-04:00",
    ];

    // Case 9. Slot 2 given 4 h 30 min late at 20:30 EST. Slot 3 is due at 00:00 EST, only 3 h 30
    // min after that start, less than half the 8-hour interval: skipped. Slots 4-15 keep their
    // clock times; slot 15 (2027-03-15 00:00 EDT) is needed to reach 14 doses.
    [Fact]
    public void Apply_WallClockLateDoseNearTheNextSlot_SkipsThatSlot()
    {
        var record = WallClockExample()
            .Apply(Given("e1", 1, 1, "2027-03-10T08:00:00-05:00"))
            .Apply(Given("e2", 1, 2, "2027-03-10T20:30:00-05:00"));

        var cycle = record.Schedule.Cycles[0];

        SlotLines(cycle).Should().Equal(
            Lines(WallClockDue, 1, 2, "given")
                .Concat(Lines(WallClockDue, 3, 3, "skipped"))
                .Concat(Lines(WallClockDue, 4, 15, "planned")));
        cycle.Slots[2].GivenStart.Should().BeNull();
        Rfc3339(cycle.WindowEnd).Should().Be("2027-03-15T09:00:00-04:00");
    }

    // 20:00 EST + 4 h = 00:00 EST exactly: not less than half an interval, so slot 3 stays planned
    // (and slot 15 is not needed). One minute later it is skipped.
    [Theory]
    [InlineData("2027-03-10T20:00:00-05:00", "planned", 14)]
    [InlineData("2027-03-10T20:01:00-05:00", "skipped", 15)]
    public void Apply_WallClockDoseAtHalfAnIntervalBeforeTheNextSlot_KeepsOrSkipsIt(string slotTwoStart, string slotThreeStatus, int listedSlots)
    {
        var record = WallClockExample()
            .Apply(Given("e1", 1, 1, "2027-03-10T08:00:00-05:00"))
            .Apply(Given("e2", 1, 2, slotTwoStart));

        var cycle = record.Schedule.Cycles[0];

        SlotLines(cycle)[2].Should().Be("3 " + slotThreeStatus + " 2027-03-11T00:00:00-05:00");
        cycle.Slots.Should().HaveCount(listedSlots);
    }

    // Wall clock: a given dose does not move the later slots (unlike elapsed timing).
    [Fact]
    public void Apply_WallClockSlightlyLateDose_KeepsTheClockTimes()
    {
        var record = WallClockExample().Apply(Given("e1", 1, 1, "2027-03-10T08:05:00-05:00"));

        SlotLines(record.Schedule.Cycles[0]).Should().Equal(
            Lines(WallClockDue, 1, 1, "given").Concat(Lines(WallClockDue, 2, 14, "planned")));
    }

    // Case 10. Elapsed timing: slots 1-11 on time, slot 12 given 1 h 50 min late at 2027-03-14
    // 01:50 EST (06:50Z). Slot 13 is due 8 elapsed hours later: 14:50Z = 10:50 EDT (9 hours on
    // the clock); slot 14 at 22:50Z = 18:50 EDT.
    [Fact]
    public void Apply_ElapsedDoseJustBeforeTheSpringChange_DuesTheNextSlotEightElapsedHoursLater()
    {
        var record = WorkedExample()
            .ApplyAll(GivenAt(1, CycleOneDue[..11]))
            .Apply(Given("c1s12", 1, 12, "2027-03-14T01:50:00-05:00"));

        var slots = record.Schedule.Cycles[0].Slots;

        SlotLines(record.Schedule.Cycles[0]).Should().Equal(
            Lines(CycleOneDue, 1, 12, "given").Concat(
            [
                "13 planned 2027-03-14T10:50:00-04:00",
                "14 planned 2027-03-14T18:50:00-04:00",
            ]));
        (slots[12].Due.ToInstant() - slots[11].GivenStart!.Value.ToInstant()).Should().Be(Duration.FromHours(8));
        (slots[12].Due.LocalDateTime - slots[11].GivenStart!.Value.LocalDateTime).Should().Be(Period.FromHours(9));
    }

    // Slot 5 given 2 h late at 2027-03-11 18:00 EST (23:00Z): the chain moves to 02:00, 10:00,
    // 18:00 EST; slot 12 falls at 07:00Z on 03-14, the very instant 02:00 EST becomes 03:00 EDT,
    // and shows as 03:00 -04:00.
    [Fact]
    public void Apply_ElapsedLateDoseBeforeTheSpringChange_MovesASlotOntoTheChange()
    {
        var record = WorkedExample()
            .ApplyAll(GivenAt(1, CycleOneDue[..4]))
            .Apply(Given("c1s5", 1, 5, "2027-03-11T18:00:00-05:00"));

        SlotLines(record.Schedule.Cycles[0]).Skip(5).Should().Equal(
            "6 planned 2027-03-12T02:00:00-05:00",
            "7 planned 2027-03-12T10:00:00-05:00",
            "8 planned 2027-03-12T18:00:00-05:00",
            "9 planned 2027-03-13T02:00:00-05:00",
            "10 planned 2027-03-13T10:00:00-05:00",
            "11 planned 2027-03-13T18:00:00-05:00",
            "12 planned 2027-03-14T03:00:00-04:00",
            "13 planned 2027-03-14T11:00:00-04:00",
            "14 planned 2027-03-14T19:00:00-04:00");
    }

    // Wall clock across the spring change: slot 12 given at 00:00 EST, slot 13 due 08:00 EDT.
    [Fact]
    public void Apply_WallClockAcrossTheSpringChange_KeepsEightOClockSevenHoursLater()
    {
        var record = WallClockExample().ApplyAll(GivenAt(1, WallClockDue[..12]));

        var slots = record.Schedule.Cycles[0].Slots;

        Rfc3339(slots[12].Due).Should().Be("2027-03-14T08:00:00-04:00");
        (slots[12].Due.ToInstant() - slots[11].GivenStart!.Value.ToInstant()).Should().Be(Duration.FromHours(7));
        slots[12].Status.Should().Be(DoseSlotStatus.Planned);
    }

    // Autumn: first dose 2027-11-05 08:00 EDT (12:00Z); slot 6 due 2027-11-07 00:00 EDT (04:00Z).
    // It is given late in the repeated hour: the first 01:30 (EDT, 05:30Z) puts slot 7 at 13:30Z
    // = 08:30 EST; the second 01:30 (EST, 06:30Z) puts it at 14:30Z = 09:30 EST.
    [Theory]
    [InlineData("2027-11-07T01:30:00-04:00", "2027-11-07T08:30:00-05:00")]
    [InlineData("2027-11-07T01:30:00-05:00", "2027-11-07T09:30:00-05:00")]
    public void Apply_ElapsedDoseInTheRepeatedAutumnHour_CountsFromItsInstant(string slotSixStart, string slotSevenDue)
    {
        var plan = new CoursePlanner().Plan(Local("2027-11-05T08:00"), NewYork);
        var record = CourseRecord.Start(plan).ApplyAll(GivenAt(1,
            "2027-11-05T08:00:00-04:00", "2027-11-05T16:00:00-04:00", "2027-11-06T00:00:00-04:00",
            "2027-11-06T08:00:00-04:00", "2027-11-06T16:00:00-04:00", slotSixStart));

        var slots = record.Schedule.Cycles[0].Slots;

        Rfc3339(slots[5].GivenStart!.Value).Should().Be(slotSixStart);
        Rfc3339(slots[6].Due).Should().Be(slotSevenDue);
        Rfc3339(record.Schedule.Cycles[0].WindowEnd).Should().Be("2027-11-10T07:00:00-05:00"); // 12:00Z + 120 h
    }

    // Surprising wording: wall clock, slot 1 given 12 h late at 20:00 EST and slot 2 at 12:00 EST
    // (4 h before its 16:00 due time, so not too early). The two infusions (20:00-20:15 and
    // 12:00-12:15) do not overlap in time, but slot 2 starts before slot 1, and the record
    // rejects it as an overlap.
    [Fact]
    public void Apply_WallClockSlotGivenBeforeTheEarlierSlot_IsRejectedAsOverlapping()
    {
        var record = WallClockExample().Apply(Given("e1", 1, 1, "2027-03-10T20:00:00-05:00"));

        ShouldReject(record, Given("e2", 1, 2, "2027-03-10T12:00:00-05:00"), CourseEventRule.OverlappingInfusions,
            "starts at 2027-03-10T12:00:00-05:00, before the previous given dose doseGiven e1 (cycle 1, slot 1, start 2027-03-10T20:00:00-05:00) ends at 2027-03-10T20:15:00-05:00");
    }

    // The 50% rule counts elapsed time across the autumn change. Wall clock from 2027-11-05 18:00
    // EDT: slot 4 is due 2027-11-06 18:00 EDT (22:00Z) and slot 5 at 2027-11-07 02:00 EST (07:00Z),
    // 9 elapsed hours later. Slot 4 given at 22:30 EDT (02:30Z): slot 5 is 4 h 30 min later
    // (3 h 30 min on the clock) and stays planned; given at 23:30 EDT (03:30Z), 3 h 30 min: skipped.
    [Theory]
    [InlineData("2027-11-06T22:30:00-04:00", "planned")]
    [InlineData("2027-11-06T23:30:00-04:00", "skipped")]
    public void Apply_WallClockLateDoseBeforeTheAutumnChange_AppliesTheFiftyPercentRuleInElapsedTime(string slotFourStart, string slotFiveStatus)
    {
        var plan = new CoursePlanner(CourseProtocol.Label.WithDoseTiming(DoseTiming.WallClock)).Plan(Local("2027-11-05T18:00"), NewYork);
        var record = CourseRecord.Start(plan).ApplyAll(GivenAt(1,
            "2027-11-05T18:00:00-04:00", "2027-11-06T02:00:00-04:00", "2027-11-06T10:00:00-04:00", slotFourStart));

        SlotLines(record.Schedule.Cycles[0])[4].Should().Be("5 " + slotFiveStatus + " 2027-11-07T02:00:00-05:00");
    }

    // NCI Surgery Branch preset: 15 doses in 15 slots, no reserve. A held dose cannot be
    // replaced: after slots 1 and 3-15 are given when due, the cycle ends by its window with 14.
    [Fact]
    public void Apply_HeldDoseWithoutReserveSlots_EndsTheCycleShortOfTheCap()
    {
        var plan = new CoursePlanner(CourseProtocol.NciSurgeryBranch).Plan(Local("2027-03-10T08:00"), NewYork);
        var record = CourseRecord.Start(plan)
            .Apply(Given("c1s1", 1, 1, CycleOneDue[0]))
            .Apply(Held("h2", 1, 2))
            .ApplyAll(GivenAt(1, CycleOneDue).Where(dose => dose.Slot > 2));

        var cycle = record.Schedule.Cycles[0];

        cycle.Slots.Should().HaveCount(15);
        cycle.DosesGiven.Should().Be(14);
        cycle.EndReason.Should().Be(CycleEndReason.WindowClosed);
        Rfc3339(cycle.Slots[^1].GivenStart!.Value).Should().Be("2027-03-15T01:00:00-04:00");
    }

    // TooEarly counts from the slot's clock due time. Wall clock across the spring change: slot 12
    // given at 2027-03-14 00:00 EST (05:00Z); slot 13 is due 08:00 EDT (12:00Z), so anything from
    // 04:00 EDT (08:00Z) on is accepted, which is only 3 elapsed hours after slot 12.
    [Fact]
    public void Apply_WallClockDoseThreeHoursAfterThePreviousAcrossTheSpringChange_IsAccepted()
    {
        var record = WallClockExample().ApplyAll(GivenAt(1, WallClockDue[..12]));

        var next = record.Apply(Given("c1s13", 1, 13, "2027-03-14T04:00:00-04:00"));

        var slots = next.Schedule.Cycles[0].Slots;
        (slots[12].GivenStart!.Value.ToInstant() - slots[11].GivenStart!.Value.ToInstant()).Should().Be(Duration.FromHours(3));
        ShouldReject(record, Given("c1s13", 1, 13, "2027-03-14T03:59:00-04:00"), CourseEventRule.TooEarly,
            "more than half a dosing interval before slot 13 of cycle 1 is due at 2027-03-14T08:00:00-04:00");
    }
}
