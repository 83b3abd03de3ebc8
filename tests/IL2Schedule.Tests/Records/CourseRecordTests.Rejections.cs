using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

// Case 11: every CourseEventRule (IdAlreadyUsed, UnknownCorrectedEvent and
// DischargeBeforeCourseEnd are with their topics), each asserting the exception, its rule, the
// message's event, rule wording and values, and that the record is unchanged (ShouldReject).
public partial class CourseRecordTests
{
    private const string SlotOneOnTime = "2027-03-10T08:00:00-05:00";

    private static CourseRecord SlotOneGiven() => WorkedExample().Apply(Given("e1", 1, 1, SlotOneOnTime));

    [Fact]
    public void Apply_DoseInAnUnknownCycle_IsRejected()
    {
        ShouldReject(WorkedExample(), Given("e1", 3, 1, SlotOneOnTime), CourseEventRule.UnknownCycle,
            "doseGiven e1 (cycle 3, slot 1, start 2027-03-10T08:00:00-05:00) is rejected: "
            + "it names cycle 3, but the course has 2 cycles.");
    }

    public static TheoryData<CourseEvent> EventsInCycleThree =>
    [
        Held("h1", 3, 1),
        new CycleStopped("s1", 3, At(SlotOneOnTime), "fever"),
        new CycleRescheduled("r1", 3, Local("2027-04-07T08:00")),
    ];

    [Theory]
    [MemberData(nameof(EventsInCycleThree))]
    public void Apply_OtherEventsInAnUnknownCycle_AreRejected(CourseEvent courseEvent)
    {
        ShouldReject(WorkedExample(), courseEvent, CourseEventRule.UnknownCycle, "names cycle 3, but the course has 2 cycles");
    }

    [Fact]
    public void Apply_UnknownSlot_IsRejected()
    {
        ShouldReject(WorkedExample(), Held("h1", 1, 16), CourseEventRule.UnknownSlot,
            "doseHeld h1 (cycle 1, slot 16, reason 'hypotension') is rejected: it names slot 16, but a cycle has 15 slots.");
        ShouldReject(WorkedExample(), Given("e1", 2, 16, "2027-03-29T00:00:00-04:00"), CourseEventRule.UnknownSlot,
            "names slot 16, but a cycle has 15 slots");
    }

    [Fact]
    public void Apply_SlotGivenTwice_IsRejectedAsAlreadyRecorded()
    {
        ShouldReject(SlotOneGiven(), Given("e2", 1, 1, "2027-03-10T08:05:00-05:00"), CourseEventRule.AlreadyRecorded,
            "doseGiven e2 (cycle 1, slot 1, start 2027-03-10T08:05:00-05:00) is rejected: "
            + "slot 1 of cycle 1 is already recorded by doseGiven e1 (cycle 1, slot 1, start 2027-03-10T08:00:00-05:00); apply a Corrected event to change it.");
    }

    [Fact]
    public void Apply_GivenSlotHeld_IsRejectedAsAlreadyRecorded()
    {
        ShouldReject(SlotOneGiven(), Held(null, 1, 1), CourseEventRule.AlreadyRecorded,
            "doseHeld (no id) (cycle 1, slot 1, reason 'hypotension') is rejected: slot 1 of cycle 1 is already recorded by doseGiven e1");
    }

    public static TheoryData<CourseEvent, CourseEvent, string> RepeatedOnceOnlyEvents => new()
    {
        {
            new CycleStopped("s1", 1, At("2027-03-11T12:00:00-05:00"), "fever"),
            new CycleStopped("s2", 1, At("2027-03-11T13:00:00-05:00"), "fever"),
            "cycle 1's stop is already recorded by cycleStopped s1 (cycle 1, at 2027-03-11T12:00:00-05:00, reason 'fever'); apply a Corrected event to change it."
        },
        {
            new CourseStopped("s1", At("2027-03-11T12:00:00-05:00"), "sepsis"),
            new CourseStopped("s2", At("2027-03-11T12:00:00-05:00"), "sepsis"),
            "the course's stop is already recorded by courseStopped s1 (at 2027-03-11T12:00:00-05:00, reason 'sepsis')"
        },
        {
            new CycleRescheduled("r1", 2, Local("2027-03-31T08:00")),
            new CycleRescheduled("r2", 2, Local("2027-04-01T08:00")),
            "cycle 2's reschedule is already recorded by cycleRescheduled r1 (cycle 2, new start 2027-03-31T08:00:00)"
        },
        {
            new Discharged("d1", Date("2027-04-01")),
            new Discharged("d2", Date("2027-04-02")),
            "the discharge is already recorded by discharged d1 (date 2027-04-01)"
        },
    };

