using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace IL2Schedule;

/// <summary>
/// One planned cycle: its start, its dosing window and its doses. Immutable, with value equality.
/// </summary>
/// <remarks>
/// Label, Table 1: cycle 1 on days 1–5, cycle 2 on days 15–19, at most 14 doses each. A cycle's
/// window is by default its length of elapsed time from its first dose (120 hours: fifteen 8-hour
/// slots), or its calendar days (<see cref="CycleWindowCounting"/>).
/// </remarks>
public sealed class CycleSchedule : IEquatable<CycleSchedule>
{
    private readonly ReadOnlyCollection<ScheduledDose> doses;

    internal CycleSchedule(int number, LocalDateTime nominalStart, ZonedDateTime start, CycleStartResolution startResolution, ZonedDateTime windowEnd, int windowDoseCapacity, CycleBound boundBy, ScheduledDose[] doses)
    {
        Number = number;
        NominalStart = nominalStart;
        Start = start;
        StartResolution = startResolution;
        WindowEnd = windowEnd;
        WindowDoseCapacity = windowDoseCapacity;
        BoundBy = boundBy;
        this.doses = Array.AsReadOnly(doses);
    }

    /// <summary>The cycle's number, from 1.</summary>
    public int Number { get; }

    /// <summary>
    /// The local date-time the cycle was meant to start: the first dose's requested local
    /// date-time plus (number − 1) × (cycle length + rest) calendar days, at the same clock time.
    /// Differs from <see cref="Start"/>'s local time when the zone skips it (a later cycle's start
    /// moves forward by the gap) or when a first-dose resolver chose another local time.
    /// </summary>
    public LocalDateTime NominalStart { get; }

    /// <summary>The instant of the cycle's first dose, in the course's zone.</summary>
    public ZonedDateTime Start { get; }

    /// <summary>
    /// How <see cref="Start"/> was resolved from <see cref="NominalStart"/> in the course's zone: as
    /// planned, shifted forward over a gap, or one of the two instants of a repeated time (rule 2 of docs/rules.md).
    /// </summary>
    public CycleStartResolution StartResolution { get; }

    /// <summary>
    /// The exclusive end of the cycle's dosing window: <see cref="Start"/> plus the cycle length of
    /// elapsed time (120 hours), or with <see cref="CycleWindowCounting.CalendarDays"/> the
    /// start of the day after the cycle's last calendar day. Every dose of the cycle starts before it.
    /// </summary>
    public ZonedDateTime WindowEnd { get; }

    /// <summary>
    /// How many dose times the protocol's dose timing gives inside the window, before the dose cap
    /// applies: 15 for 8-hourly doses in a 120-hour window; with calendar days, 15, 14 or 13 for a
    /// first dose at 00:00, 08:00 or 16:00. Always at least 1.
    /// </summary>
    public int WindowDoseCapacity { get; }

    /// <summary>
    /// <see cref="CycleBound.Cap"/> when the cycle plans the full dose cap (the window holds at least
    /// that many), <see cref="CycleBound.Window"/> when the window holds fewer dose times than the cap.
    /// </summary>
    public CycleBound BoundBy { get; }

    /// <summary>The window as a half-open interval of instants [<see cref="Start"/>, <see cref="WindowEnd"/>).</summary>
    public Interval Window => new(Start.ToInstant(), WindowEnd.ToInstant());

    /// <summary>The cycle's planned doses in order: as many as the protocol's dose cap, or <see cref="WindowDoseCapacity"/> if the window holds fewer.</summary>
    public IReadOnlyList<ScheduledDose> Doses => doses;

    /// <inheritdoc/>
    public bool Equals(CycleSchedule? other) =>
        other is not null
        && Number == other.Number
        && NominalStart == other.NominalStart
        && Start.Equals(other.Start)
        && StartResolution == other.StartResolution
        && WindowEnd.Equals(other.WindowEnd)
        && WindowDoseCapacity == other.WindowDoseCapacity
        && BoundBy == other.BoundBy
        && doses.SequenceEqual(other.doses);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CycleSchedule);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Number, Start, WindowEnd, doses.Count);

    /// <summary>Compares two cycles by every value and dose.</summary>
    /// <param name="left">The first cycle, or null.</param>
    /// <param name="right">The second cycle, or null.</param>
    /// <returns>True if both are null or all values are equal.</returns>
    public static bool operator ==(CycleSchedule? left, CycleSchedule? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two cycles by every value and dose.</summary>
    /// <param name="left">The first cycle, or null.</param>
    /// <param name="right">The second cycle, or null.</param>
    /// <returns>True if exactly one is null or any value differs.</returns>
    public static bool operator !=(CycleSchedule? left, CycleSchedule? right) => !(left == right);

    /// <summary>An invariant description, for example "cycle 2: 14 doses from 2027-03-24T08:00:00-04:00, window ends 2027-03-29T08:00:00-04:00".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"cycle {Number}: {doses.Count} doses from {ScheduleText.Format(Start)}, window ends {ScheduleText.Format(WindowEnd)}");
}
