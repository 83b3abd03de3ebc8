using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>A course's state at an instant: what is due next and which planned slots are overdue. Immutable.</summary>
/// <remarks>Re-planning rule 6 (see CourseRecord). A slot is overdue when it is planned (unrecorded) and due strictly before <see cref="At"/>; no grace period is applied.</remarks>
public sealed class CourseStatus
{
    internal CourseStatus(Instant at, ReplannedSchedule schedule)
    {
        At = at;
        Schedule = schedule;
        var planned = schedule.Slots.Where(slot => slot.Status == DoseSlotStatus.Planned).ToArray();
        Overdue = Array.AsReadOnly(planned.Where(slot => slot.Due.ToInstant() < at).ToArray());
        NextDue = planned.FirstOrDefault(slot => slot.Due.ToInstant() >= at);
    }

    /// <summary>The instant the status is for.</summary>
    public Instant At { get; }

    /// <summary>The re-planned schedule as known at <see cref="At"/> (cycle windows that closed by then have ended).</summary>
    public ReplannedSchedule Schedule { get; }

    /// <summary>The first planned slot due at or after <see cref="At"/>, or null if none is left.</summary>
    public DoseSlot? NextDue { get; }

    /// <summary>The planned slots due before <see cref="At"/> with nothing recorded, in order.</summary>
    public IReadOnlyList<DoseSlot> Overdue { get; }

    /// <summary>True once every cycle has ended (as known at <see cref="At"/>) or the course was stopped.</summary>
    public bool IsComplete => Schedule.IsComplete;
}
