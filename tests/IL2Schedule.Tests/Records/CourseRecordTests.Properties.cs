using System.Globalization;
using System.Threading;
using CsCheck;
using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule.Tests.Records;

// Property tests: random event sequences on the worked example (both held-dose policies, both
// dose timings): doses given or held at the next planned slot with small random delays, doses at
// random slots, cycle and course stops, and repeated messages; each applied with a catch of
// CourseEventRejectedException. The invariants are checked against the recorded events and the
// plan, never against the re-planned schedule alone.
public partial class CourseRecordTests
{
    private const int SequenceIterations = 150;

    /// <summary>One step: what to do (0-15), a cycle (1-2), a slot (1-15), a delay in minutes and an infusion length choice.</summary>
    private static readonly Gen<(int Kind, int Cycle, int Slot, int DelayMinutes, int EndMinutes)> AnyStep =
        Gen.Select(Gen.Int[0, 15], Gen.Int[1, 2], Gen.Int[1, 15], Gen.Int[-300, 600], Gen.Int[0, 40]);

    private static readonly Gen<(HeldDosePolicy Policy, DoseTiming Timing, (int Kind, int Cycle, int Slot, int DelayMinutes, int EndMinutes)[] Steps)> AnySequence =
        Gen.Select(Gen.Enum<HeldDosePolicy>(), Gen.Enum<DoseTiming>(), AnyStep.Array[1, 50]);

    [Fact]
    public void Apply_AnyEventSequence_KeepsTheCapWindowsStopsAndNoOverlaps()
    {
        int withACycleAtTheCap = 0;
        int withAStop = 0;
        int withARejection = 0;
        AnySequence.Sample(
            sequence =>
            {
                var (record, accepted) = Replay(sequence.Policy, sequence.Timing, sequence.Steps);
                ShouldKeepRecordInvariants(record);
                if (record.Schedule.Cycles.Any(cycle => cycle.EndReason == CycleEndReason.DoseCap))
                {
                    Interlocked.Increment(ref withACycleAtTheCap);
                }
                if (record.EffectiveEvents.Any(e => e is CycleStopped or CourseStopped))
                {
                    Interlocked.Increment(ref withAStop);
                }
                if (accepted.Count < sequence.Steps.Length)
                {
                    Interlocked.Increment(ref withARejection);
                }
            },
            iter: SequenceIterations);

        // The sequences reach the rules under test, so the invariants are not checked on empty records only.
        // The generator must reach each case. Reaching the cap is rare (about 5% of sequences, so
        // about 7 expected): any at all is asked for, which a fresh seed misses about once in a thousand runs.
        withACycleAtTheCap.Should().BeGreaterThan(0);
        withAStop.Should().BeGreaterThan(SequenceIterations / 10);
        withARejection.Should().BeGreaterThan(SequenceIterations / 4);
    }

    [Fact]
    public void ApplyAll_TheAcceptedEvents_EqualsApplyingThemOneAtATime()
    {
        AnySequence.Sample(
            sequence =>
            {
                var (oneAtATime, accepted) = Replay(sequence.Policy, sequence.Timing, sequence.Steps);

                var allAtOnce = Start(sequence.Policy, sequence.Timing).ApplyAll(accepted);

                allAtOnce.Equals(oneAtATime).Should().BeTrue();
                allAtOnce.GetHashCode().Should().Be(oneAtATime.GetHashCode());
                allAtOnce.Events.Should().Equal(oneAtATime.Events);
                Snapshot(allAtOnce.Schedule).Should().Be(Snapshot(oneAtATime.Schedule));
            },
            iter: SequenceIterations / 2);
    }

    private static readonly string[] RecordTzdbIds = DateTimeZoneProviders.Tzdb.Ids.ToArray();

    private static readonly Gen<(string ZoneId, LocalDateTime FirstDose, DoseTiming Timing)> AnyPlannedCourse =
        Gen.Select(
            Gen.Int[0, RecordTzdbIds.Length - 1],
            Gen.Int[0, 365 * 40],
            Gen.Int[0, (24 * 60) - 1],
            Gen.Enum<DoseTiming>(),
            (zone, day, minute, timing) => (RecordTzdbIds[zone], new LocalDate(2000, 1, 1).PlusDays(day).At(LocalTime.Midnight.PlusMinutes(minute)), timing));

