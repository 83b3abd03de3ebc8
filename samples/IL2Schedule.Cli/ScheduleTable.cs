using System;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;

namespace IL2Schedule.Cli;

/// <summary>Renders a schedule as a plain-text table for people: each cycle, each dose with its local time and offset.</summary>
internal static class ScheduleTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="schedule">The planned course.</param>
    /// <param name="protocolDescription">How the user chose the protocol, e.g. "label protocol".</param>
    internal static string Render(CourseSchedule schedule, string protocolDescription)
    {
        var protocol = schedule.Protocol;
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"High-dose IL-2 course, {protocolDescription}: {protocol.DoseInternationalUnitsPerKilogram:N0} IU/kg, a {Minutes(protocol.InfusionDuration)}-minute infusion every {Hours(protocol.DosingInterval)} hours, at most {protocol.MaxDosesPerCycle} doses a cycle");
        text.AppendLine(Invariant, $"Zone {schedule.ZoneId} (tzdb {schedule.TzdbVersion}); dose timing {Timing(protocol)}; first dose requested {schedule.RequestedFirstDose.ToString("uuuu'-'MM'-'dd HH':'mm", Invariant)}");
        if (protocol.CycleWindowCounting == CycleWindowCounting.CalendarDays)
        {
            text.AppendLine(Invariant, $"Cycle window: the cycle's {protocol.CycleLengthDays} calendar days");
        }
        if (schedule.DoseAmount is { } amount)
        {
            string milligrams = amount.Milligrams is { } mg ? string.Create(Invariant, $", {mg} mg") : " (the protocol gives no mg figure)";
            string courseMilligrams = schedule.PlannedCourseMilligrams is { } total ? string.Create(Invariant, $", {total} mg") : "";
            text.AppendLine(Invariant, $"Each dose for {amount.BodyWeightKilograms} kg: {amount.InternationalUnits:N0} IU{milligrams}; {amount.Vials} vial{(amount.Vials == 1 ? "" : "s")} of 22 million IU; {amount.DiluentMilliliters} mL of 5% dextrose");
            text.AppendLine(Invariant, $"Course planned: {schedule.PlannedCourseInternationalUnits:N0} IU{courseMilligrams} in {schedule.Doses.Count} doses");
            text.Append(AmountNotes(amount));
        }
        Offset? previousOffset = null;
        foreach (var cycle in schedule.Cycles)
        {
            text.AppendLine();
            text.AppendLine(Invariant, $"Cycle {cycle.Number}: starts {DateTime(cycle.Start)}; window closes {DateTime(cycle.WindowEnd)} (exclusive); it holds {cycle.WindowDoseCapacity} dose times, {cycle.Doses.Count} planned (bound by the {(cycle.BoundBy == CycleBound.Cap ? "dose cap" : "window")})");
            if (StartNote(cycle.StartResolution) is { } resolution)
            {
                text.AppendLine(Invariant, $"  (nominal start {cycle.NominalStart.ToString("uuuu'-'MM'-'dd HH':'mm", Invariant)} in {schedule.ZoneId} {resolution})");
            }
            text.AppendLine("  Dose  In cycle  Start                        End");
            foreach (var dose in cycle.Doses)
            {
                string change = previousOffset is { } before && before != dose.Start.Offset
                    ? $"  <- offset changes {Offset(before)} -> {Offset(dose.Start.Offset)}"
                    : "";
                if (dose.End.Offset != dose.Start.Offset)
                {
                    change += $"  <- offset changes during the infusion {Offset(dose.Start.Offset)} -> {Offset(dose.End.Offset)}";
                }
                text.AppendLine(Invariant, $"  {dose.Number,4}  {dose.NumberInCycle,8}  {DateTime(dose.Start)}  {Time(dose.End)}{change}");
                previousOffset = dose.End.Offset;
            }
        }
        text.AppendLine();
        text.AppendLine(Invariant, $"Course end:         {DateTime(schedule.CourseEnd)} (course end date {Date(schedule.CourseEndDate)})");
        text.AppendLine(schedule.ResponseAssessmentDateReasons.HasFlag(ResponseAssessmentDateReasons.NotShiftable)
            ? $"Response imaging:   {Date(schedule.ResponseAssessmentDate)} ({Words(protocol.ResponseAssessmentDelay)} after the course end date; not a working day, and not moved: no working day within {WorkingDayCalendar.MaxShiftDays} days)"
            : schedule.ResponseAssessmentDate == schedule.ResponseAssessmentDateUnadjusted
            ? $"Response imaging:   {Date(schedule.ResponseAssessmentDate)} ({Words(protocol.ResponseAssessmentDelay)} after the course end date)"
            : $"Response imaging:   {Date(schedule.ResponseAssessmentDate)} ({Words(protocol.ResponseAssessmentDelay)} after the course end date is {Date(schedule.ResponseAssessmentDateUnadjusted)}, not a working day)");
        var window = schedule.NextCourseWindow;
        text.AppendLine(window.Dates is { } dates
            ? $"Next-course window: {Date(dates.Start)} to {Date(dates.End)} (both inclusive)"
            : "Next-course window: none");
        if (schedule.WorkingDayCalendar is { } calendar)
        {
            text.AppendLine(schedule.NextCourseWindowUnadjusted.Dates is { } unadjusted
                ? $"  before working days: {Date(unadjusted.Start)} to {Date(unadjusted.End)}"
                : "  before working days: none");
            text.AppendLine(Invariant, $"Working days:       all but {calendar}");
        }
        if (schedule.DischargeDate is { } discharge)
        {
            text.AppendLine(Invariant, $"Discharge:          {Date(discharge)}");
        }
        if (window.Note is { } note)
        {
            text.AppendLine(Invariant, $"Note: {note}");
        }
        return text.ToString();
    }

    /// <summary>The final concentration line and, outside the label's range, the warning line; "" without a mg figure.</summary>
    internal static string AmountNotes(DoseAmount amount) =>
        amount.ConcentrationMilligramsPerMilliliter is { } concentration
            ? string.Create(Invariant, $"Final concentration: {concentration} mg/mL ({amount.Milligrams} mg in {amount.DiluentMilliliters} mL){Environment.NewLine}")
                + (amount.ConcentrationWarning is { } warning ? $"Warning: {warning}{Environment.NewLine}" : "")
            : "";

    /// <summary>How a cycle start was resolved, in words; null when it is as planned.</summary>
    internal static string? StartNote(CycleStartResolution resolution) => resolution switch
    {
        CycleStartResolution.ShiftedForward => "does not exist; moved forward by the gap",
        CycleStartResolution.OtherInstantInGap => "does not exist; the first dose's resolver chose another instant",
        CycleStartResolution.EarlierOffset => "happens twice; the earlier one is taken",
        CycleStartResolution.LaterOffset => "happens twice; the later one is taken",
        _ => null,
    };

    private static string Timing(CourseProtocol protocol) => protocol.DoseTiming switch
    {
        DoseTiming.Elapsed => "elapsed",
        DoseTiming.WallClock => "wall-clock",
        _ => "standard-times " + string.Join(",", protocol.StandardAdministrationTimes.Select(time => time.ToString("HH':'mm", Invariant))),
    };

    internal static string DateTime(ZonedDateTime value) =>
        value.LocalDateTime.ToString("ddd uuuu'-'MM'-'dd HH':'mm", Invariant) + " " + Offset(value.Offset);

    internal static string Time(ZonedDateTime value) => value.LocalDateTime.ToString("HH':'mm", Invariant) + " " + Offset(value.Offset);

    internal static string Date(LocalDate value) => value.ToString("ddd uuuu'-'MM'-'dd", Invariant);

    private static string Offset(Offset value) => value.ToString("+HH':'mm", Invariant);

    /// <summary>A date-only period in words: "4 weeks", "1 month and 2 days".</summary>
    private static string Words(Period period)
    {
        (long Count, string Unit)[] parts = [(period.Years, "year"), (period.Months, "month"), (period.Weeks, "week"), (period.Days, "day")];
        return string.Join(" and ", parts
            .Where(part => part.Count != 0)
            .Select(part => string.Create(Invariant, $"{part.Count} {part.Unit}{(part.Count == 1 ? "" : "s")}")));
    }

    private static long Minutes(Duration value) => (long)value.TotalMinutes;

    private static string Hours(Duration value) => value.TotalHours.ToString("0.##", Invariant);
}
