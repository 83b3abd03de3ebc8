using System.Globalization;
using System.Linq;
using System.Text;
using IL2Schedule.Records;
using NodaTime;
using static IL2Schedule.Cli.ScheduleTable;

namespace IL2Schedule.Cli;

/// <summary>Renders a re-planned course for people: each cycle's slots with their status, then the course's end and follow-up dates.</summary>
internal static class ReplayTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static string Render(ReplannedSchedule schedule, CourseStatus? status)
    {
        var record = schedule.Record;
        var plan = record.Plan;
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Course {record.CourseNumber} in {plan.ZoneId} (tzdb {plan.TzdbVersion}); dose timing {plan.DoseTiming switch { DoseTiming.Elapsed => "elapsed", DoseTiming.WallClock => "wall-clock", _ => "standard times" }}; held doses: {(record.HeldDosePolicy == HeldDosePolicy.Forfeit ? "forfeit" : "use reserve slots")}; stopped infusions count as {(plan.Protocol.StoppedInfusionCounting == StoppedInfusionCounting.CountsAsGiven ? "given" : "held")}; {record.Events.Count} event{(record.Events.Count == 1 ? "" : "s")}");
        if (record.RetreatmentOverrideReason is { } reason)
        {
            text.AppendLine(Invariant, $"Planned outside the previous course's window: {reason}");
        }
        foreach (var cycle in schedule.Cycles)
        {
            text.AppendLine();
            string ended = cycle.HasEnded ? "ended: " + Words(cycle.EndReason) : "running";
            text.AppendLine(Invariant, $"Cycle {cycle.Number}{(cycle.IsRescheduled ? " (rescheduled)" : "")}: window {DateTime(cycle.Start)} to {DateTime(cycle.WindowEnd)} (exclusive); {cycle.DosesGiven} given, {cycle.DosesHeld} held{Stopped(cycle.DosesStopped)}; {ended}");
            text.AppendLine("  Slot  Status     Due                          Given                                        Note");
            foreach (var slot in cycle.Slots)
            {
                string given = slot.GivenStart is { } start ? DateTime(start) + " to " + Time(slot.GivenEnd!.Value)
                    : slot.StoppedEnd is { } stoppedAt ? DateTime(slot.Start) + " to " + Time(stoppedAt) : "";
                string note = slot.HeldReason ?? (slot.StopReason is { } why ? "stopped early: " + why : null) ?? (slot.EventId is { } id ? "event " + id : "");
                if (status is not null && status.Overdue.Contains(slot))
                {
                    note = "OVERDUE";
                }
                text.AppendLine(string.Create(Invariant, $"  {slot.Slot,4}  {slot.Status.ToString().ToLowerInvariant(),-9}  {DateTime(slot.Due)}  {given,-43}  {note}").TrimEnd());
            }
        }
        text.AppendLine();
        text.AppendLine(Invariant, $"Course:             {(schedule.IsComplete ? "complete" : "in progress")}; {schedule.DosesGiven} doses given, {schedule.DosesHeld} held{Stopped(schedule.DosesStopped)}");
        text.AppendLine(schedule.CourseEnd is { } end
            ? $"Course end:         {DateTime(end)}{(schedule.IsComplete ? "" : " (projected)")}"
            : "Course end:         none (no dose was given)");
        if (schedule.ResponseAssessmentDate is { } imaging)
        {
            text.AppendLine(Invariant, $"Response imaging:   {Date(imaging)}{(schedule.ResponseAssessmentDateReasons.HasFlag(ResponseAssessmentDateReasons.NotShiftable) ? $" (not a working day, and not moved: no working day within {WorkingDayCalendar.MaxShiftDays} days)" : imaging != schedule.ResponseAssessmentDateUnadjusted ? $" (moved from {Date(schedule.ResponseAssessmentDateUnadjusted!.Value)}, not a working day)" : "")}");
        }
        if (schedule.DoseAmount is { } amount)
        {
            text.AppendLine(Invariant, $"Dose amount:        {amount}; given {schedule.GivenCourseInternationalUnits:N0} IU{(schedule.GivenCourseMilligrams is { } mg ? $" ({mg} mg)" : "")}, projected {schedule.ProjectedCourseInternationalUnits:N0} IU");
            text.Append(AmountNotes(amount));
        }
        if (schedule.NextCourseWindow is { } window)
        {
            text.AppendLine(window.Dates is { } dates ? $"Next-course window: {Date(dates.Start)} to {Date(dates.End)} (both inclusive)" : "Next-course window: none");
            if (window.Note is { } note)
            {
                text.AppendLine(Invariant, $"Note: {note}");
            }
        }
        if (schedule.DischargeDate is { } discharge)
        {
            text.AppendLine(Invariant, $"Discharge:          {Date(discharge)}");
        }
        foreach (var superseded in schedule.Superseded)
        {
            text.AppendLine(Invariant, $"Superseded:         {superseded.Description}");
        }
        if (status is not null)
        {
            text.AppendLine(Invariant, $"Status at {DateTime(status.At.InZone(plan.Zone))}: next due {(status.NextDue is { } next ? $"cycle {next.CycleNumber} slot {next.Slot} at {DateTime(next.Due)}" : "none")}; overdue {(status.Overdue.Count == 0 ? "none" : string.Join(", ", status.Overdue.Select(slot => $"cycle {slot.CycleNumber} slot {slot.Slot}")))}");
        }
        return text.ToString();
    }

    /// <summary>", 1 stopped" when any infusion was stopped early; otherwise nothing, so tables of courses without one read as before.</summary>
    private static string Stopped(int count) => count == 0 ? "" : string.Create(Invariant, $", {count} stopped");

    private static string Words(CycleEndReason reason) => reason switch
    {
        CycleEndReason.DoseCap => "dose cap reached",
        CycleEndReason.CycleStopped => "cycle stopped",
        CycleEndReason.CourseStopped => "course stopped",
        _ => "window closed",
    };

}
