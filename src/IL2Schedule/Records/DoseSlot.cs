using System.Globalization;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>
/// One 8-hourly slot of a cycle after re-planning: when it is due, what became of it and, for a
/// given or stopped dose, the recorded start and end (and a stopped one's reason). Immutable.
/// </summary>
/// <remarks>
/// A cycle's slots are the dosing-interval times in its window (15 in the label's 5 days); the
/// first <see cref="CourseProtocol.MaxDosesPerCycle"/> are planned and the rest are
/// reserve (this library's re-planning rules; see CourseRecord). Reserve slots that are not needed are not listed.
/// </remarks>
public sealed class DoseSlot
{
    internal DoseSlot(int number, int cycleNumber, int slot, DoseSlotStatus status, ZonedDateTime due, ZonedDateTime start, ZonedDateTime end, string? eventId, string? heldReason, string? stopReason = null)
    {
        Number = number;
        CycleNumber = cycleNumber;
        Slot = slot;
        Status = status;
        Due = due;
        Start = start;
        End = end;
        EventId = eventId;
        HeldReason = heldReason;
        StopReason = stopReason;
    }

    /// <summary>The slot's position in the course's list of listed slots, from 1.</summary>
    public int Number { get; }

    /// <summary>The cycle number, from 1.</summary>
    public int CycleNumber { get; }

    /// <summary>The slot number within the cycle, from 1 (1–15 for the label).</summary>
    public int Slot { get; }

    /// <summary>What became of the slot.</summary>
    public DoseSlotStatus Status { get; }

    /// <summary>
    /// When the slot is due after re-planning: with elapsed timing one dosing interval after the
    /// previous slot's given start (or its due time, if it was not given); with wall-clock timing
    /// the planned clock time; with standard times the next standard time after the previous
    /// slot's given start (or due time), skipping one less than half an interval away. The first
    /// slot is due at the cycle's start.
    /// </summary>
    public ZonedDateTime Due { get; }

    /// <summary>The recorded start for a given or stopped dose; otherwise <see cref="Due"/>.</summary>
    public ZonedDateTime Start { get; }

    /// <summary>
    /// The recorded end for a given dose (or its start plus the infusion duration when no end was
    /// recorded); the actual end for a stopped one; otherwise <see cref="Due"/> plus the infusion duration.
    /// </summary>
    public ZonedDateTime End { get; }

    /// <summary>The recorded start, for a given dose; otherwise null.</summary>
    public ZonedDateTime? GivenStart => Status == DoseSlotStatus.Given ? Start : null;

    /// <summary>The recorded or assumed end, for a given dose; otherwise null.</summary>
    public ZonedDateTime? GivenEnd => Status == DoseSlotStatus.Given ? End : null;

    /// <summary>The instant the infusion was stopped (its actual end, before the planned end), for a stopped slot; otherwise null.</summary>
    public ZonedDateTime? StoppedEnd => Status == DoseSlotStatus.Stopped ? End : null;

    /// <summary>Why the infusion was stopped, for a stopped slot; otherwise null.</summary>
    public string? StopReason { get; }

    /// <summary>The id of the event that recorded the slot, if it has one.</summary>
    public string? EventId { get; }

    /// <summary>Why the dose was withheld, for a held slot; otherwise null.</summary>
    public string? HeldReason { get; }

    /// <summary>
    /// An invariant summary such as "cycle 1 slot 2: held, due 2027-03-10T16:00:00-05:00 (hypotension)" or
    /// "cycle 1 slot 3: stopped, given 2027-03-11T00:00:00-05:00, stopped 2027-03-11T00:06:00-05:00 (hypotension)".
    /// </summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"cycle {CycleNumber} slot {Slot}: {Status.ToString().ToLowerInvariant()}, {(Status is DoseSlotStatus.Given or DoseSlotStatus.Stopped ? "given " + ScheduleText.Format(Start) : "due " + ScheduleText.Format(Due))}{(Status == DoseSlotStatus.Stopped ? ", stopped " + ScheduleText.Format(End) : "")}{((HeldReason ?? StopReason) is { } reason ? " (" + reason + ")" : "")}");
}
