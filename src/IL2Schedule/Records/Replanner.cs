using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IL2Schedule.Rules;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>
/// Re-plans a course from its plan and the events in effect, checking every rule on the way
/// (the rules are documented on <see cref="CourseRecord"/>). The state before an event was
/// valid, so a broken rule found here is blamed on the event being applied.
/// </summary>
/// <remarks>
/// The rules compute in ticks (100 ns; <see cref="Ticks"/>): a due time, window end or infusion
/// end derived from a recorded time uses that time to the tick (a part of 100 ns is dropped; this
/// library's choice), while the recorded time itself is kept as given.
/// </remarks>
internal static class Replanner
{
    /// <remarks>
    /// Every time derived from a recorded one is checked before it is made (<see cref="TimeRange"/>,
    /// <see cref="FollowUpRules.Fit"/>): one past 9999-12-31 rejects the event by
    /// <see cref="CourseEventRule.OutOfRange"/>, without an exception thrown and caught.
    /// </remarks>
    internal static ReplannedSchedule Replan(CourseRecord record, IReadOnlyList<RecordedEvent> effective, Instant? clock, CourseEvent? applied) =>
        new Context(record, applied).Run(effective, clock);

    private sealed class Context(CourseRecord record, CourseEvent? applied)
    {
        private readonly CourseProtocol protocol = record.Plan.Protocol;
        private readonly DateTimeZone zone = record.Plan.Zone;
        private TzdbZoneMap map = new(record.Plan.Zone);

