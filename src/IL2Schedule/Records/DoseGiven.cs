using System;
using System.Globalization;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>A dose given: the infusion for a slot of a cycle started (and possibly ended) at recorded instants.</summary>
/// <remarks>
/// The start is the instant recorded on the medication administration record, not the planned
/// time; re-planning counts the next dose from it (see <see cref="CourseRecord"/>, rule 1).
/// </remarks>
public sealed class DoseGiven : CourseEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="id">The caller's id, or null.</param>
    /// <param name="cycle">The cycle number, from 1.</param>
    /// <param name="slot">The slot number within the cycle, from 1 (1–15 for the label's 8-hourly, 5-day window).</param>
    /// <param name="start">The instant the infusion started.</param>
    /// <param name="end">The instant the infusion ended, or null to take the protocol's infusion duration (15 minutes) after <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or has leading or trailing white space; or <paramref name="end"/> is not after <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycle"/> or <paramref name="slot"/> is less than 1.</exception>
    public DoseGiven(string? id, int cycle, int slot, Instant start, Instant? end)
        : base(id)
    {
        Cycle = CheckPositive(cycle, nameof(cycle));
        Slot = CheckPositive(slot, nameof(slot));
        if (end is { } e && e <= start)
        {
            throw new ArgumentException($"end must be after start {start}; was {e}", nameof(end));
        }
        Start = start;
        End = end;
    }

    /// <summary>Creates the event from the offset date-times a medication administration record feed carries.</summary>
    /// <param name="id">The caller's id, or null.</param>
    /// <param name="cycle">The cycle number, from 1.</param>
    /// <param name="slot">The slot number within the cycle, from 1.</param>
    /// <param name="start">When the infusion started. Only the instant counts: an offset that differs from the course zone's offset at that instant is accepted as the same instant.</param>
    /// <param name="end">When the infusion ended, or null to take the protocol's infusion duration (15 minutes) after <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or has leading or trailing white space; or <paramref name="end"/> is not after <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycle"/> or <paramref name="slot"/> is less than 1.</exception>
    /// <remarks>Equal to the event created from <see cref="Instant.FromDateTimeOffset(DateTimeOffset)"/> of each value; the offset is not kept (this library's choice: a record is a sequence of instants, shown in the course's zone).</remarks>
    public DoseGiven(string? id, int cycle, int slot, DateTimeOffset start, DateTimeOffset? end)
        : this(id, cycle, slot, Instant.FromDateTimeOffset(start), end is { } e ? Instant.FromDateTimeOffset(e) : null)
    {
    }

    /// <summary>Creates the event from zoned date-times.</summary>
    /// <param name="id">The caller's id, or null.</param>
    /// <param name="cycle">The cycle number, from 1.</param>
    /// <param name="slot">The slot number within the cycle, from 1.</param>
    /// <param name="start">When the infusion started. Only the instant counts: a zone other than the course's is accepted as the same instant.</param>
    /// <param name="end">When the infusion ended, or null to take the protocol's infusion duration (15 minutes) after <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or has leading or trailing white space; or <paramref name="end"/> is not after <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycle"/> or <paramref name="slot"/> is less than 1.</exception>
    /// <remarks>Equal to the event created from <see cref="ZonedDateTime.ToInstant"/> of each value; the zone is not kept (this library's choice, as for the <see cref="DateTimeOffset"/> overload).</remarks>
    public DoseGiven(string? id, int cycle, int slot, ZonedDateTime start, ZonedDateTime? end)
        : this(id, cycle, slot, start.ToInstant(), end?.ToInstant())
    {
    }

    /// <inheritdoc/>
    public override string Kind => "doseGiven";

    /// <summary>The cycle number, from 1.</summary>
    public int Cycle { get; }

    /// <summary>The slot number within the cycle, from 1.</summary>
    public int Slot { get; }

    /// <summary>The instant the infusion started.</summary>
    public Instant Start { get; }

    /// <summary>The instant the infusion ended, if recorded; otherwise the protocol's infusion duration after <see cref="Start"/> is assumed.</summary>
    public Instant? End { get; }

    private protected override bool HasSameValues(CourseEvent other) =>
        other is DoseGiven o && Cycle == o.Cycle && Slot == o.Slot && Start == o.Start && End == o.End;

    private protected override string DescribeValues(DateTimeZone zone) =>
        string.Create(CultureInfo.InvariantCulture, $"cycle {Cycle}, slot {Slot}, start {Show(Start, zone)}{(End is { } end ? ", end " + Show(end, zone) : "")}");
}
