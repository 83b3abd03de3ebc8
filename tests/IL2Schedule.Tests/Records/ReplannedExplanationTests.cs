using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

/// <summary>
/// <see cref="ReplannedSchedule.Explain"/> of a recorded course, derivation by derivation: subject,
/// value, rule (table and number), inputs and note.
/// </summary>
/// <remarks>
/// The worked example (label protocol, America/New_York; 2027-03-14 02:00 EST -05:00 becomes 03:00
/// EDT -04:00), 72.5 kg. Every expected time is worked by hand (elapsed arithmetic in UTC) and
/// checked with Python zoneinfo; none comes from the code under test.
/// Cycle 1: slot 1 given on time 2027-03-10 08:00 -05:00; slot 2 held (due 16:00 -05:00); slot 3
/// due 16:00 + 8 h = 2027-03-11 00:00 -05:00, given late at 00:30 -05:00; slot 4 due 00:30 + 8 h =
/// 08:30 -05:00, started then and stopped at 08:36 -05:00 (rigors); the cycle stopped at 12:00
/// -05:00, so slot 5 (due 08:30 + 8 h = 16:30 -05:00) and the later slots are cancelled.
/// Cycle 2 rescheduled from day 15 (2027-03-24 08:00) to 2027-03-25 08:00 -04:00; slot 1 given 2 h
/// early at 06:00 -04:00, so its window opens then and closes 120 h later, 2027-03-30 06:00 -04:00;
/// slot 2 held (due 06:00 + 8 h = 14:00 -04:00); slot 3 due 22:00 -04:00, stopped 22:00-22:05
/// (hypotension); slots 4-15 planned from 2027-03-26 06:00 -04:00 every 8 h (12 slots, reserve slot
/// 15 replacing the held one), the last 2027-03-29 22:00, ending 22:15 -04:00.
/// </remarks>
public class ReplannedExplanationTests
{
    internal static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    internal static Instant At(string rfc3339) => OffsetDateTimeOf(rfc3339).ToInstant();

    internal static CourseRecord Plan(CourseProtocol protocol, HeldDosePolicy policy = HeldDosePolicy.UseReserveSlots) =>
        CourseRecord.Start(new CoursePlanner(protocol).Plan(Local("2027-03-10T08:00"), NewYork), 1, policy);

    /// <summary>The course of the remarks: held and stopped doses in both cycles, cycle 1 stopped, cycle 2 rescheduled and running.</summary>
    internal static CourseRecord InProgress() => Plan(CourseProtocol.Label).WithBodyWeight(72.5m).ApplyAll(
    [
        new CycleRescheduled("r2", 2, Local("2027-03-25T08:00")),
        new DoseGiven("g1", 1, 1, At("2027-03-10T08:00:00-05:00"), null),
        new DoseHeld("h2", 1, 2, "hypotension"),
        new DoseGiven("g3", 1, 3, At("2027-03-11T00:30:00-05:00"), null),
        new DoseStopped("s4", 1, 4, At("2027-03-11T08:30:00-05:00"), At("2027-03-11T08:36:00-05:00"), "rigors"),
        new CycleStopped("x1", 1, At("2027-03-11T12:00:00-05:00"), "oliguria"),
        new DoseGiven("g21", 2, 1, At("2027-03-25T06:00:00-04:00"), null),
        new DoseHeld("h22", 2, 2, "fever"),
        new DoseStopped("s23", 2, 3, At("2027-03-25T22:00:00-04:00"), At("2027-03-25T22:05:00-04:00"), "hypotension"),
    ]);

    /// <summary>"subject = value by re-planning 2 from name value, name value; note": everything but the rule's name and source (RuleBook's tests pin those).</summary>
    internal static string Line(Derivation derivation) =>
        $"{derivation.Subject} = {derivation.Value} by {(derivation.RuleSet == RuleSet.Replanning ? "re-planning" : "planning")} {derivation.RuleNumber}"
        + $" from {string.Join(", ", derivation.Inputs.Select(input => input.Key + " " + input.Value))}{(derivation.Note is null ? "" : "; " + derivation.Note)}";

    internal static string Explained(IReadOnlyList<Derivation> derivations, string subject) => Line(derivations.Single(d => d.Subject == subject));