    // A record with no events re-plans exactly the planner's course: the same due times (both
    // timings, across every zone's changes), windows, course end and follow-up dates.
    [Fact]
    public void Start_AnyPlannedCourse_ReplansThePlanUnchanged()
    {
        AnyPlannedCourse.Sample(
            course =>
            {
                var zone = DateTimeZoneProviders.Tzdb[course.ZoneId];
                CourseSchedule plan;
                try
                {
                    plan = new CoursePlanner(CourseProtocol.Label.WithDoseTiming(course.Timing)).Plan(course.FirstDose, zone, Resolvers.LenientResolver);
                }
                catch (ArgumentException) when (course.Timing == DoseTiming.WallClock)
                {
                    return; // a date-line move the planner refuses for wall-clock timing
                }

                var schedule = CourseRecord.Start(plan).Schedule;

                schedule.Slots.Select(slot => (slot.Status, slot.Due, slot.End)).Should().Equal(
                    plan.Doses.Select(dose => (DoseSlotStatus.Planned, dose.Start, dose.End)), "{0} from {1} ({2})", course.ZoneId, course.FirstDose, course.Timing);
                schedule.Cycles.Select(cycle => (cycle.Start, cycle.WindowEnd, cycle.NominalStart)).Should().Equal(
                    plan.Cycles.Select(cycle => (cycle.Start, cycle.WindowEnd, cycle.NominalStart)));
                schedule.CourseEnd.Should().Be(plan.CourseEnd);
                schedule.ResponseAssessmentDate.Should().Be(plan.ResponseAssessmentDate);
                (schedule.NextCourseWindow!.Dates == plan.NextCourseWindow.Dates).Should().BeTrue();
            },
            iter: 300);
    }

    private static CourseRecord Start(HeldDosePolicy policy, DoseTiming timing) =>
        CourseRecord.Start(WorkedExamplePlan(timing), 1, policy);

    /// <summary>
    /// Applies the steps, keeping the accepted events (repeated messages included); a rejected
    /// event must leave the record as it was.
    /// </summary>
    private static (CourseRecord Record, List<CourseEvent> Accepted) Replay(
        HeldDosePolicy policy, DoseTiming timing, (int Kind, int Cycle, int Slot, int DelayMinutes, int EndMinutes)[] steps)
    {
        var record = Start(policy, timing);
        var accepted = new List<CourseEvent>();
        for (int i = 0; i < steps.Length; i++)
        {
            var courseEvent = MakeEvent(record, accepted, i, steps[i]);
            if (courseEvent is null)
            {
                continue;
            }
            int count = record.Events.Count;
            try
            {
                var next = record.Apply(courseEvent);
                if (accepted.Contains(courseEvent) && !ReferenceEquals(next, record))
                {
                    throw new InvalidOperationException("A repeated message is not a no-op: " + courseEvent);
                }
                record = next;
                accepted.Add(courseEvent);
            }
            catch (CourseEventRejectedException e) when (ReferenceEquals(e.Event, courseEvent) && record.Events.Count == count)
            {
                // Rejected, and the record is unchanged.
            }
        }
        return (record, accepted);
    }

    /// <summary>Turns a random step into an event for the record as it stands (or null when there is nothing to do).</summary>
    private static CourseEvent? MakeEvent(CourseRecord record, List<CourseEvent> accepted, int index, (int Kind, int Cycle, int Slot, int DelayMinutes, int EndMinutes) step)
    {
        string id = string.Create(CultureInfo.InvariantCulture, $"p{index}");
        var delay = Duration.FromMinutes(step.DelayMinutes / 10); // -30 to +60 minutes, mostly small
        var nextPlanned = record.Schedule.Cycles[step.Cycle - 1].Slots.FirstOrDefault(slot => slot.Status == DoseSlotStatus.Planned);
        Instant? end(Instant start) => step.EndMinutes < 15 ? null : start + Duration.FromMinutes(step.EndMinutes);
        switch (step.Kind)
        {
            case <= 9:
                if (nextPlanned is null)
                {
                    return null;
                }
                var start = nextPlanned.Due.ToInstant() + delay;
                return new DoseGiven(id, step.Cycle, nextPlanned.Slot, start, end(start));
            case 10:
                return nextPlanned is null ? null : new DoseHeld(id, step.Cycle, nextPlanned.Slot, "toxicity");
            case 11:
                // Any slot, from the plan's first dose of the cycle, with a delay of up to +-10 hours.
                var anyStart = record.Plan.Cycles[step.Cycle - 1].Start.ToInstant()
                    + (Duration.FromHours(8) * (step.Slot - 1)) + Duration.FromMinutes(step.DelayMinutes);
                return new DoseGiven(id, step.Cycle, step.Slot, anyStart, end(anyStart));
            case 12:
                var stopAt = (nextPlanned?.Due ?? record.Plan.Cycles[step.Cycle - 1].Start).ToInstant() + Duration.FromMinutes(step.DelayMinutes);
                return step.Slot < 4 ? new CycleStopped(id, step.Cycle, stopAt, "toxicity") : null;
            case 13:
                return accepted.Count == 0 ? null : accepted[step.Slot % accepted.Count];
            default:
                var courseStopAt = (nextPlanned?.Due ?? record.Plan.Cycles[step.Cycle - 1].Start).ToInstant() + Duration.FromMinutes(step.DelayMinutes);
                return step.Slot == 1 ? new CourseStopped(id, courseStopAt, "toxicity") : null;
        }
    }

