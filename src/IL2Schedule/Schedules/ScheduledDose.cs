using System;
using System.Globalization;
using NodaTime;

namespace IL2Schedule;

/// <summary>
/// One planned dose: an intravenous infusion (15 minutes in both presets) with its place in the
/// course and its start and end in the course's time zone. Immutable, with value equality.
/// </summary>
/// <remarks>Label, section 2.1: each dose is a 15-minute infusion, every 8 hours, at most 14 doses a cycle.</remarks>
public readonly struct ScheduledDose : IEquatable<ScheduledDose>
{
    internal ScheduledDose(int number, int cycleNumber, int numberInCycle, ZonedDateTime start, ZonedDateTime end)
    {
        Number = number;
        CycleNumber = cycleNumber;
        NumberInCycle = numberInCycle;
        Start = start;
        End = end;
    }

    /// <summary>The dose's number in the course, from 1 (1–28 for the label's course).</summary>
    public int Number { get; }

    /// <summary>The number of the cycle the dose belongs to, from 1 (1–2 for the label's course).</summary>
    public int CycleNumber { get; }

    /// <summary>The dose's number within its cycle, from 1 (1–14 for the label's course).</summary>
    public int NumberInCycle { get; }

    /// <summary>The instant the infusion starts, with the local time and offset in the course's zone.</summary>
    public ZonedDateTime Start { get; }

    /// <summary>
    /// The instant the infusion ends: <see cref="Start"/> plus the protocol's infusion duration of
    /// elapsed time (15 minutes), so its clock time can differ by a DST change from start + 15 min.
    /// </summary>
    public ZonedDateTime End { get; }

    /// <summary>The infusion as a half-open interval of instants [start, end).</summary>
    public Interval Infusion => new(Start.ToInstant(), End.ToInstant());

    /// <inheritdoc/>
    public bool Equals(ScheduledDose other) =>
        Number == other.Number
        && CycleNumber == other.CycleNumber
        && NumberInCycle == other.NumberInCycle
        && Start.Equals(other.Start)
        && End.Equals(other.End);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ScheduledDose other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Number, CycleNumber, NumberInCycle, Start, End);

    /// <summary>Compares two doses by number, cycle, start and end.</summary>
    /// <param name="left">The first dose.</param>
    /// <param name="right">The second dose.</param>
    /// <returns>True if every value is equal.</returns>
    public static bool operator ==(ScheduledDose left, ScheduledDose right) => left.Equals(right);

    /// <summary>Compares two doses by number, cycle, start and end.</summary>
    /// <param name="left">The first dose.</param>
    /// <param name="right">The second dose.</param>
    /// <returns>True if any value differs.</returns>
    public static bool operator !=(ScheduledDose left, ScheduledDose right) => !left.Equals(right);

    /// <summary>An invariant description, for example "dose 13 (cycle 1, 13) 2027-03-14T09:00:00-04:00 to 2027-03-14T09:15:00-04:00".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"dose {Number} (cycle {CycleNumber}, {NumberInCycle}) {ScheduleText.Format(Start)} to {ScheduleText.Format(End)}");
}
