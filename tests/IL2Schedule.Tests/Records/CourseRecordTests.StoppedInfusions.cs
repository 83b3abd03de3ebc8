using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

// Infusions stopped before their planned end (DoseStopped, DoseSlotStatus.Stopped) and how they
// count towards the cap (CourseProtocol.StoppedInfusionCounting). The worked example, New York:
// slots 1 and 2 given on time (08:00 and 16:00 -05:00), slot 3 started on time at 2027-03-11 00:00
// -05:00 and stopped 6 minutes in at 00:06 -05:00 for hypotension. Every time is hand-worked and
// checked with Python zoneinfo; the planned end of slot 3 is 00:00 + 15 min = 00:15 -05:00.
public partial class CourseRecordTests
{
    private static DoseStopped StoppedThird(string end = "2027-03-11T00:06:00-05:00") =>
        new("s3", 1, 3, At("2027-03-11T00:00:00-05:00"), At(end), "hypotension");

    private static CourseRecord FirstTwoGiven(StoppedInfusionCounting counting = StoppedInfusionCounting.CountsAsGiven, HeldDosePolicy policy = HeldDosePolicy.UseReserveSlots)
    {
        var protocol = new CourseProtocolBuilder(CourseProtocol.Label) { StoppedInfusionCounting = counting }.Build();
        var plan = new CoursePlanner(protocol).Plan(Local("2027-03-10T08:00"), NewYork);
        return CourseRecord.Start(plan, 1, policy).ApplyAll(GivenAt(1, CycleOneDue[0], CycleOneDue[1]));
    }

    [Fact]
    public void StoppedInfusion_HasItsOwnStatusWithTheActualEndAndReason()
    {
        var cycle = FirstTwoGiven().Apply(StoppedThird()).Schedule.Cycles[0];

        var slot = cycle.Slots[2];
        slot.Status.Should().Be(DoseSlotStatus.Stopped);
        Rfc3339(slot.Start).Should().Be("2027-03-11T00:00:00-05:00");
        Rfc3339(slot.StoppedEnd!.Value).Should().Be("2027-03-11T00:06:00-05:00");
        Rfc3339(slot.End).Should().Be("2027-03-11T00:06:00-05:00");
        slot.StopReason.Should().Be("hypotension");
        slot.HeldReason.Should().BeNull();
        slot.GivenStart.Should().BeNull("a stopped infusion is not a full given dose");
        slot.EventId.Should().Be("s3");
        slot.ToString().Should().Be("cycle 1 slot 3: stopped, given 2027-03-11T00:00:00-05:00, stopped 2027-03-11T00:06:00-05:00 (hypotension)");
        // Elapsed timing: slot 4 is due 8 h after slot 3's start, 00:00 + 8 h = 08:00 -05:00.
        Rfc3339(cycle.Slots[3].Due).Should().Be("2027-03-11T08:00:00-05:00");
        (cycle.DosesGiven, cycle.DosesStopped, cycle.DosesHeld).Should().Be((2, 1, 0));
    }

    // CountsAsGiven (default): 2 given + 1 stopped + 11 planned (slots 4-14) = the cap of 14; reserve slot 15 is not listed.
    [Fact]
    public void CountsAsGiven_TheStoppedDoseFillsOneOfTheFourteen()
    {
        var schedule = FirstTwoGiven().Apply(StoppedThird()).Schedule;

        var cycle = schedule.Cycles[0];
        cycle.Slots.Select(slot => slot.Slot).Should().Equal(Enumerable.Range(1, 14));
        cycle.Slots.Count(slot => slot.Status == DoseSlotStatus.Planned).Should().Be(11);
        schedule.DosesPlanned.Should().Be(11 + 14);
        schedule.ToString().Should().StartWith("2 given, 0 held, 1 stopped, 25 planned; in progress; projected end 2027-03-28T16:15:00-04:00");
    }