    [Theory]
    [MemberData(nameof(RepeatedOnceOnlyEvents))]
    public void Apply_SecondStopRescheduleOrDischarge_IsRejectedAsAlreadyRecorded(CourseEvent first, CourseEvent second, string message)
    {
        ShouldReject(WorkedExample().Apply(first), second, CourseEventRule.AlreadyRecorded, message);
    }

    // Slot 1 from 08:00 EST with a recorded end at 12:10; slot 2 at 12:00 EST is allowed by
    // timing (exactly half an interval before 16:00) but starts before slot 1's infusion ends.
    [Fact]
    public void Apply_DoseStartingBeforeThePreviousInfusionEnds_IsRejectedAsOverlapping()
    {
        var record = WorkedExample().Apply(new DoseGiven("e1", 1, 1, At(SlotOneOnTime), At("2027-03-10T12:10:00-05:00")));

        ShouldReject(record, Given("e2", 1, 2, "2027-03-10T12:00:00-05:00"), CourseEventRule.OverlappingInfusions,
            "doseGiven e2 (cycle 1, slot 2, start 2027-03-10T12:00:00-05:00) is rejected: "
            + "it starts at 2027-03-10T12:00:00-05:00, "
            + "before the previous given dose doseGiven e1 (cycle 1, slot 1, start 2027-03-10T08:00:00-05:00, end 2027-03-10T12:10:00-05:00) ends at 2027-03-10T12:10:00-05:00.");
    }

    // The same overlap recorded in the other order: the earlier slot's end runs into the later one.
    [Fact]
    public void Apply_DoseEndingAfterTheNextInfusionStarts_IsRejectedAsOverlapping()
    {
        var record = WorkedExample().Apply(Given("e2", 1, 2, "2027-03-10T12:00:00-05:00"));
        var slotOne = new DoseGiven("e1", 1, 1, At(SlotOneOnTime), At("2027-03-10T12:10:00-05:00"));

        ShouldReject(record, slotOne, CourseEventRule.OverlappingInfusions,
            "doseGiven e1 (cycle 1, slot 1, start 2027-03-10T08:00:00-05:00, end 2027-03-10T12:10:00-05:00) is rejected: ",
            "its infusion ends at 2027-03-10T12:10:00-05:00, after the next given dose doseGiven e2 (cycle 1, slot 2, start 2027-03-10T12:00:00-05:00) starts at 2027-03-10T12:00:00-05:00.");
    }

    // Ending exactly when the next starts is not an overlap.
    [Fact]
    public void Apply_DoseStartingWhenThePreviousInfusionEnds_IsAccepted()
    {
        var record = WorkedExample()
            .Apply(new DoseGiven("e1", 1, 1, At(SlotOneOnTime), At("2027-03-10T12:00:00-05:00")))
            .Apply(Given("e2", 1, 2, "2027-03-10T12:00:00-05:00"));

        record.Schedule.Cycles[0].DosesGiven.Should().Be(2);
    }

    // Cycle 1's window closes 120 h after 08:00 EST: 2027-03-15 09:00 EDT (exclusive).
    [Fact]
    public void Apply_DoseAtTheWindowClose_IsRejectedAsOutsideTheCycleWindow()
    {
        ShouldReject(WorkedExample(), Given("e1", 1, 1, "2027-03-15T09:00:00-04:00"), CourseEventRule.OutsideCycleWindow,
            "doseGiven e1 (cycle 1, slot 1, start 2027-03-15T09:00:00-04:00) is rejected: ",
            "starts at 2027-03-15T09:00:00-04:00, at or after cycle 1's window closed at 2027-03-15T09:00:00-04:00.");
    }