    [Fact]
    public void Explain_CycleStartsAndWindows_NameTheRescheduleAndTheEarlyFirstDose()
    {
        var derivations = InProgress().Schedule.Explain();

        Explained(derivations, "cycle 1 start").Should().Be(
            "cycle 1 start = 2027-03-10T08:00:00-05:00 by planning 1 from requested first dose 2027-03-10T08:00:00, zone America/New_York");
        Explained(derivations, "cycle 1 window opens").Should().Be(
            "cycle 1 window opens = 2027-03-10T08:00:00-05:00 by re-planning 2 from first slot due 2027-03-10T08:00:00-05:00");
        // 120 h after 13:00Z is 2027-03-15 13:00Z = 09:00 EDT.
        Explained(derivations, "cycle 1 window end").Should().Be(
            "cycle 1 window end = 2027-03-15T09:00:00-04:00 by planning 4 from window opens 2027-03-10T08:00:00-05:00, cycle length 5 days; exclusive");
        // The rescheduled start is the first slot's due time (08:00 EDT), not the plan's day 15 (2027-03-24).
        Explained(derivations, "cycle 2 start").Should().Be(
            "cycle 2 start = 2027-03-25T08:00:00-04:00 by re-planning 3 from rescheduled start 2027-03-25T08:00:00, zone America/New_York");
        Explained(derivations, "cycle 2 window opens").Should().Be(
            "cycle 2 window opens = 2027-03-25T06:00:00-04:00 by re-planning 2 from first slot due 2027-03-25T08:00:00-04:00; the first dose was given before its slot was due");
        Explained(derivations, "cycle 2 window end").Should().Be(
            "cycle 2 window end = 2027-03-30T06:00:00-04:00 by planning 4 from window opens 2027-03-25T06:00:00-04:00, cycle length 5 days; exclusive");
    }

    [Fact]
    public void Explain_EachSlot_GivesItsDueTimeFromThePreviousSlotAndItsStatus()
    {
        var derivations = InProgress().Schedule.Explain();

        string[] expected =
        [
            "cycle 1 slot 1 due = 2027-03-10T08:00:00-05:00 by re-planning 1 from timing Elapsed, previous slot none (the cycle's first slot)",
            "cycle 1 slot 1 status = given by re-planning 1 from event g1; given 2027-03-10T08:00:00-05:00 to 2027-03-10T08:15:00-05:00",
            "cycle 1 slot 2 due = 2027-03-10T16:00:00-05:00 by re-planning 1 from timing Elapsed, previous slot slot 1 given at 2027-03-10T08:00:00-05:00",
            "cycle 1 slot 2 status = held by re-planning 1 from event h2; held: hypotension",
            // A held slot keeps its due time: slot 3 is due 16:00 + 8 h.
            "cycle 1 slot 3 due = 2027-03-11T00:00:00-05:00 by re-planning 1 from timing Elapsed, previous slot slot 2 due 2027-03-10T16:00:00-05:00",
            "cycle 1 slot 3 status = given by re-planning 1 from event g3; given 2027-03-11T00:30:00-05:00 to 2027-03-11T00:45:00-05:00",
            "cycle 1 slot 4 due = 2027-03-11T08:30:00-05:00 by re-planning 1 from timing Elapsed, previous slot slot 3 given at 2027-03-11T00:30:00-05:00",
            "cycle 1 slot 4 status = stopped by re-planning 2 from event s4, stopped-infusion counting CountsAsGiven; "
                + "stopped: started 2027-03-11T08:30:00-05:00, stopped 2027-03-11T08:36:00-05:00 (rigors); counts towards the cap as a given dose",
            "cycle 1 slot 5 due = 2027-03-11T16:30:00-05:00 by re-planning 1 from timing Elapsed, previous slot slot 4 started at 2027-03-11T08:30:00-05:00 (stopped)",
            // Due at or after the cycle's stop (12:00 -05:00): cancelled, re-planning rule 2, no event.
            "cycle 1 slot 5 status = cancelled by re-planning 2 from ",
            "cycle 1 slot 6 due = 2027-03-12T00:30:00-05:00 by re-planning 1 from timing Elapsed, previous slot slot 5 due 2027-03-11T16:30:00-05:00",
        ];
        derivations.Select(Line).SkipWhile(line => !line.StartsWith("cycle 1 slot 1 due", StringComparison.Ordinal)).Take(expected.Length)
            .Should().Equal(expected);

        Explained(derivations, "cycle 2 slot 1 due").Should().Be(
            "cycle 2 slot 1 due = 2027-03-25T08:00:00-04:00 by re-planning 1 from timing Elapsed, previous slot none (the cycle's first slot)");
        Explained(derivations, "cycle 2 slot 1 status").Should().Be(
            "cycle 2 slot 1 status = given by re-planning 1 from event g21; given 2027-03-25T06:00:00-04:00 to 2027-03-25T06:15:00-04:00");
        Explained(derivations, "cycle 2 slot 3 due").Should().Be(
            "cycle 2 slot 3 due = 2027-03-25T22:00:00-04:00 by re-planning 1 from timing Elapsed, previous slot slot 2 due 2027-03-25T14:00:00-04:00");
        Explained(derivations, "cycle 2 slot 4 due").Should().Be(
            "cycle 2 slot 4 due = 2027-03-26T06:00:00-04:00 by re-planning 1 from timing Elapsed, previous slot slot 3 started at 2027-03-25T22:00:00-04:00 (stopped)");
        Explained(derivations, "cycle 2 slot 4 status").Should().Be("cycle 2 slot 4 status = planned by re-planning 1 from ");
        // Reserve slot 15 is planned in place of the held slot 2: 06:00 on 03-26 + 11 x 8 h = 2027-03-29 22:00 -04:00.
        Explained(derivations, "cycle 2 slot 15 due").Should().Be(
            "cycle 2 slot 15 due = 2027-03-29T22:00:00-04:00 by re-planning 1 from timing Elapsed, previous slot slot 14 due 2027-03-29T14:00:00-04:00");
    }