        internal ReplannedSchedule Run(IReadOnlyList<RecordedEvent> effective, Instant? clock)
        {
            int cycleCount = protocol.CycleCount;
            int slotCount = CycleWindowRule.MaxDoseTimes(protocol);
            var given = new RecordedEvent?[cycleCount, slotCount];
            var held = new RecordedEvent?[cycleCount, slotCount];
            var cycleStops = new RecordedEvent?[cycleCount];
            var reschedules = new RecordedEvent?[cycleCount];
            RecordedEvent? courseStop = null;
            RecordedEvent? discharge = null;
            var known = clock ?? Instant.MinValue;

            foreach (var entry in effective)
            {
                switch (entry.Event)
                {
                    case DoseGiven g:
                        CheckSlot(entry, g.Cycle, g.Slot, given, held);
                        given[g.Cycle - 1, g.Slot - 1] = entry;
                        known = Max(known, g.End ?? g.Start);
                        break;
                    case DoseStopped st:
                        CheckSlot(entry, st.Cycle, st.Slot, given, held);
                        given[st.Cycle - 1, st.Slot - 1] = entry;
                        known = Max(known, st.End);
                        break;
                    case DoseHeld h:
                        CheckSlot(entry, h.Cycle, h.Slot, given, held);
                        held[h.Cycle - 1, h.Slot - 1] = entry;
                        break;
                    case CycleStopped s:
                        CheckCycle(entry, s.Cycle);
                        cycleStops[s.Cycle - 1] = Once(entry, cycleStops[s.Cycle - 1], $"cycle {s.Cycle}'s stop");
                        known = Max(known, s.At);
                        break;
                    case CycleRescheduled r:
                        CheckCycle(entry, r.Cycle);
                        reschedules[r.Cycle - 1] = Once(entry, reschedules[r.Cycle - 1], $"cycle {r.Cycle}'s reschedule");
                        break;
                    case CourseStopped c:
                        courseStop = Once(entry, courseStop, "the course's stop");
                        known = Max(known, c.At);
                        break;
                    case Discharged:
                        discharge = Once(entry, discharge, "the discharge");
                        break;
                }
            }

            var courseStopAt = (courseStop?.Event as CourseStopped)?.At;
            var cycles = new ReplannedCycle[cycleCount];
            var givenInOrder = new List<(RecordedEvent Entry, Instant Start, Instant End)>();
            int number = 0;
            Instant previousWindowEnd = Instant.MinValue;
            for (int c = 0; c < cycleCount; c++)
            {
                var planned = record.Plan.Cycles[c];
                var reschedule = reschedules[c]?.Event as CycleRescheduled;
                var nominal = reschedule?.NewStart ?? planned.NominalStart;
                var nominalLocal = LocalTicks.From(nominal);
                var startResolution = planned.StartResolution;
                var firstDue = reschedule is null
                    ? planned.Start.ToInstant()
                    : CycleStartRule.TryResolve(ref map, nominalLocal, out long resolved, out startResolution) ? Ticks.ToInstant(resolved) : throw OutOfRange();
                var firstGiven = given[c, 0] is { } first ? StartOf(first.Event) : (Instant?)null;
                var windowStart = firstGiven is { } g0 && g0 < firstDue ? g0 : firstDue;
                var windowEnd = CycleWindowRule.TryEnd(protocol, ref map, nominalLocal, Ticks.From(windowStart), out long windowEndTicks) ? Ticks.ToInstant(windowEndTicks) : throw OutOfRange();

                if (c > 0 && (reschedule is not null || reschedules[c - 1] is not null) && windowStart < previousWindowEnd)
                {
                    var moved = reschedule is not null ? reschedules[c]!.Value : reschedules[c - 1]!.Value;
                    throw Reject(CourseEventRule.RescheduleOverlapsCycle, Text(
                        $"cycle {c + 1} would start at {Show(windowStart)}, before cycle {c}'s window closes at {Show(previousWindowEnd)}{(Name(moved) == "it" ? "" : " (" + moved.Describe(zone) + ")")}"));
                }

                var cycleStop = cycleStops[c]?.Event as CycleStopped;
                if (cycleStop is not null && cycleStop.At >= windowEnd)
                {
                    throw Reject(CourseEventRule.OutsideCycleWindow, Text(
                        $"cycle {c + 1} is stopped at {Show(cycleStop.At)}, at or after its window closed at {Show(windowEnd)}"));
                }
                var stopAt = Min(cycleStop?.At, courseStopAt);

                // Once a cycle is over (stopped, or its window closed by the known time), a slot due
                // before that with nothing recorded can no longer be given.
                var over = Min(stopAt, known >= windowEnd ? windowEnd : null);
                var cycle = PlanCycle(c, nominalLocal, firstDue, windowStart, windowEnd, stopAt, over, given, held, cycleStops[c], courseStop, ref number, givenInOrder);
                var endReason = EndReason(cycle, windowEnd, cycleStop, courseStopAt, known);
                cycles[c] = new ReplannedCycle(c + 1, nominal, reschedule is not null, startResolution, Zoned(windowStart), Zoned(windowEnd),
                    cycle.Slots, cycle.Given, cycle.Held, cycle.Stopped, endReason);
                previousWindowEnd = windowEnd;
            }

            for (int i = 1; i < givenInOrder.Count; i++)
            {
                var (previous, _, previousEnd) = givenInOrder[i - 1];
                var (next, nextStart, _) = givenInOrder[i];
                if (nextStart < previousEnd)
                {
                    throw Reject(CourseEventRule.OverlappingInfusions, Name(previous) == "it"
                        ? Text($"its infusion ends at {Show(previousEnd)}, after the next given dose {next.Describe(zone)} starts at {Show(nextStart)}")
                        : Text($"{Name(next)} starts at {Show(nextStart)}, before the previous given dose {previous.Describe(zone)} ends at {Show(previousEnd)}"));
                }
            }

            bool isComplete = courseStop is not null || cycles.All(cycle => cycle.HasEnded);
            var lastGivenEnd = givenInOrder.Count == 0 ? (Instant?)null : givenInOrder[^1].End;
            var lastPlannedEnd = cycles.SelectMany(cycle => cycle.Slots)
                .Where(slot => slot.Status == DoseSlotStatus.Planned)
                .Select(slot => (Instant?)slot.End.ToInstant())
                .DefaultIfEmpty(null)
                .Max();
            var courseEnd = isComplete ? lastGivenEnd : Max(lastPlannedEnd, lastGivenEnd);
            var dischargeDate = (discharge?.Event as Discharged)?.Date;
            var courseEndZoned = courseEnd is { } endInstant ? Zoned(endInstant) : (ZonedDateTime?)null;
            // A discharge being recorded must not precede the course end, projected or actual (a
            // discharge between cycles is not the one the label counts from). Once recorded, it
            // blocks only doses given after it: a later dose must not be refused for a projection.
            bool recordingDischarge = applied is Discharged || (applied is Corrected { Replacement: Discharged });
            var endToCheck = recordingDischarge ? courseEndZoned : lastGivenEnd is { } lastEnd ? Zoned(lastEnd) : null;
            if (dischargeDate is { } date && endToCheck is { } end && date < end.Date)
            {
                throw Reject(CourseEventRule.DischargeBeforeCourseEnd, Text(
                    $"{Name(discharge!.Value)} is before the course's {(recordingDischarge && !isComplete ? "projected " : "")}end date {ScheduleText.Format(end.Date)}: the label's 7-week minimum counts from the discharge after the course"));
            }
            if (courseEndZoned is { } zonedEnd && !FollowUpRules.Fit(protocol, CourseEndRule.Date(zonedEnd)))
            {
                throw OutOfRange();
            }
            return new ReplannedSchedule(record, known, cycles, isComplete, courseEndZoned, dischargeDate);
        }