    // Cycle 2's window opens 2027-03-24 08:00 EDT; slot 2 a day earlier is before it.
    [Fact]
    public void Apply_DoseBeforeItsCycleWindowOpens_IsRejectedAsOutsideTheCycleWindow()
    {
        ShouldReject(WorkedExample(), Given("e1", 2, 2, "2027-03-23T08:00:00-04:00"), CourseEventRule.OutsideCycleWindow,
            "starts at 2027-03-23T08:00:00-04:00, before cycle 2's window opens at 2027-03-24T08:00:00-04:00; record a cycleRescheduled first.");
    }

    // Cycle 1's window opens with slot 1 at 08:00 EST; slot 2 recorded at 07:00 EST is before it.
    [Fact]
    public void Apply_CycleOneDoseBeforeTheWindowOpens_IsRejectedAsOutsideTheCycleWindow()
    {
        ShouldReject(WorkedExample(), Given("e2", 1, 2, "2027-03-10T07:00:00-05:00"), CourseEventRule.OutsideCycleWindow,
            "starts at 2027-03-10T07:00:00-05:00, before cycle 1's window opens at 2027-03-10T08:00:00-05:00");
    }

    // The message for a cycle 1 dose before its window advises recording a cycleRescheduled, but
    // CycleRescheduled rejects cycle 1 ("cycle must be at least 2 ... plan it again instead").
    [Fact]
    public void Apply_CycleOneDoseBeforeTheWindowOpens_DoesNotAdviseARescheduleOfCycleOne()
    {
        var act = () => WorkedExample().Apply(Given("e2", 1, 2, "2027-03-10T07:00:00-05:00"));

        act.Should().ThrowExactly<CourseEventRejectedException>().Which.Reason.Should().NotContain("cycleRescheduled");
    }

    // As in case 4: slot 2 given at 2027-03-11 10:00 EST puts slot 14 at 2027-03-15 11:00 EDT,
    // after the window closes at 09:00 EDT; holding it is rejected.
    [Fact]
    public void Apply_HoldingASlotDueAfterTheWindowCloses_IsRejectedAsOutsideTheCycleWindow()
    {
        var record = SlotOneGiven().Apply(Given("e2", 1, 2, "2027-03-11T10:00:00-05:00"));

        ShouldReject(record, Held("h14", 1, 14), CourseEventRule.OutsideCycleWindow,
            "slot 14 of cycle 1 is due at 2027-03-15T11:00:00-04:00, at or after cycle 1's window closed at 2027-03-15T09:00:00-04:00.");
    }

    [Fact]
    public void Apply_CycleStoppedAtTheWindowClose_IsRejectedAsOutsideTheCycleWindow()
    {
        ShouldReject(SlotOneGiven(), new CycleStopped("s1", 1, At("2027-03-15T09:00:00-04:00"), "fever"), CourseEventRule.OutsideCycleWindow,
            "cycleStopped s1 (cycle 1, at 2027-03-15T09:00:00-04:00, reason 'fever') is rejected: "
            + "cycle 1 is stopped at 2027-03-15T09:00:00-04:00, at or after its window closed at 2027-03-15T09:00:00-04:00.");
    }

    // Slot 2 is due 16:00 EST; half an interval before is 12:00 EST (accepted), 11:59 is too early.
    [Fact]
    public void Apply_DoseMoreThanHalfAnIntervalEarly_IsRejectedAsTooEarly()
    {
        ShouldReject(SlotOneGiven(), Given("e2", 1, 2, "2027-03-10T11:59:00-05:00"), CourseEventRule.TooEarly,
            "doseGiven e2 (cycle 1, slot 2, start 2027-03-10T11:59:00-05:00) is rejected: ",
            "starts at 2027-03-10T11:59:00-05:00, more than half a dosing interval before slot 2 of cycle 1 is due at 2027-03-10T16:00:00-05:00.");
        SlotOneGiven().Apply(Given("e2", 1, 2, "2027-03-10T12:00:00-05:00")).Schedule.Cycles[0].DosesGiven.Should().Be(2);
    }