    // CountsAsHeld with reserve slots: the stopped dose does not count, so slots 4-15 are planned
    // (2 given + 12 planned = 14 full doses). Slot 15 is due 00:00 -05:00 + 12 x 8 h = 2027-03-15
    // 05:00 UTC = 01:00 -04:00 (EDT from 03-14), before the window closes at 09:00 -04:00.
    [Fact]
    public void CountsAsHeld_OffersReserveSlot15LikeAHeldDose()
    {
        var cycle = FirstTwoGiven(StoppedInfusionCounting.CountsAsHeld).Apply(StoppedThird()).Schedule.Cycles[0];

        cycle.Slots.Select(slot => slot.Slot).Should().Equal(Enumerable.Range(1, 15));
        cycle.Slots.Count(slot => slot.Status == DoseSlotStatus.Planned).Should().Be(12);
        var reserve = cycle.Slots[14];
        reserve.Status.Should().Be(DoseSlotStatus.Planned);
        Rfc3339(reserve.Due).Should().Be("2027-03-15T01:00:00-04:00");
        Rfc3339(reserve.End).Should().Be("2027-03-15T01:15:00-04:00");
        Rfc3339(cycle.WindowEnd).Should().Be("2027-03-15T09:00:00-04:00");
    }

    // Under Forfeit a dose not given in full is not made up: CountsAsHeld counts it, as Forfeit counts a held dose.
    [Fact]
    public void CountsAsHeld_UnderForfeit_CountsTheStoppedDose()
    {
        var cycle = FirstTwoGiven(StoppedInfusionCounting.CountsAsHeld, HeldDosePolicy.Forfeit).Apply(StoppedThird()).Schedule.Cycles[0];

        cycle.Slots.Select(slot => slot.Slot).Should().Equal(Enumerable.Range(1, 14));
    }

    // The 14th dose of the cycle stopped: with CountsAsGiven the cap is reached and the cycle ends there.
    [Fact]
    public void CountsAsGiven_AStoppedFourteenthDoseReachesTheCap()
    {
        var record = WorkedExample().ApplyAll(GivenAt(1, CycleOneDue[..13]))
            .Apply(new DoseStopped("s14", 1, 14, At(CycleOneDue[13]), At("2027-03-14T17:04:00-04:00"), "rigors"));

        var cycle = record.Schedule.Cycles[0];
        cycle.EndReason.Should().Be(CycleEndReason.DoseCap);
        cycle.ToString().Should().EndWith("13 given, 0 held, 1 stopped, ended (dose cap)");
    }

    // A course stopped after a stopped first dose ends at that dose's actual end, 08:06 -05:00:
    // imaging 2027-03-10 + 4 weeks = 04-07; next course 03-10 + 6 weeks = 04-21 to + 12 weeks = 06-02.
    [Fact]
    public void CourseEnd_IsAStoppedDosesActualEnd()
    {
        var record = WorkedExample()
            .Apply(new DoseStopped("s1", 1, 1, At("2027-03-10T08:00:00-05:00"), At("2027-03-10T08:06:00-05:00"), "anaphylaxis"))
            .Apply(new CourseStopped("x", At("2027-03-10T09:00:00-05:00"), "anaphylaxis"));

        var schedule = record.Schedule;
        schedule.IsComplete.Should().BeTrue();
        Rfc3339(schedule.CourseEnd!.Value).Should().Be("2027-03-10T08:06:00-05:00");
        schedule.ResponseAssessmentDate.Should().Be(new LocalDate(2027, 4, 7));
        Iso(schedule.NextCourseWindow!.Dates!).Should().Be("2027-04-21..2027-06-02");
        record.ToString().Should().Be("course 1 in America/New_York: 0 given, 0 held, 1 stopped, complete; ends 2027-03-10T08:06:00-05:00");
    }

