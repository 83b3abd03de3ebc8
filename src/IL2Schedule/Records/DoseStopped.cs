using System;
using System.Globalization;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>
/// An infusion stopped before its planned end: the dose for a slot of a cycle started at a recorded
/// instant and was stopped at another, for a reason such as a toxicity. Its slot is
/// <see cref="DoseSlotStatus.Stopped"/>, not <see cref="DoseSlotStatus.Given"/>.
/// </summary>
/// <remarks>
/// <para>
/// Proleukin label, section 2.4 and Table 2: toxicity is managed by withholding or interrupting a
/// dose, never by reducing it. An interrupted infusion is its own event, not a <see cref="DoseGiven"/>
/// with an early end, because it carries a reason and its end is required (this library's choice). A
/// <see cref="DoseGiven"/> is always a full dose as recorded, whatever its recorded end.
/// </para>
/// <para>
/// When the record is re-planned the end must be before the start plus the protocol's infusion
/// duration (<see cref="CourseEventRule.StopNotBeforeInfusionEnd"/>); the next slot is due from the
/// start as after a given dose (re-planning rule 1); the dose counts towards the cap as given or as
/// held by <see cref="CourseProtocol.StoppedInfusionCounting"/> (re-planning rule 2).
/// </para>
/// </remarks>
public sealed class DoseStopped : CourseEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="id">The caller's id, or null.</param>
    /// <param name="cycle">The cycle number, from 1.</param>
    /// <param name="slot">The slot number within the cycle, from 1 (1–15 for the label's 8-hourly, 5-day window).</param>
    /// <param name="start">The instant the infusion started.</param>
    /// <param name="end">The instant the infusion was stopped: after <paramref name="start"/>, and (checked when applied to a record) before <paramref name="start"/> plus the protocol's infusion duration (15 minutes).</param>
    /// <param name="reason">Why the infusion was stopped, for example "hypotension"; not empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or padded; <paramref name="end"/> is not after <paramref name="start"/>; or <paramref name="reason"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycle"/> or <paramref name="slot"/> is less than 1.</exception>
    public DoseStopped(string? id, int cycle, int slot, Instant start, Instant end, string reason)
        : base(id)
    {
        Cycle = CheckPositive(cycle, nameof(cycle));
        Slot = CheckPositive(slot, nameof(slot));
        if (end <= start)
        {
            throw new ArgumentException($"end must be after start {start}; was {end}", nameof(end));
        }
        Start = start;
        End = end;
        Reason = CheckReason(reason, nameof(reason));
    }

    /// <summary>Creates the event from the offset date-times a medication administration record feed carries.</summary>
    /// <param name="id">The caller's id, or null.</param>
    /// <param name="cycle">The cycle number, from 1.</param>
    /// <param name="slot">The slot number within the cycle, from 1.</param>
    /// <param name="start">When the infusion started. Only the instant counts: an offset that differs from the course zone's offset at that instant is accepted as the same instant.</param>
    /// <param name="end">When the infusion was stopped; after <paramref name="start"/>.</param>
    /// <param name="reason">Why the infusion was stopped; not empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or padded; <paramref name="end"/> is not after <paramref name="start"/>; or <paramref name="reason"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycle"/> or <paramref name="slot"/> is less than 1.</exception>
    /// <remarks>Equal to the event created from <see cref="Instant.FromDateTimeOffset(DateTimeOffset)"/> of each value; the offset is not kept (this library's choice, as for <see cref="DoseGiven"/>).</remarks>
    public DoseStopped(string? id, int cycle, int slot, DateTimeOffset start, DateTimeOffset end, string reason)
        : this(id, cycle, slot, Instant.FromDateTimeOffset(start), Instant.FromDateTimeOffset(end), reason)
    {
    }

    /// <summary>Creates the event from zoned date-times.</summary>
    /// <param name="id">The caller's id, or null.</param>
    /// <param name="cycle">The cycle number, from 1.</param>
    /// <param name="slot">The slot number within the cycle, from 1.</param>
    /// <param name="start">When the infusion started. Only the instant counts: a zone other than the course's is accepted as the same instant.</param>
    /// <param name="end">When the infusion was stopped; after <paramref name="start"/>.</param>
    /// <param name="reason">Why the infusion was stopped; not empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or padded; <paramref name="end"/> is not after <paramref name="start"/>; or <paramref name="reason"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycle"/> or <paramref name="slot"/> is less than 1.</exception>
    /// <remarks>Equal to the event created from <see cref="ZonedDateTime.ToInstant"/> of each value; the zone is not kept (this library's choice, as for <see cref="DoseGiven"/>).</remarks>
    public DoseStopped(string? id, int cycle, int slot, ZonedDateTime start, ZonedDateTime end, string reason)
        : this(id, cycle, slot, start.ToInstant(), end.ToInstant(), reason)
    {
    }

    /// <inheritdoc/>
    public override string Kind => "doseStopped";

    /// <summary>The cycle number, from 1.</summary>
    public int Cycle { get; }

    /// <summary>The slot number within the cycle, from 1.</summary>
    public int Slot { get; }

    /// <summary>The instant the infusion started.</summary>
    public Instant Start { get; }

    /// <summary>The instant the infusion was stopped (its actual end).</summary>
    public Instant End { get; }

    /// <summary>Why the infusion was stopped.</summary>
    public string Reason { get; }

    private protected override bool HasSameValues(CourseEvent other) =>
        other is DoseStopped o && Cycle == o.Cycle && Slot == o.Slot && Start == o.Start && End == o.End && Reason == o.Reason;

    private protected override string DescribeValues(DateTimeZone zone) =>
        string.Create(CultureInfo.InvariantCulture, $"cycle {Cycle}, slot {Slot}, start {Show(Start, zone)}, end {Show(End, zone)}, reason '{Reason}'");
}