    // Slot 1 due 08:00 EST: 03:59 is too early; 04:00 EST (09:00Z) is accepted and opens the
    // window then, so it closes 120 h later at 2027-03-15 09:00Z = 05:00 EDT.
    [Fact]
    public void Apply_FirstDoseEarly_OpensTheWindowAtItsStart()
    {
        ShouldReject(WorkedExample(), Given("e1", 1, 1, "2027-03-10T03:59:00-05:00"), CourseEventRule.TooEarly,
            "more than half a dosing interval before slot 1 of cycle 1 is due at 2027-03-10T08:00:00-05:00");

        var record = WorkedExample().Apply(Given("e1", 1, 1, "2027-03-10T04:00:00-05:00"));

        var cycle = record.Schedule.Cycles[0];
        Rfc3339(cycle.Start).Should().Be("2027-03-10T04:00:00-05:00");
        Rfc3339(cycle.WindowEnd).Should().Be("2027-03-15T05:00:00-04:00");
        Rfc3339(cycle.Slots[1].Due).Should().Be("2027-03-10T12:00:00-05:00");
    }

    [Fact]
    public void Apply_FifteenthDoseAfterFourteenGiven_IsRejectedAsBeyondTheCap()
    {
        var record = WorkedExample().ApplyAll(GivenAt(1, CycleOneDue[..14]));

        record.Schedule.Cycles[0].EndReason.Should().Be(CycleEndReason.DoseCap);
        ShouldReject(record, Given("e15", 1, 15, "2027-03-15T01:00:00-04:00"), CourseEventRule.BeyondCap,
            "doseGiven e15 (cycle 1, slot 15, start 2027-03-15T01:00:00-04:00) is rejected: slot 15 of cycle 1 would be dose 15, beyond the cap of 14 doses given in a cycle.");
    }

    // With nothing recorded, slots 1-14 are planned: the cap is reached before slot 15.
    [Fact]
    public void Apply_HoldingTheReserveSlotWhileFourteenArePlanned_IsRejectedAsBeyondTheCap()
    {
        ShouldReject(WorkedExample(), Held("h15", 1, 15), CourseEventRule.BeyondCap,
            "doseHeld h15 (cycle 1, slot 15, reason 'hypotension') is rejected: slot 15 of cycle 1 comes after 14 doses given or planned in the cycle (the cap); it is a reserve slot that is not needed.");
    }

    // A later slot given first: the unrecorded slots before it are skipped, not planned.
    [Fact]
    public void Apply_LaterSlotGivenFirst_SkipsTheSlotsBeforeIt()
    {
        var record = SlotOneGiven().Apply(Given("e4", 1, 4, "2027-03-11T08:00:00-05:00"));

        SlotLines(record.Schedule.Cycles[0]).Should().Equal(
            Lines(CycleOneDue, 1, 1, "given")
                .Concat(Lines(CycleOneDue, 2, 3, "skipped"))
                .Concat(Lines(CycleOneDue, 4, 4, "given"))
                .Concat(Lines(CycleOneDue, 5, 15, "planned")));
    }

    private static CourseRecord EightGivenThenCycleStopped() =>
        WorkedExample()
            .ApplyAll(GivenAt(1, CycleOneDue[..8]))
            .Apply(new CycleStopped("stop1", 1, At("2027-03-12T20:00:00-05:00"), "grade 3 hypotension"));

    [Fact]
    public void Apply_DoseAfterItsCycleWasStopped_IsRejectedAsAfterStop()
    {
        ShouldReject(EightGivenThenCycleStopped(), Given("c1s9", 1, 9, "2027-03-13T00:00:00-05:00"), CourseEventRule.AfterStop,
            "doseGiven c1s9 (cycle 1, slot 9, start 2027-03-13T00:00:00-05:00) is rejected: "
            + "it starts at 2027-03-13T00:00:00-05:00, at or after the stop at 2027-03-12T20:00:00-05:00 "
            + "(cycleStopped stop1 (cycle 1, at 2027-03-12T20:00:00-05:00, reason 'grade 3 hypotension')).");
    }

    [Fact]
    public void Apply_HoldingASlotDueAfterTheStop_IsRejectedAsAfterStop()
    {
        ShouldReject(EightGivenThenCycleStopped(), Held("h9", 1, 9), CourseEventRule.AfterStop,
            "slot 9 of cycle 1 is due at 2027-03-13T00:00:00-05:00, at or after the stop at 2027-03-12T20:00:00-05:00");
    }