        private (DoseSlot[] Slots, int Given, int Held, int Stopped, Instant? CapReachedAt) PlanCycle(
            int c, long nominalLocal, Instant firstDue, Instant windowStart, Instant windowEnd, Instant? stopAt, Instant? over,
            RecordedEvent?[,] given, RecordedEvent?[,] held, RecordedEvent? cycleStop, RecordedEvent? courseStop,
            ref int number, List<(RecordedEvent Entry, Instant Start, Instant End)> givenInOrder)
        {
            int slotCount = CycleWindowRule.MaxDoseTimes(protocol);
            int cap = protocol.MaxDosesPerCycle;
            var interval = protocol.DosingInterval;
            var halfInterval = interval / 2;
            int plannedCount = record.Plan.Cycles[c].Doses.Count;
            int lastGivenSlot = -1;
            for (int k = 0; k < slotCount; k++)
            {
                if (given[c, k] is not null)
                {
                    lastGivenSlot = k;
                }
            }

            var slots = new List<DoseSlot>(slotCount);
            int counted = 0;
            int givenCount = 0;
            int heldCount = 0;
            int stoppedCount = 0;
            Instant? capReachedAt = null;
            Instant? previousGivenStart = null;
            Instant due = firstDue;
            for (int k = 0; k < slotCount; k++)
            {
                if (k > 0)
                {
                    var previousStart = given[c, k - 1] is { } previous ? StartOf(previous.Event) : due;
                    due = DoseTimeRule.TryNext(protocol, ref map, nominalLocal, k, Ticks.From(previousStart), out long nextDue) ? Ticks.ToInstant(nextDue) : throw OutOfRange();
                }
                string slotName = Text($"slot {k + 1} of cycle {c + 1}");
                if (given[c, k] is { } givenEntry)
                {
                    var stopped = givenEntry.Event as DoseStopped;
                    var start = StartOf(givenEntry.Event);
                    var plannedEnd = InfusionEnd(start);
                    var end = stopped?.End ?? ((DoseGiven)givenEntry.Event).End ?? plannedEnd;
                    if (counted >= cap)
                    {
                        throw Reject(CourseEventRule.BeyondCap, Text($"{slotName} would be dose {counted + 1}, beyond the cap of {cap} doses {CapWording()} in a cycle"));
                    }
                    if (start < windowStart)
                    {
                        throw Reject(CourseEventRule.OutsideCycleWindow, Text($"{Name(givenEntry)} starts at {Show(start)}, before cycle {c + 1}'s window opens at {Show(windowStart)}; {(c == 0 ? "plan the course again from the actual first dose" : "record a cycleRescheduled first")}"));
                    }
                    if (due - start > halfInterval)
                    {
                        throw Reject(CourseEventRule.TooEarly, Text($"{Name(givenEntry)} starts at {Show(start)}, more than half a dosing interval before {slotName} is due at {Show(due)}"));
                    }
                    if (start >= windowEnd)
                    {
                        throw Reject(CourseEventRule.OutsideCycleWindow, Text($"{Name(givenEntry)} starts at {Show(start)}, at or after cycle {c + 1}'s window closed at {Show(windowEnd)}"));
                    }
                    if (stopAt is { } stop && start >= stop)
                    {
                        throw Reject(CourseEventRule.AfterStop, Text($"{Name(givenEntry)} starts at {Show(start)}, at or after {StopName(stop, cycleStop, courseStop)}"));
                    }
                    if (stopped is not null && end >= plannedEnd)
                    {
                        throw Reject(CourseEventRule.StopNotBeforeInfusionEnd, Text(
                            $"{Name(givenEntry)} ends at {Show(end)}, at or after its planned end at {Show(plannedEnd)} (the start plus the {(long)protocol.InfusionDuration.TotalMinutes}-minute infusion); record a full infusion as doseGiven"));
                    }
                    if (stopped is null || protocol.StoppedInfusionCounting == StoppedInfusionCounting.CountsAsGiven || record.HeldDosePolicy == HeldDosePolicy.Forfeit)
                    {
                        CountTowardsCap(start);
                    }
                    if (stopped is null)
                    {
                        givenCount++;
                    }
                    else
                    {
                        stoppedCount++;
                    }
                    previousGivenStart = start;
                    givenInOrder.Add((givenEntry, start, end));
                    slots.Add(new DoseSlot(++number, c + 1, k + 1, stopped is null ? DoseSlotStatus.Given : DoseSlotStatus.Stopped, Zoned(due), Zoned(start), Zoned(end), givenEntry.Id, null, stopped?.Reason));
                }
                else if (held[c, k] is { } heldEntry)
                {
                    if (counted >= cap)
                    {
                        throw Reject(CourseEventRule.BeyondCap, Text($"{slotName} comes after {cap} doses {CapWording()} or planned in the cycle (the cap); it is a reserve slot that is not needed"));
                    }
                    if (due >= windowEnd)
                    {
                        throw Reject(CourseEventRule.OutsideCycleWindow, Text($"{slotName} is due at {Show(due)}, at or after cycle {c + 1}'s window closed at {Show(windowEnd)}"));
                    }
                    if (stopAt is { } stop && due >= stop)
                    {
                        throw Reject(CourseEventRule.AfterStop, Text($"{slotName} is due at {Show(due)}, at or after {StopName(stop, cycleStop, courseStop)}"));
                    }
                    heldCount++;
                    if (record.HeldDosePolicy == HeldDosePolicy.Forfeit)
                    {
                        CountTowardsCap(due);
                    }
                    var reason = ((DoseHeld)heldEntry.Event).Reason;
                    slots.Add(new DoseSlot(++number, c + 1, k + 1, DoseSlotStatus.Held, Zoned(due), Zoned(due), Zoned(InfusionEnd(due)), heldEntry.Id, reason));
                }
                else if (counted < cap)
                {
                    DoseSlotStatus status;
                    if (k < lastGivenSlot
                        || (over is { } end && due < end)
                        || (protocol.DoseTiming == DoseTiming.WallClock && previousGivenStart is { } p && due - p < halfInterval))
                    {
                        status = DoseSlotStatus.Skipped;
                        if (record.HeldDosePolicy == HeldDosePolicy.Forfeit)
                        {
                            // Under Forfeit a dose not given in its slot is not made up, held or not.
                            CountTowardsCap(due);
                        }
                    }
                    else if ((stopAt is { } stop && due >= stop) || due >= windowEnd)
                    {
                        // Listed as cancelled only if the plan had it; a reserve slot that cannot be given is not listed.
                        counted++;
                        if (k >= plannedCount)
                        {
                            continue;
                        }
                        status = DoseSlotStatus.Cancelled;
                    }
                    else
                    {
                        status = DoseSlotStatus.Planned;
                        counted++;
                    }
                    slots.Add(new DoseSlot(++number, c + 1, k + 1, status, Zoned(due), Zoned(due), Zoned(InfusionEnd(due)), null, null));
                }
            }
            return ([.. slots], givenCount, heldCount, stoppedCount, capReachedAt);

            // A recorded dose (or, under Forfeit, a missed one) counts towards the cap; the cycle ends when it is reached.
            void CountTowardsCap(Instant at)
            {
                counted++;
                if (counted == cap)
                {
                    capReachedAt = at;
                }
            }
        }

