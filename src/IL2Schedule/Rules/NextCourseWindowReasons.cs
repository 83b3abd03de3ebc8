using System;

namespace IL2Schedule;

/// <summary>
/// What moved or emptied a <see cref="NextCourseWindow"/> (flags): the values behind its
/// <see cref="NextCourseWindow.Note"/>, for code that must not read prose.
/// </summary>
[Flags]
public enum NextCourseWindowReasons
{
    /// <summary>The window is the one counted from the course end date (6 to 12 weeks; Atkins 1999, Fyfe 1995).</summary>
    None = 0,

    /// <summary>The discharge rule (at least 7 weeks from discharge; label, "Retreatment") moved the start later.</summary>
    StartMovedByDischarge = 1,

    /// <summary>The discharge rule's earliest start is after the window's end (or past 9999-12-31): the window is empty.</summary>
    EmptiedByDischarge = 2,

    /// <summary>The start moved forward to the first working day.</summary>
    StartMovedToWorkingDay = 4,

    /// <summary>The end moved back to the last working day.</summary>
    EndMovedToWorkingDay = 8,

    /// <summary>The window holds no working day: it is empty.</summary>
    NoWorkingDay = 16,

    /// <summary>
    /// The start or the end would move more than <see cref="WorkingDayCalendar.MaxShiftDays"/> days
    /// to reach a working day: the window is left as counted, its dates not moved (this library's choice).
    /// </summary>
    NotShiftable = 32,
}
