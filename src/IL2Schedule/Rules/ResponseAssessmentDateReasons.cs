using System;

namespace IL2Schedule;

/// <summary>
/// What moved the response-assessment (imaging) date onto a working day, or why it was not moved
/// (flags): the values behind <see cref="CourseSchedule.ResponseAssessmentDate"/>, for code that must not compare dates.
/// </summary>
[Flags]
public enum ResponseAssessmentDateReasons
{
    /// <summary>The date is the protocol's (course end date + the response-assessment delay; label, "Retreatment"): no calendar, or already a working day, or <see cref="NonWorkingDayShift.None"/>.</summary>
    None = 0,

    /// <summary>The date moved to a working day (<see cref="NonWorkingDayShift"/>; hospital practice).</summary>
    MovedToWorkingDay = 1,

    /// <summary>
    /// No working day lies within <see cref="WorkingDayCalendar.MaxShiftDays"/> days in the shift's
    /// direction: the date is left where the protocol puts it, on a non-working day (this library's
    /// choice: reported, not thrown, and not moved further from the protocol's date).
    /// </summary>
    NotShiftable = 2,
}
