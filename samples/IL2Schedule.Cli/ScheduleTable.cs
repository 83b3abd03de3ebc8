using System.Globalization;
using System.Linq;
using System.Text;
using IL2Schedule.Schedules;
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
        text.AppendLine(Invariant, $"Zone {schedule.ZoneId} (tzdb {schedule.TzdbVersion}); dose timing {(schedule.DoseTiming == Protocols.DoseTiming.Elapsed ? "elapsed" : "wall-clock")}; first dose requested {schedule.RequestedFirstDose.ToString("uuuu'-'MM'-'dd HH':'mm", Invariant)}");
        Offset? previousOffset = null;
        foreach (var cycle in schedule.Cycles)
        {
            text.AppendLine();
            text.AppendLine(Invariant, $"Cycle {cycle.Number}: starts {DateTime(cycle.Start)}; window closes {DateTime(cycle.WindowEnd)} (exclusive)");
            if (cycle.Start.LocalDateTime != cycle.NominalStart)
            {
                text.AppendLine(Invariant, $"  (nominal start {cycle.NominalStart.ToString("uuuu'-'MM'-'dd HH':'mm", Invariant)} does not exist in {schedule.ZoneId}; moved forward by the gap)");
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
        text.AppendLine(Invariant, $"Response imaging:   {Date(schedule.ResponseAssessmentDate)} ({Words(protocol.ResponseAssessmentDelay)} after the course end date)");
        var window = schedule.NextCourseWindow;
        text.AppendLine(window.Dates is { } dates
            ? $"Next-course window: {Date(dates.Start)} to {Date(dates.End)} (both inclusive)"
            : "Next-course window: none");
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

    private static string DateTime(ZonedDateTime value) =>
        value.LocalDateTime.ToString("ddd uuuu'-'MM'-'dd HH':'mm", Invariant) + " " + Offset(value.Offset);

    private static string Time(ZonedDateTime value) => value.LocalDateTime.ToString("HH':'mm", Invariant) + " " + Offset(value.Offset);

    private static string Date(LocalDate value) => value.ToString("ddd uuuu'-'MM'-'dd", Invariant);

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