    // "At or after": a dose starting at the stop's instant is rejected.
    [Fact]
    public void Apply_DoseAtTheStopInstant_IsRejectedAsAfterStop()
    {
        var record = WorkedExample()
            .ApplyAll(GivenAt(1, CycleOneDue[..8]))
            .Apply(new CycleStopped("stop1", 1, At("2027-03-13T00:00:00-05:00"), "fever"));

        ShouldReject(record, Given("c1s9", 1, 9, "2027-03-13T00:00:00-05:00"), CourseEventRule.AfterStop, "at or after the stop at 2027-03-13T00:00:00-05:00");
    }

    [Fact]
    public void Apply_DoseAfterTheCourseWasStopped_IsRejectedAsAfterStop()
    {
        var record = WorkedExample()
            .ApplyAll(GivenAt(1, CycleOneDue[..14]))
            .Apply(new CourseStopped("end", At("2027-03-20T12:00:00-04:00"), "progression"));

        ShouldReject(record, Given("c2s1", 2, 1, "2027-03-24T08:00:00-04:00"), CourseEventRule.AfterStop,
            "at or after the stop at 2027-03-20T12:00:00-04:00 (courseStopped end (at 2027-03-20T12:00:00-04:00, reason 'progression'))");
    }

    // A stop recorded late, after a dose already given past it, is rejected (the dose names the rule).
    [Fact]
    public void Apply_StopBeforeARecordedDose_IsRejectedAsAfterStop()
    {
        var record = WorkedExample().ApplyAll(GivenAt(1, CycleOneDue[..9]));

        ShouldReject(record, new CycleStopped("stop1", 1, At("2027-03-12T20:00:00-05:00"), "fever"), CourseEventRule.AfterStop,
            "cycleStopped stop1 (cycle 1, at 2027-03-12T20:00:00-05:00, reason 'fever') is rejected: doseGiven c1s9");
    }

    // Dose given before a stop but recorded after it is accepted.
    [Fact]
    public void Apply_DoseBeforeTheStopRecordedAfterIt_IsAccepted()
    {
        var record = WorkedExample()
            .ApplyAll(GivenAt(1, CycleOneDue[..7]))
            .Apply(new CycleStopped("stop1", 1, At("2027-03-12T20:00:00-05:00"), "fever"))
            .Apply(Given("c1s8", 1, 8, CycleOneDue[7]));

        record.Schedule.Cycles[0].DosesGiven.Should().Be(8);
    }

    // Plan 9999-09-20 08:00 UTC: course end date 9999-10-08, window ends 9999-12-31 exactly.
    // Cycle 2 slot 1 given 9 h late moves slot 14 to 9999-10-09 01:00, whose window end would be
    // 10000-01-01.
    [Fact]
    public void Apply_DoseWhoseFollowUpWouldPassTheLastDate_IsRejectedAsOutOfRange()
    {
        var plan = new CoursePlanner().Plan(Local("9999-09-20T08:00"), DateTimeZoneProviders.Tzdb["Etc/UTC"]);
        var record = CourseRecord.Start(plan);
        Iso(record.Schedule.NextCourseWindow!.Dates!.End).Should().Be("9999-12-31");

        ShouldReject(record, Given("late", 2, 1, "9999-10-04T17:00:00+00:00"), CourseEventRule.OutOfRange,
            "doseGiven late (cycle 2, slot 1, start 9999-10-04T17:00:00+00:00) is rejected: the dates that follow would pass 9999-12-31, the last date that can be represented.");
        ShouldReject(record, new CycleRescheduled("r1", 2, Local("9999-10-05T08:00")), CourseEventRule.OutOfRange,
            "the dates that follow would pass 9999-12-31");
    }

