using FluentAssertions;
using IL2Schedule.Records;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

// Re-planning rules 2 and 4: cycles ending by a stop or the cap, the course end that follows
// (actual once complete, projected before), the imaging date (course end date + 4 weeks), the
// next-course window (+6 to +12 weeks, inclusive) and a recorded discharge (+7 weeks).
public partial class CourseRecordTests
{
    // Case 5. Cycle 1: slots 1-8 given on time (last at 2027-03-12 16:00 EST), then stopped at
    // 20:00 EST; slots 9-14 (due from 2027-03-13 00:00 EST) are at or after the stop: cancelled.
    private static CourseRecord CycleOneStoppedAfterEightDoses() =>
        WorkedExample()
            .ApplyAll(GivenAt(1, CycleOneDue[..8]))
            .Apply(new CycleStopped("stop1", 1, At("2027-03-12T20:00:00-05:00"), "grade 3 hypotension"));

    [Fact]
    public void Apply_CycleStoppedAfterEightDoses_CancelsTheRestOfTheCycle()
    {
        var record = CycleOneStoppedAfterEightDoses();

        var schedule = record.Schedule;

        SlotLines(schedule.Cycles[0]).Should().Equal(
            Lines(CycleOneDue, 1, 8, "given").Concat(Lines(CycleOneDue, 9, 14, "cancelled")));
        schedule.Cycles[0].EndReason.Should().Be(CycleEndReason.CycleStopped);
        schedule.Cycles[0].DosesGiven.Should().Be(8);
        schedule.Cycles[1].EndReason.Should().Be(CycleEndReason.None);
        schedule.IsComplete.Should().BeFalse();
        // Projected: cycle 2 as planned, its 14th dose ending 2027-03-28 16:15 EDT.
        Rfc3339(schedule.CourseEnd!.Value).Should().Be("2027-03-28T16:15:00-04:00");
        schedule.KnownTime.Should().Be(At("2027-03-12T20:00:00-05:00"));
    }

    // Cycle 2 given in full: the course is complete and ends with cycle 2's 14th dose,
    // 2027-03-28 16:00 EDT + 15 min. Imaging 03-28 + 28 days = 04-25; window 03-28 + 42 days =
    // 05-09 to 03-28 + 84 days = 06-20.
    [Fact]
    public void Apply_CycleOneStoppedAndCycleTwoGivenInFull_CompletesTheCourse()
    {
        var record = CycleOneStoppedAfterEightDoses().ApplyAll(GivenAt(2, CycleTwoDue[..14]));

        var schedule = record.Schedule;

        schedule.Cycles[1].EndReason.Should().Be(CycleEndReason.DoseCap);
        schedule.IsComplete.Should().BeTrue();
        schedule.DosesGiven.Should().Be(22);
        Rfc3339(schedule.CourseEnd!.Value).Should().Be("2027-03-28T16:15:00-04:00");
        Iso(schedule.CourseEndDate!.Value).Should().Be("2027-03-28");
        Iso(schedule.ResponseAssessmentDate!.Value).Should().Be("2027-04-25");
        Iso(schedule.NextCourseWindow!.Dates!).Should().Be("2027-05-09..2027-06-20");
        record.ToString().Should().Be("course 1 in America/New_York: 22 given, 0 held, complete; ends 2027-03-28T16:15:00-04:00");
    }

    // Cycle 2 stopped after 6 doses: slot 6 at 2027-03-26 00:00 EDT ends 00:15, so the course
    // end date is 03-26. Imaging 03-26 + 28 days = 04-23; window 05-07 (+42) to 06-18 (+84).
    [Fact]
    public void Apply_BothCyclesStopped_EndsTheCourseWithTheLastGivenDose()
    {
        var record = CycleOneStoppedAfterEightDoses()
            .ApplyAll(GivenAt(2, CycleTwoDue[..6]))
            .Apply(new CycleStopped("stop2", 2, At("2027-03-26T04:00:00-04:00"), "oliguria"));

        var schedule = record.Schedule;

        SlotLines(schedule.Cycles[1]).Should().Equal(
            Lines(CycleTwoDue, 1, 6, "given").Concat(Lines(CycleTwoDue, 7, 14, "cancelled")));
        schedule.Cycles.Select(cycle => cycle.EndReason).Should().Equal(CycleEndReason.CycleStopped, CycleEndReason.CycleStopped);
        schedule.IsComplete.Should().BeTrue();
        Rfc3339(schedule.CourseEnd!.Value).Should().Be("2027-03-26T00:15:00-04:00");
        Iso(schedule.ResponseAssessmentDate!.Value).Should().Be("2027-04-23");
        Iso(schedule.NextCourseWindow!.Dates!).Should().Be("2027-05-07..2027-06-18");
    }