    /// <summary>Checks the record's invariants from its effective events and its plan, and fails once with every broken one.</summary>
    private static void ShouldKeepRecordInvariants(CourseRecord record)
    {
        var problems = new List<string>();
        void Check(bool holds, string invariant)
        {
            if (!holds)
            {
                problems.Add(invariant);
            }
        }

        var protocol = record.Plan.Protocol;
        var effective = record.EffectiveEvents;
        var given = effective.OfType<DoseGiven>().ToArray();
        var held = effective.OfType<DoseHeld>().ToArray();
        var courseStop = effective.OfType<CourseStopped>().SingleOrDefault();

        for (int cycle = 1; cycle <= protocol.CycleCount; cycle++)
        {
            string name = "cycle " + TimeText.Invariant(cycle);
            var cycleGiven = given.Where(dose => dose.Cycle == cycle).ToArray();
            int cycleHeld = held.Count(dose => dose.Cycle == cycle);
            Check(cycleGiven.Length <= protocol.MaxDosesPerCycle, name + ": at most the cap of doses given");
            if (record.HeldDosePolicy == HeldDosePolicy.Forfeit)
            {
                Check(cycleGiven.Length + cycleHeld <= protocol.MaxDosesPerCycle, name + ": under Forfeit, at most the cap given or held");
            }
            Check(record.Schedule.Cycles[cycle - 1].DosesGiven == cycleGiven.Length, name + ": the schedule counts the given doses");

            // The window: 120 elapsed hours from the planned first slot, or from slot 1's start if earlier.
            var plannedStart = record.Plan.Cycles[cycle - 1].Start.ToInstant();
            var slotOne = cycleGiven.FirstOrDefault(dose => dose.Slot == 1);
            var windowStart = slotOne is not null && slotOne.Start < plannedStart ? slotOne.Start : plannedStart;
            var windowEnd = windowStart + Duration.FromHours(120);
            foreach (var dose in cycleGiven)
            {
                Check(dose.Start >= windowStart && dose.Start < windowEnd, name + ": " + dose + " inside the window");
                Check(courseStop is null || dose.Start < courseStop.At, name + ": " + dose + " before the course stop");
            }
            foreach (var stop in effective.OfType<CycleStopped>().Where(stop => stop.Cycle == cycle))
            {
                Check(cycleGiven.All(dose => dose.Start < stop.At), name + ": every given dose before the cycle stop");
            }
        }

        var infusions = given.Select(dose => (dose.Start, End: dose.End ?? dose.Start + Duration.FromMinutes(15))).OrderBy(infusion => infusion.Start).ToArray();
        for (int i = 1; i < infusions.Length; i++)
        {
            Check(infusions[i].Start >= infusions[i - 1].End, "no overlapping infusions at " + infusions[i].Start);
        }
        Check(record.Schedule.Slots.Count(slot => slot.Status == DoseSlotStatus.Given) == given.Length, "every given dose is listed once");
        Check(record.Schedule.Slots.Count(slot => slot.Status == DoseSlotStatus.Held) == held.Length, "every held dose is listed once");

        problems.Should().BeEmpty("these invariants hold after {0}", string.Join(", ", record.Events));
    }
}
