using System.Collections.Generic;
using System.Linq;
using NodaTime;
using static IL2Schedule.CourseExplanation;

namespace IL2Schedule.Records;

/// <summary>
/// Builds the derivations of a re-planned course (<see cref="ReplannedSchedule.Explain"/>): each
/// cycle's start, window and end, each slot's due time and status, the course end and the dates and
/// amounts that follow. Rule numbers, names and sources come from <see cref="RuleBook"/>.
/// </summary>
internal static class ReplannedExplanation
{
    internal static List<Derivation> For(ReplannedSchedule schedule)
    {
        var plan = schedule.Record.Plan;
        var protocol = plan.Protocol;
        var list = new List<Derivation>();
        foreach (var cycle in schedule.Cycles)
        {
            var planned = plan.Cycles[cycle.Number - 1];
            var firstDue = cycle.Slots.Count > 0 && cycle.Slots[0].Slot == 1 ? cycle.Slots[0].Due : planned.Start;
            list.Add(CycleStart(plan, cycle.Number, cycle.NominalStart, cycle.IsRescheduled ? firstDue : planned.Start, cycle.StartResolution, cycle.IsRescheduled));
            list.Add(new Derivation($"cycle {cycle.Number} window opens", Format(cycle.Start), RuleBook.Replanning(2),
                [Input("first slot due", Format(firstDue))],
                cycle.Start.ToInstant() < firstDue.ToInstant() ? "the first dose was given before its slot was due" : null));
            list.Add(new Derivation($"cycle {cycle.Number} window end", Format(cycle.WindowEnd), RuleBook.Planning(protocol.CycleWindowCounting == CycleWindowCounting.CalendarDays ? 12 : 4),
                [Input("window opens", Format(cycle.Start)), Input("cycle length", Number(protocol.CycleLengthDays) + " days")], "exclusive"));
            foreach (var slot in cycle.Slots)
            {
                list.Add(new Derivation($"cycle {cycle.Number} slot {slot.Slot} due", Format(slot.Due), RuleBook.Replanning(1),
                    [Input("timing", protocol.DoseTiming.ToString()), Input("previous slot", PreviousSlot(cycle, slot))]));
                list.Add(new Derivation($"cycle {cycle.Number} slot {slot.Slot} status", Status(slot.Status),
                    RuleBook.Replanning(slot.Status is DoseSlotStatus.Given or DoseSlotStatus.Held or DoseSlotStatus.Planned ? 1 : 2),
                    SlotInputs(slot, protocol),
                    slot.Status switch
                    {
                        DoseSlotStatus.Given => $"given {Format(slot.Start)} to {Format(slot.End)}",
                        DoseSlotStatus.Held => "held: " + slot.HeldReason,
                        DoseSlotStatus.Stopped => $"stopped: started {Format(slot.Start)}, stopped {Format(slot.End)} ({slot.StopReason}); counts towards the cap {(protocol.StoppedInfusionCounting == StoppedInfusionCounting.CountsAsGiven ? "as a given dose" : "as a held dose")}",
                        _ => null,
                    }));
            }
            list.Add(new Derivation($"cycle {cycle.Number} end", cycle.HasEnded ? cycle.EndReason.ToString() : "running", RuleBook.Replanning(2),
                [Input("doses given", Number(cycle.DosesGiven)), Input("doses held", Number(cycle.DosesHeld)), Input("doses stopped", Number(cycle.DosesStopped)),
                 Input("dose cap", Number(protocol.MaxDosesPerCycle)), Input("held-dose policy", schedule.Record.HeldDosePolicy.ToString()),
                 Input("stopped-infusion counting", protocol.StoppedInfusionCounting.ToString())]));
        }
        if (schedule.CourseEnd is { } end)
        {
            list.Add(new Derivation("course end", Format(end), RuleBook.Replanning(4),
                [Input("course complete", schedule.IsComplete ? "yes" : "no")],
                schedule.IsComplete ? "the end of the last given dose" : "projected: the end of the last planned dose"));
            list.Add(new Derivation("course end date", ScheduleText.Format(end.Date), RuleBook.Planning(6), [Input("course end", Format(end)), Input("zone", plan.ZoneId)]));
            FollowUp(list, protocol, end.Date, schedule.ResponseAssessmentDateUnadjusted!.Value, schedule.ResponseAssessmentDate!.Value,
                schedule.NextCourseWindowUnadjusted!, schedule.NextCourseWindow!, plan.WorkingDayCalendar, plan.ImagingDateShift);
        }
        if (schedule.DoseAmount is { } amount)
        {
            Amounts(list, protocol, amount, schedule.DosesGiven, "given");
        }
        return list;
    }

    private static string PreviousSlot(ReplannedCycle cycle, DoseSlot slot)
    {
        var before = cycle.Slots.LastOrDefault(other => other.Slot < slot.Slot);
        return before is null
            ? "none (the cycle's first slot)"
            : before.GivenStart is { } given ? $"slot {before.Slot} given at {Format(given)}"
            : before.Status == DoseSlotStatus.Stopped ? $"slot {before.Slot} started at {Format(before.Start)} (stopped)"
            : $"slot {before.Slot} due {Format(before.Due)}";
    }

    /// <summary>The slot's event id, and for a stopped infusion the option that decides how it counts (re-planning rule 2).</summary>
    private static KeyValuePair<string, string>[] SlotInputs(DoseSlot slot, CourseProtocol protocol)
    {
        var inputs = new List<KeyValuePair<string, string>>(2);
        if (slot.EventId is { } id)
        {
            inputs.Add(Input("event", id));
        }
        if (slot.Status == DoseSlotStatus.Stopped)
        {
            inputs.Add(Input("stopped-infusion counting", protocol.StoppedInfusionCounting.ToString()));
        }
        return [.. inputs];
    }

    private static string Status(DoseSlotStatus status) => status.ToString().ToLowerInvariant();
}