    // The course stopped after cycle 1's 8th dose: every later slot of both cycles is cancelled,
    // the course is complete and ends 2027-03-12 16:15 EST. Imaging 03-12 + 28 days = 04-09;
    // window 04-23 (+42) to 06-04 (+84).
    [Fact]
    public void Apply_CourseStopped_CompletesTheCourseAtTheLastGivenDose()
    {
        var record = WorkedExample()
            .ApplyAll(GivenAt(1, CycleOneDue[..8]))
            .Apply(new CourseStopped("end", At("2027-03-12T20:00:00-05:00"), "capillary leak"));

        var schedule = record.Schedule;

        SlotLines(schedule.Cycles[0]).Should().Equal(
            Lines(CycleOneDue, 1, 8, "given").Concat(Lines(CycleOneDue, 9, 14, "cancelled")));
        SlotLines(schedule.Cycles[1]).Should().Equal(Lines(CycleTwoDue, 1, 14, "cancelled"));
        schedule.Cycles.Select(cycle => cycle.EndReason).Should().Equal(CycleEndReason.CourseStopped, CycleEndReason.CourseStopped);
        schedule.IsComplete.Should().BeTrue();
        Rfc3339(schedule.CourseEnd!.Value).Should().Be("2027-03-12T16:15:00-05:00");
        Iso(schedule.ResponseAssessmentDate!.Value).Should().Be("2027-04-09");
        Iso(schedule.NextCourseWindow!.Dates!).Should().Be("2027-04-23..2027-06-04");
    }

    // A course stopped before any dose has no end, imaging date or window.
    [Fact]
    public void Apply_CourseStoppedBeforeAnyDose_LeavesNoCourseEnd()
    {
        var record = WorkedExample().Apply(new CourseStopped("end", At("2027-03-10T07:00:00-05:00"), "consent withdrawn"));

        var schedule = record.Schedule;

        schedule.IsComplete.Should().BeTrue();
        schedule.Slots.Should().OnlyContain(slot => slot.Status == DoseSlotStatus.Cancelled);
        schedule.CourseEnd.Should().BeNull();
        schedule.CourseEndDate.Should().BeNull();
        schedule.ResponseAssessmentDate.Should().BeNull();
        schedule.NextCourseWindow.Should().BeNull();
        record.ToString().Should().Be("course 1 in America/New_York: 0 given, 0 held, complete; ends without a dose given");
    }

    private static CourseRecord FullCourse() =>
        WorkedExample().ApplyAll(GivenAt(1, CycleOneDue[..14])).ApplyAll(GivenAt(2, CycleTwoDue[..14]));

    // Case 6. Course end date 2027-03-28; discharge 03-31 + 49 days = 05-19, later than 03-28 +
    // 42 days = 05-09, so the window is 05-19 to 06-20. Imaging does not move.
    [Fact]
    public void Apply_DischargeAfterTheCourseEnd_StartsTheWindowSevenWeeksAfterIt()
    {
        var record = FullCourse().Apply(new Discharged("d1", Date("2027-03-31")));

        var schedule = record.Schedule;

        schedule.IsComplete.Should().BeTrue();
        Iso(schedule.DischargeDate!.Value).Should().Be("2027-03-31");
        Iso(schedule.ResponseAssessmentDate!.Value).Should().Be("2027-04-25");
        Iso(schedule.NextCourseWindow!.Dates!).Should().Be("2027-05-19..2027-06-20");
        Iso(schedule.NextCourseWindow.ByCourseEnd).Should().Be("2027-05-09..2027-06-20");
        schedule.NextCourseWindow.Note.Should().NotBeNullOrWhiteSpace();
    }

    // Discharge on the course end date itself: 03-28 + 49 days = 05-16.
    [Fact]
    public void Apply_DischargeOnTheCourseEndDate_IsAccepted()
    {
        var record = FullCourse().Apply(new Discharged("d1", Date("2027-03-28")));

        Iso(record.Schedule.NextCourseWindow!.Dates!).Should().Be("2027-05-16..2027-06-20");
    }

    // Discharge 05-10: + 49 days = 06-28, after the window's last day 06-20: empty, not an error.
    [Fact]
    public void Apply_DischargeTooLateForTheWindow_EmptiesTheWindow()
    {
        var record = FullCourse().Apply(new Discharged("d1", Date("2027-05-10")));

        var window = record.Schedule.NextCourseWindow!;

        window.IsEmpty.Should().BeTrue();
        window.Dates.Should().BeNull();
        window.Note.Should().StartWith("Empty: ");
    }

