using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>One cycle after re-planning: its window, its listed slots and whether and why it has ended. Immutable.</summary>
/// <remarks>
/// The window opens at the cycle's start: the first slot's due time, or the first dose's recorded
/// start if that was earlier (this library's reading of "5 days from its first slot"). It closes
/// the protocol's cycle length of elapsed time (120 hours) later, or with
/// <see cref="CycleWindowCounting.CalendarDays"/> at the end of the cycle's last calendar
/// day. Label, Table 1; NCI protocol NCT01160445.
/// </remarks>
public sealed class ReplannedCycle
{
    private readonly ReadOnlyCollection<DoseSlot> slots;

    internal ReplannedCycle(int number, LocalDateTime nominalStart, bool isRescheduled, CycleStartResolution startResolution, ZonedDateTime start, ZonedDateTime windowEnd, DoseSlot[] slots, int dosesGiven, int dosesHeld, int dosesStopped, CycleEndReason endReason)
    {
        Number = number;
        NominalStart = nominalStart;
        IsRescheduled = isRescheduled;
        StartResolution = startResolution;
        Start = start;
        WindowEnd = windowEnd;
        this.slots = Array.AsReadOnly(slots);
        DosesGiven = dosesGiven;
        DosesHeld = dosesHeld;
        DosesStopped = dosesStopped;
        EndReason = endReason;
    }

    /// <summary>The cycle number, from 1.</summary>
    public int Number { get; }

    /// <summary>The local date-time the cycle is meant to start: the plan's, or the rescheduled one.</summary>
    public LocalDateTime NominalStart { get; }

    /// <summary>True if a <see cref="CycleRescheduled"/> event moved the cycle.</summary>
    public bool IsRescheduled { get; }

    /// <summary>
    /// How the first slot's due time was resolved from <see cref="NominalStart"/>: the plan's
    /// resolution, or for a rescheduled cycle that of its new start (rule 2 of docs/rules.md).
    /// </summary>
    public CycleStartResolution StartResolution { get; }

    /// <summary>When the cycle's window opens (inclusive).</summary>
    public ZonedDateTime Start { get; }

    /// <summary>When the cycle's window closes (exclusive): no dose of the cycle may start at or after it.</summary>
    public ZonedDateTime WindowEnd { get; }

    /// <summary>The listed slots in slot order: every recorded or skipped slot, and unrecorded slots up to the dose cap.</summary>
    public IReadOnlyList<DoseSlot> Slots => slots;

    /// <summary>How many doses of the cycle were given in full (stopped infusions are counted in <see cref="DosesStopped"/>).</summary>
    public int DosesGiven { get; }

    /// <summary>How many doses of the cycle were held.</summary>
    public int DosesHeld { get; }

    /// <summary>How many infusions of the cycle were stopped before their planned end (<see cref="DoseStopped"/>).</summary>
    public int DosesStopped { get; }

    /// <summary>Why the cycle ended, or <see cref="CycleEndReason.None"/> while it is running.</summary>
    public CycleEndReason EndReason { get; }

    /// <summary>True once the cycle has ended.</summary>
    public bool HasEnded => EndReason != CycleEndReason.None;

    /// <summary>
    /// An invariant summary such as "cycle 1: 2027-03-10T08:00:00-05:00 to 2027-03-15T09:00:00-04:00, 8 given,
    /// 1 held, ended (course stopped)"; "running" while it has not ended, "rescheduled" when moved, and
    /// "1 stopped" after the held count when any infusion was stopped.
    /// </summary>
    /// <returns>The summary; the window's end is exclusive.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"cycle {Number}{(IsRescheduled ? " (rescheduled)" : "")}: {ScheduleText.Format(Start)} to {ScheduleText.Format(WindowEnd)}, {DosesGiven} given, {DosesHeld} held, {(DosesStopped > 0 ? DosesStopped.ToString(CultureInfo.InvariantCulture) + " stopped, " : "")}{EndText(EndReason)}");

    private static string EndText(CycleEndReason reason) => reason switch
    {
        CycleEndReason.None => "running",
        CycleEndReason.DoseCap => "ended (dose cap)",
        CycleEndReason.CycleStopped => "ended (cycle stopped)",
        CycleEndReason.CourseStopped => "ended (course stopped)",
        _ => "ended (window closed)",
    };
}