    [Fact]
    public void Explain_CycleEnds_GiveTheReasonOrRunning_WithTheCountsAndOptions()
    {
        var derivations = InProgress().Schedule.Explain();

        Explained(derivations, "cycle 1 end").Should().Be(
            "cycle 1 end = CycleStopped by re-planning 2 from doses given 2, doses held 1, doses stopped 1, dose cap 14, held-dose policy UseReserveSlots, stopped-infusion counting CountsAsGiven");
        Explained(derivations, "cycle 2 end").Should().Be(
            "cycle 2 end = running by re-planning 2 from doses given 1, doses held 1, doses stopped 1, dose cap 14, held-dose policy UseReserveSlots, stopped-infusion counting CountsAsGiven");
    }

    [Fact]
    public void Explain_CourseInProgress_ProjectsTheEndAndTheFollowUpAndTotalsTheGivenDoses()
    {
        var derivations = InProgress().Schedule.Explain();

        // The last planned dose, cycle 2 slot 15, ends 22:00 + 15 min = 2027-03-29 22:15 -04:00; + 4 weeks = 2027-04-26;
        // the window is + 6 weeks = 2027-05-10 to + 12 weeks = 2027-06-21.
        string[] expected =
        [
            "course end = 2027-03-29T22:15:00-04:00 by re-planning 4 from course complete no; projected: the end of the last planned dose",
            "course end date = 2027-03-29 by planning 6 from course end 2027-03-29T22:15:00-04:00, zone America/New_York",
            "imaging date by the protocol = 2027-04-26 by planning 7 from course end date 2027-03-29, delay 4 weeks",
            "next-course window start by the course end = 2027-05-10 by planning 8 from course end date 2027-03-29, after it 6 weeks",
            "next-course window end = 2027-06-21 by planning 8 from course end date 2027-03-29, after it 12 weeks; inclusive",
            "next-course window = 2027-05-10/2027-06-21 by planning 8 from the window by the course end alone 2027-05-10/2027-06-21",
            // 72.5 kg x 600,000 IU/kg = 43,500,000 IU; x 0.037 mg/kg = 2.6825 mg; 2 vials of 22 million IU; 50 mL; 2.6825 / 50 = 0.05365 mg/mL.
            "dose IU = 43500000 by planning 14 from body weight 72.5 kg, IU/kg 600000",
            "dose mg = 2.6825 by planning 14 from body weight 72.5 kg, mg/kg 0.037",
            "vials = 2 by planning 14 from dose IU 43500000, IU per vial 22000000; rounded up",
            "diluent mL = 50 by planning 14 from dose IU 43500000; 25 mL up to 25.4 million IU, 50 mL up to 60 million IU, 100 mL above (label section 2.5)",
            "final concentration mg/mL = 0.05365 by planning 15 from dose mg 2.6825, diluent mL 50, label range 0.03-0.07; within the label's range",
            // Three full doses given (cycle 1 slots 1 and 3, cycle 2 slot 1); the stopped infusions are left out.
            "course IU given = 130500000 by planning 14 from dose IU 43500000, doses given 3",
        ];
        derivations.Select(Line).SkipWhile(line => !line.StartsWith("course end =", StringComparison.Ordinal)).Should().Equal(expected);
    }

    [Fact]
    public void Totals_SumBothCycles_AndTheGivenAmountsAreTheDoseTimesTheFullDosesGiven()
    {
        var schedule = InProgress().Schedule;

        // One held and one stopped dose in each cycle: the course counts are the sums (2), not the largest (1).
        (schedule.DosesGiven, schedule.DosesHeld, schedule.DosesStopped, schedule.DosesPlanned).Should().Be((3, 2, 2, 12));
        schedule.GivenCourseInternationalUnits.Should().Be(130_500_000m); // 43,500,000 x 3
        schedule.GivenCourseMilligrams.Should().Be(8.0475m); // 2.6825 x 3
        schedule.ToString().Should().Be("3 given, 2 held, 2 stopped, 12 planned; in progress; projected end 2027-03-29T22:15:00-04:00; imaging 2027-04-26");
        schedule.Cycles[0].ToString().Should().Be(
            "cycle 1: 2027-03-10T08:00:00-05:00 to 2027-03-15T09:00:00-04:00, 2 given, 1 held, 1 stopped, ended (cycle stopped)");
        schedule.Cycles[1].ToString().Should().Be(
            "cycle 2 (rescheduled): 2027-03-25T06:00:00-04:00 to 2027-03-30T06:00:00-04:00, 1 given, 1 held, 1 stopped, running");
        schedule.Cycles[0].Slots[1].ToString().Should().Be("cycle 1 slot 2: held, due 2027-03-10T16:00:00-05:00 (hypotension)");
        schedule.Cycles[1].Slots[2].ToString().Should().Be(
            "cycle 2 slot 3: stopped, given 2027-03-25T22:00:00-04:00, stopped 2027-03-25T22:05:00-04:00 (hypotension)");
    }
}
