namespace IL2Schedule;

/// <summary>
/// Why a course cannot be planned as its protocol asks in its zone: a check of
/// <see cref="CoursePlanner"/> that the zone's clock changes broke (<see cref="CoursePlanningException.Reason"/>).
/// </summary>
/// <remarks>
/// Each is this library's check that a plan is one a ward can give; see <see cref="CoursePlanner"/>'s
/// remarks. None can happen with <see cref="DoseTiming.Elapsed"/> and <see cref="CycleWindowCounting.Elapsed"/>
/// in a zone whose clocks change by less than a cycle's rest period, except an offset with seconds.
/// </remarks>
public enum CoursePlanningFailure
{
    /// <summary>No failure; not used by an exception.</summary>
    None = 0,

    /// <summary>A cycle would start before the previous cycle's last infusion ends (only in zones that skip whole days).</summary>
    CycleStartsBeforePreviousCycleEnds,

    /// <summary>A wall-clock or standard-time dose would start before the previous infusion ends.</summary>
    DoseBeforePreviousInfusionEnds,

    /// <summary>A wall-clock or standard-time dose would fall at or after its elapsed cycle window's end.</summary>
    DoseOutsideCycleWindow,

    /// <summary>A cycle's first dose would fall after its calendar days end (<see cref="CycleWindowCounting.CalendarDays"/>).</summary>
    CycleMissesItsCalendarDays,

    /// <summary>A dose start or end, or a window end, falls where the zone's offset has seconds (local mean time), which RFC 3339 cannot express.</summary>
    OffsetWithSeconds,
}