        private static CycleEndReason EndReason((DoseSlot[] Slots, int Given, int Held, int Stopped, Instant? CapReachedAt) cycle, Instant windowEnd, CycleStopped? cycleStop, Instant? courseStopAt, Instant known)
        {
            var candidates = new List<(Instant At, CycleEndReason Reason)>(4);
            if (cycle.CapReachedAt is { } capAt)
            {
                candidates.Add((capAt, CycleEndReason.DoseCap));
            }
            if (cycleStop is not null)
            {
                candidates.Add((cycleStop.At, CycleEndReason.CycleStopped));
            }
            if (courseStopAt is { } courseAt && courseAt < windowEnd)
            {
                candidates.Add((courseAt, CycleEndReason.CourseStopped));
            }
            if (known >= windowEnd || !cycle.Slots.Any(slot => slot.Status == DoseSlotStatus.Planned))
            {
                candidates.Add((windowEnd, CycleEndReason.WindowClosed));
            }
            // A stable sort keeps the order above for ties: cap, cycle stop, course stop, window.
            return candidates.Count == 0 ? CycleEndReason.None : candidates.OrderBy(candidate => candidate.At).First().Reason;
        }

        /// <summary>The start of a dose that ran: a given dose or a stopped infusion.</summary>
        private static Instant StartOf(CourseEvent dose) => dose is DoseStopped stopped ? stopped.Start : ((DoseGiven)dose).Start;