    [Fact]
    public void Apply_DischargeBeforeTheCourseEndDate_IsRejected()
    {
        ShouldReject(FullCourse(), new Discharged("d1", Date("2027-03-27")), CourseEventRule.DischargeBeforeCourseEnd,
            "discharged d1 (date 2027-03-27) is rejected: ",
            "is before the course's end date 2027-03-28",
            "7-week minimum counts from the discharge after the course");
    }

    // Before the course is complete the projected end date (2027-03-28) is the bound.
    [Fact]
    public void Apply_DischargeBeforeTheProjectedCourseEndDate_IsRejected()
    {
        ShouldReject(WorkedExample(), new Discharged("d1", Date("2027-03-20")), CourseEventRule.DischargeBeforeCourseEnd,
            "discharged d1 (date 2027-03-20) is rejected: ",
            "is before the course's projected end date 2027-03-28");
    }

    // With a discharge recorded on the projected end date (03-28), a cycle 2 dose given 9 h late
    // (2027-03-24 17:00 EDT) moves the projected 14th dose to 03-24 17:00 + 104 h = 2027-03-29
    // 01:00 EDT. The dose really happened, so it is accepted: a recorded discharge blocks only
    // doses given after it, not projections.
    [Fact]
    public void Apply_LateDoseMovingTheProjectedEndPastARecordedDischarge_IsAccepted()
    {
        var record = WorkedExample()
            .ApplyAll(GivenAt(1, CycleOneDue[..14]))
            .Apply(new Discharged("d1", Date("2027-03-28")));

        var after = record.Apply(Given("c2s1", 2, 1, "2027-03-24T17:00:00-04:00"));

        Rfc3339(after.Schedule.CourseEnd!.Value).Should().Be("2027-03-29T01:15:00-04:00");
    }

    // A dose given after the recorded discharge date (cycle 2 slot 1 on 2027-03-29 00:30 EDT,
    // after a discharge on 03-28) contradicts it and is rejected.
    [Fact]
    public void Apply_DoseGivenAfterTheRecordedDischarge_IsRejected()
    {
        var record = WorkedExample()
            .ApplyAll(GivenAt(1, CycleOneDue[..14]))
            .Apply(new Discharged("d1", Date("2027-03-28")))
            .ApplyAll(Enumerable.Range(1, 12).Select(slot => Given($"c2s{slot}", 2, slot, CycleTwoDue[slot - 1])));

        ShouldReject(record, Given("c2s13", 2, 13, "2027-03-29T00:30:00-04:00"), CourseEventRule.DischargeBeforeCourseEnd,
            "doseGiven c2s13 (cycle 2, slot 13, start 2027-03-29T00:30:00-04:00) is rejected: ",
            "discharged d1 (date 2027-03-28) is before the course's end date 2027-03-29");
    }

    // A held dose in cycle 2 (UseReserveSlots) brings in slot 15, due 2027-03-29 00:00 EDT (before
    // the window closes at 08:00 EDT): the projected course end moves to 00:15 EDT on 03-29, so
    // imaging is 03-29 + 28 days = 04-26 and the window 05-10 (+42) to 06-21 (+84).
    [Fact]
    public void Apply_HeldDoseInTheLastCycle_ProjectsTheCourseEndToTheReserveSlot()
    {
        var record = WorkedExample().Apply(Held("h1", 2, 3, "creatinine rising"));

        var schedule = record.Schedule;

        SlotLines(schedule.Cycles[1]).Should().Equal(
            Lines(CycleTwoDue, 1, 2, "planned")
                .Concat(Lines(CycleTwoDue, 3, 3, "held"))
                .Concat(Lines(CycleTwoDue, 4, 15, "planned")));
        Rfc3339(schedule.CourseEnd!.Value).Should().Be("2027-03-29T00:15:00-04:00");
        Iso(schedule.ResponseAssessmentDate!.Value).Should().Be("2027-04-26");
        Iso(schedule.NextCourseWindow!.Dates!).Should().Be("2027-05-10..2027-06-21");
    }

    // Under Forfeit the same held dose leaves the projected end at slot 14, 2027-03-28 16:15 EDT.
    [Fact]
    public void Apply_HeldDoseInTheLastCycleUnderForfeit_KeepsTheProjectedCourseEnd()
    {
        var record = WorkedExample(HeldDosePolicy.Forfeit).Apply(Held("h1", 2, 3, "creatinine rising"));

        Rfc3339(record.Schedule.CourseEnd!.Value).Should().Be("2027-03-28T16:15:00-04:00");
    }
}