    // A DoseGiven whose recorded end is early stays a full given dose, as recorded (this library's choice).
    [Fact]
    public void DoseGivenWithAnEarlyEnd_StaysGiven()
    {
        var slot = FirstTwoGiven().Apply(new DoseGiven("g3", 1, 3, At("2027-03-11T00:00:00-05:00"), At("2027-03-11T00:06:00-05:00")))
            .Schedule.Cycles[0].Slots[2];

        slot.Status.Should().Be(DoseSlotStatus.Given);
        Rfc3339(slot.GivenEnd!.Value).Should().Be("2027-03-11T00:06:00-05:00");
        slot.StopReason.Should().BeNull();
    }

    [Fact]
    public void Explain_NamesTheCountingOptionForTheSlotAndTheCycle()
    {
        var derivations = FirstTwoGiven(StoppedInfusionCounting.CountsAsHeld).Apply(StoppedThird()).Schedule.Explain();

        var status = derivations.Single(d => d.Subject == "cycle 1 slot 3 status");
        status.Value.Should().Be("stopped");
        (status.RuleSet, status.RuleNumber).Should().Be((RuleSet.Replanning, 2));
        status.Inputs.Should().Contain(new KeyValuePair<string, string>("stopped-infusion counting", "CountsAsHeld"));
        status.Note.Should().Be("stopped: started 2027-03-11T00:00:00-05:00, stopped 2027-03-11T00:06:00-05:00 (hypotension); counts towards the cap as a held dose");
        derivations.Single(d => d.Subject == "cycle 1 slot 4 due").Inputs.Should().Contain(
            new KeyValuePair<string, string>("previous slot", "slot 3 started at 2027-03-11T00:00:00-05:00 (stopped)"));
        derivations.Single(d => d.Subject == "cycle 1 end").Inputs.Should().Contain(
            [new KeyValuePair<string, string>("doses stopped", "1"), new KeyValuePair<string, string>("stopped-infusion counting", "CountsAsHeld")]);
    }

    [Theory]
    [InlineData("2027-03-11T00:15:00-05:00")] // exactly the planned end
    [InlineData("2027-03-11T00:20:00-05:00")] // after it
    public void Rejects_AStopAtOrAfterThePlannedEnd(string end)
    {
        var record = FirstTwoGiven();

        var act = () => record.Apply(StoppedThird(end));

        act.Should().Throw<CourseEventRejectedException>()
            .Where(e => e.Rule == CourseEventRule.StopNotBeforeInfusionEnd)
            .Which.Reason.Should().Be(
                $"doseStopped s3 (cycle 1, slot 3, start 2027-03-11T00:00:00-05:00, end {end}, reason 'hypotension') is rejected by rule StopNotBeforeInfusionEnd: "
                + $"it ends at {end}, at or after its planned end at 2027-03-11T00:15:00-05:00 (the start plus the 15-minute infusion); record a full infusion as doseGiven; see re-planning rule 5 (Rejections).");
        record.Schedule.Cycles[0].DosesStopped.Should().Be(0);
    }

    [Fact]
    public void Rejects_AnEndNotAfterTheStart_WhenCreated()
    {
        // 00:00 -05:00 is 05:00 UTC; 23:59 -05:00 the day before is 04:59 UTC.
        var act = () => new DoseStopped("s3", 1, 3, At("2027-03-11T00:00:00-05:00"), At("2027-03-10T23:59:00-05:00"), "hypotension");

        act.Should().Throw<ArgumentException>().WithMessage("end must be after start 2027-03-11T05:00:00Z; was 2027-03-11T04:59:00Z*");
    }

    [Fact]
    public void Rejects_AnUnknownSlot()
    {
        var act = () => FirstTwoGiven().Apply(new DoseStopped("s16", 1, 16, At("2027-03-15T09:00:00-04:00"), At("2027-03-15T09:05:00-04:00"), "rigors"));

        act.Should().Throw<CourseEventRejectedException>().Where(e => e.Rule == CourseEventRule.UnknownSlot)
            .Which.Reason.Should().EndWith("is rejected by rule UnknownSlot: it names slot 16, but a cycle has 15 slots; see re-planning rule 5 (Rejections).");
    }

