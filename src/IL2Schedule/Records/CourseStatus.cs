using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
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

    /// <summary>
    /// An invariant summary in the course's zone, such as "at 2027-03-11T09:00:00-05:00: in progress; 2 overdue
    /// (cycle 1 slots 3, 4); next due cycle 1 slot 5 at 2027-03-11T16:00:00-05:00".
    /// </summary>
    /// <returns>The summary; "nothing overdue" and "nothing left to give" when the lists are empty.</returns>
    public override string ToString()
    {
        var zone = Schedule.Record.Plan.Zone;
        string overdue = Overdue.Count == 0
            ? "nothing overdue"
            : string.Create(CultureInfo.InvariantCulture, $"{Overdue.Count} overdue ({string.Join("; ", Overdue.GroupBy(slot => slot.CycleNumber).Select(Slots))})");
        string next = NextDue is { } slot
            ? string.Create(CultureInfo.InvariantCulture, $"next due cycle {slot.CycleNumber} slot {slot.Slot} at {ScheduleText.Format(slot.Due)}")
            : "nothing left to give";
        return $"at {ScheduleText.Format(At.InZone(zone))}: {(IsComplete ? "complete" : "in progress")}; {overdue}; {next}";
    }

    private static string Slots(IGrouping<int, DoseSlot> cycle) => string.Create(
        CultureInfo.InvariantCulture,
        $"cycle {cycle.Key} slot{(cycle.Count() == 1 ? "" : "s")} {string.Join(", ", cycle.Select(slot => slot.Slot.ToString(CultureInfo.InvariantCulture)))}");
}