        private string CapWording() => record.HeldDosePolicy == HeldDosePolicy.Forfeit ? "given or held" : "given";

        private string StopName(Instant stop, RecordedEvent? cycleStop, RecordedEvent? courseStop)
        {
            var by = cycleStop is { Event: CycleStopped s } && s.At == stop ? cycleStop.Value : courseStop!.Value;
            return $"the stop at {Show(stop)} ({by.Describe(zone)})";
        }

        private void CheckCycle(RecordedEvent entry, int cycle)
        {
            if (cycle > protocol.CycleCount)
            {
                throw Reject(CourseEventRule.UnknownCycle, Text($"{Name(entry)} names cycle {cycle}, but the course has {protocol.CycleCount} cycles"));
            }
        }

        private void CheckSlot(RecordedEvent entry, int cycle, int slot, RecordedEvent?[,] given, RecordedEvent?[,] held)
        {
            CheckCycle(entry, cycle);
            if (slot > CycleWindowRule.MaxDoseTimes(protocol))
            {
                throw Reject(CourseEventRule.UnknownSlot, Text($"{Name(entry)} names slot {slot}, but a cycle has {CycleWindowRule.MaxDoseTimes(protocol)} slots"));
            }
            if ((given[cycle - 1, slot - 1] ?? held[cycle - 1, slot - 1]) is { } earlier)
            {
                throw Reject(CourseEventRule.AlreadyRecorded, Text($"slot {slot} of cycle {cycle} is already recorded by {earlier.Describe(zone)}; apply a Corrected event to change it"));
            }
        }

        private RecordedEvent Once(RecordedEvent entry, RecordedEvent? earlier, string what) =>
            earlier is { } e
                ? throw Reject(CourseEventRule.AlreadyRecorded, $"{what} is already recorded by {e.Describe(zone)}; apply a Corrected event to change it")
                : entry;

        internal CourseEventRejectedException Reject(CourseEventRule rule, string detail) =>
            applied is null
                ? throw new InvalidOperationException("A recorded course broke rule " + rule + " without a new event: " + detail)
                : new CourseEventRejectedException(applied, rule, CourseEventRejectedException.FormatMessage(applied.Describe(zone), rule, detail));

        /// <summary>"it" for the event being applied (already named at the start of the message); otherwise the event's description.</summary>
        private string Name(RecordedEvent entry) =>
            ReferenceEquals(entry.Event, applied) || (applied is Corrected c && ReferenceEquals(entry.Event, c.Replacement))
                ? "it"
                : entry.Describe(zone);

        private string Show(Instant instant) => ScheduleText.Format(Zoned(instant));

        /// <summary>The event is rejected: a time or date that follows from it would pass 9999-12-31.</summary>
        private CourseEventRejectedException OutOfRange() =>
            Reject(CourseEventRule.OutOfRange, "the dates that follow would pass 9999-12-31, the last date that can be represented");

        /// <summary><paramref name="instant"/> in the course's zone, or the out-of-range rejection if its local time cannot be represented.</summary>
        private ZonedDateTime Zoned(Instant instant) =>
            TimeRange.Holds(ref map, Ticks.From(instant)) ? instant.InZone(zone) : throw OutOfRange();

        /// <summary>The end of an infusion that starts at <paramref name="start"/> (<see cref="InfusionRule"/>), or the out-of-range rejection.</summary>
        private Instant InfusionEnd(Instant start) =>
            TimeRange.Holds(ref map, InfusionRule.End(protocol, Ticks.From(start))) ? Ticks.ToInstant(InfusionRule.End(protocol, Ticks.From(start))) : throw OutOfRange();

        private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        private static Instant Max(Instant a, Instant b) => a > b ? a : b;

        private static Instant? Max(Instant? a, Instant? b) => a is null ? b : b is null ? a : Max(a.Value, b.Value);

        private static Instant? Min(Instant? a, Instant? b) => a is null ? b : b is null ? a : (a.Value < b.Value ? a : b);
    }
}