    [Fact]
    public void Rejects_StoppingTheSameSlotTwice()
    {
        var record = FirstTwoGiven().Apply(StoppedThird());

        var act = () => record.Apply(new DoseStopped("s3b", 1, 3, At("2027-03-11T00:00:00-05:00"), At("2027-03-11T00:08:00-05:00"), "hypotension"));

        act.Should().Throw<CourseEventRejectedException>().Where(e => e.Rule == CourseEventRule.AlreadyRecorded)
            .Which.Reason.Should().EndWith(
                "slot 3 of cycle 1 is already recorded by doseStopped s3 (cycle 1, slot 3, start 2027-03-11T00:00:00-05:00, end 2027-03-11T00:06:00-05:00, reason 'hypotension'); apply a Corrected event to change it; see re-planning rule 5 (Rejections).");
    }

    [Fact]
    public void Rejects_StoppingAHeldSlot()
    {
        var record = FirstTwoGiven().Apply(Held("h3", 1, 3));

        var act = () => record.Apply(StoppedThird());

        act.Should().Throw<CourseEventRejectedException>().Where(e => e.Rule == CourseEventRule.AlreadyRecorded)
            .Which.Reason.Should().EndWith("slot 3 of cycle 1 is already recorded by doseHeld h3 (cycle 1, slot 3, reason 'hypotension'); apply a Corrected event to change it; see re-planning rule 5 (Rejections).");
    }

    [Fact]
    public void Corrected_TurnsAStoppedInfusionIntoAGivenDose()
    {
        var record = FirstTwoGiven().Apply(StoppedThird())
            .Apply(new Corrected("c3", "s3", new DoseGiven("s3", 1, 3, At("2027-03-11T00:00:00-05:00"), null)));

        record.Schedule.Cycles[0].Slots[2].Status.Should().Be(DoseSlotStatus.Given);
        record.Schedule.Cycles[0].DosesStopped.Should().Be(0);
    }

    // Europe/London, 2027-10-31: BST (+01:00) ends at 02:00 BST, clocks go back to 01:00 GMT (+00:00).
    // First dose 2027-10-30 09:50 +01:00 (08:50 UTC); slot 3 is due 00:50 UTC = 01:50 +01:00 (the first
    // 01:50). Its planned end is 01:05 UTC = 01:05 +00:00 (the second 01:xx). Stopped at 01:02 +00:00
    // (01:02 UTC), 12 minutes in: a local clock time before the start's, an instant after it.
    [Fact]
    public void AcrossTheAutumnOverlap_TheStopIsCheckedByInstant()
    {
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        var record = CourseRecord.Start(new CoursePlanner().Plan(Local("2027-10-30T09:50"), london))
            .ApplyAll([Given("g1", 1, 1, "2027-10-30T09:50:00+01:00"), Given("g2", 1, 2, "2027-10-30T17:50:00+01:00")]);

        var cycle = record.Apply(new DoseStopped("s3", 1, 3, At("2027-10-31T01:50:00+01:00"), At("2027-10-31T01:02:00+00:00"), "hypotension"))
            .Schedule.Cycles[0];

        Rfc3339(cycle.Slots[2].Start).Should().Be("2027-10-31T01:50:00+01:00");
        Rfc3339(cycle.Slots[2].StoppedEnd!.Value).Should().Be("2027-10-31T01:02:00+00:00");
        // Slot 4: 00:50 UTC + 8 h = 08:50 UTC = 08:50 +00:00 (GMT).
        Rfc3339(cycle.Slots[3].Due).Should().Be("2027-10-31T08:50:00+00:00");
        var late = () => record.Apply(new DoseStopped("s3", 1, 3, At("2027-10-31T01:50:00+01:00"), At("2027-10-31T01:06:00+00:00"), "hypotension"));
        late.Should().Throw<CourseEventRejectedException>().Where(e => e.Rule == CourseEventRule.StopNotBeforeInfusionEnd)
            .Which.Reason.Should().Contain("it ends at 2027-10-31T01:06:00+00:00, at or after its planned end at 2027-10-31T01:05:00+00:00");
    }
}