    [Fact]
    public void Apply_Null_ThrowsArgumentNullException()
    {
        var act = () => WorkedExample().Apply(null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("courseEvent");
    }

    [Fact]
    public void ApplyAll_NullOrANullEvent_ThrowsArgumentNullException()
    {
        var record = WorkedExample();

        record.Invoking(r => r.ApplyAll(null!)).Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("courseEvents");
        record.Invoking(r => r.ApplyAll([Given("e1", 1, 1, SlotOneOnTime), null!])).Should().ThrowExactly<ArgumentNullException>();
        record.Events.Should().BeEmpty();
    }

    // All or nothing: a rejected third event leaves the record as it was, without the first two.
    [Fact]
    public void ApplyAll_RejectedEvent_LeavesTheRecordUnchanged()
    {
        var record = WorkedExample();

        var act = () => record.ApplyAll([Given("e1", 1, 1, SlotOneOnTime), Held("e2", 1, 2), Given("e3", 1, 2, "2027-03-10T16:00:00-05:00")]);

        act.Should().ThrowExactly<CourseEventRejectedException>().Which.Rule.Should().Be(CourseEventRule.AlreadyRecorded);
        record.Events.Should().BeEmpty();
        SlotLines(record.Schedule.Cycles[0]).Should().Equal(Lines(CycleOneDue, 1, 14, "planned"));
    }

    [Fact]
    public void Start_InvalidArguments_AreRejectedByName()
    {
        var plan = WorkedExamplePlan();

        var noPlan = () => CourseRecord.Start(null!);
        var discharged = () => CourseRecord.Start(plan.WithDischargeDate(Date("2027-03-31")));
        var courseZero = () => CourseRecord.Start(plan, 0);
        var badPolicy = () => CourseRecord.Start(plan, 1, (HeldDosePolicy)7);

        noPlan.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("plan");
        discharged.Should().ThrowExactly<ArgumentException>().WithMessage(
            "plan must not have a discharge date; record the discharge as a Discharged event instead; was 2027-03-31 (Parameter 'plan')");
        courseZero.Should().ThrowExactly<ArgumentOutOfRangeException>().Which.Message.Should().StartWith("courseNumber must be at least 1; was 0");
        badPolicy.Should().ThrowExactly<ArgumentOutOfRangeException>().Which.Message.Should().StartWith(
            "heldDosePolicy must be one of UseReserveSlots, Forfeit; was 7");
    }

    [Fact]
    public void Start_CourseNumberAndPolicy_AreKept()
    {
        var record = CourseRecord.Start(WorkedExamplePlan(), 3, HeldDosePolicy.Forfeit);

        record.CourseNumber.Should().Be(3);
        record.HeldDosePolicy.Should().Be(HeldDosePolicy.Forfeit);
        record.Plan.Should().Be(WorkedExamplePlan());
    }

    // A three-cycle protocol (days 1, 15, 29): cycle 3 starts 2027-04-07 08:00 EDT. Cycle 2
    // moved to 04-03 08:00 would close its window 120 h later at 04-08 08:00, after cycle 3 starts;
    // moved to 04-02 08:00 it closes at 04-07 08:00, exactly when cycle 3 starts.
    [Fact]
    public void Apply_RescheduleRunningIntoTheNextCycle_IsRejected()
    {
        var protocol = new CourseProtocolBuilder(CourseProtocol.Label) { CycleCount = 3 }.Build();
        var record = CourseRecord.Start(new CoursePlanner(protocol).Plan(Local("2027-03-10T08:00"), NewYork));
        Rfc3339(record.Schedule.Cycles[2].Start).Should().Be("2027-04-07T08:00:00-04:00");

        ShouldReject(record, new CycleRescheduled("r1", 2, Local("2027-04-03T08:00")), CourseEventRule.RescheduleOverlapsCycle,
            "cycleRescheduled r1 (cycle 2, new start 2027-04-03T08:00:00) is rejected: cycle 3 would start at 2027-04-07T08:00:00-04:00, "
            + "before cycle 2's window closes at 2027-04-08T08:00:00-04:00.");
        Rfc3339(record.Apply(new CycleRescheduled("r1", 2, Local("2027-04-02T08:00"))).Schedule.Cycles[1].WindowEnd)
            .Should().Be("2027-04-07T08:00:00-04:00");
    }

    // An end recorded at the end of time (a corrupt message): the follow-up dates cannot be
    // computed, and the dose is rejected by name rather than failing inside.
    [Fact]
    public void Apply_DoseEndingAtTheEndOfTime_IsRejectedAsOutOfRange()
    {
        ShouldReject(WorkedExample(), new DoseGiven("e1", 1, 1, At(SlotOneOnTime), Instant.MaxValue), CourseEventRule.OutOfRange,
            "the dates that follow would pass 9999-12-31");
    }
}
