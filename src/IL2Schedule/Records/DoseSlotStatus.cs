namespace IL2Schedule.Records;

/// <summary>What became of a dose slot once the recorded events are applied.</summary>
/// <remarks>The six states of the re-planning rules (see CourseRecord); written in JSON as "given", "held", "planned", "skipped", "cancelled" and "stopped".</remarks>
public enum DoseSlotStatus
{
    /// <summary>Still to be given: no event recorded for the slot, and re-planning keeps it.</summary>
    Planned = 0,

    /// <summary>Given in full, with the recorded start (and end, if recorded; an end recorded before the planned end is kept as recorded, and the dose is still a full one).</summary>
    Given = 1,

    /// <summary>Withheld, with the recorded reason; the slot keeps its due time and is not made up at that time.</summary>
    Held = 2,

    /// <summary>
    /// Passed over with no record: a later slot of the same cycle was given; the cycle was stopped,
    /// or its window closed, after the slot was due; or (wall-clock timing) the slot is due less
    /// than half a dosing interval after the previous given dose's start. It can no longer be given.
    /// </summary>
    Skipped = 3,

    /// <summary>Needed for the cap but cannot be given: the cycle or course was stopped before it was due, or it is due at or after the cycle's window closes.</summary>
    Cancelled = 4,

    /// <summary>
    /// Started but stopped before its planned end (<see cref="DoseStopped"/>), with the recorded start,
    /// actual end and reason. Counts towards the cap as given or as held by <see cref="CourseProtocol.StoppedInfusionCounting"/>.
    /// </summary>
    Stopped = 5,
}
