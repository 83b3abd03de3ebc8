using NodaTime;

namespace IL2Schedule.Rules;

/// <summary>
/// The dates that follow a course, counted from the course end date (<see cref="CourseEndRule"/>):
/// response assessment, the next-course window, the discharge rule, and the move onto working days.
/// </summary>
internal static class FollowUpRules
{
    /// <summary>Course end date + <see cref="CourseProtocol.ResponseAssessmentDelay"/>.</summary>
    /// <remarks>Label, "Retreatment": evaluate for response about 4 weeks after the course.</remarks>
    /// <exception cref="System.ArgumentOutOfRangeException">The date would pass 9999-12-31.</exception>
    private static LocalDate ResponseAssessmentDate(CourseProtocol protocol, LocalDate courseEndDate) =>
        CalendarRange.Add(courseEndDate, protocol.ResponseAssessmentDelay, "the response-assessment date");

    /// <summary>Checks a discharge date against the course end date: the discharge the label counts from is the one after the course.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="dischargeDate"/> is before <paramref name="courseEndDate"/>.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="dischargeDate"/> is not in the ISO calendar.</exception>
    internal static void CheckDischarge(LocalDate? dischargeDate, LocalDate courseEndDate, string paramName)
    {
        if (dischargeDate is not { } discharge)
        {
            return;
        }
        CalendarRange.CheckIso(discharge, paramName);
        if (discharge < courseEndDate)
        {
            throw new System.ArgumentOutOfRangeException(paramName, CalendarRange.Format(discharge),
                $"{paramName} must not be before the course end date {CalendarRange.Format(courseEndDate)}: the minimum interval counts from the discharge after the course; was {CalendarRange.Format(discharge)}");
        }
    }

    /// <summary>
    /// The next-course window's dates: [course end date + <see cref="CourseProtocol.RetreatmentWindowStart"/>,
    /// course end date + <see cref="CourseProtocol.RetreatmentWindowEnd"/>], both inclusive; with a
    /// discharge date the start is no earlier than discharge + <see cref="CourseProtocol.MinimumIntervalAfterDischarge"/>,
    /// and the window is empty when that passes its end. Allocates nothing (the batch planner's form).
    /// </summary>
    /// <remarks>Atkins 1999 and Fyfe 1995 (every 6–12 weeks); label, "Retreatment" (at least 7 weeks from discharge).</remarks>
    /// <exception cref="System.ArgumentOutOfRangeException">A window end would pass 9999-12-31.</exception>
    private static WindowDates Window(CourseProtocol protocol, LocalDate courseEndDate, LocalDate? dischargeDate)
    {
        var earliest = CalendarRange.Add(courseEndDate, protocol.RetreatmentWindowStart, "the next-course window's start");
        var latest = CalendarRange.Add(courseEndDate, protocol.RetreatmentWindowEnd, "the next-course window's end");
        if (dischargeDate is not { } discharge)
        {
            return new WindowDates(earliest, latest, null, earliest, latest, NextCourseWindowReasons.None);
        }
        if (!CalendarRange.TryAdd(discharge, protocol.MinimumIntervalAfterDischarge, out var afterDischarge))
        {
            return new WindowDates(earliest, latest, null, default, default, NextCourseWindowReasons.EmptiedByDischarge);
        }
        return afterDischarge > latest
            ? new WindowDates(earliest, latest, afterDischarge, default, default, NextCourseWindowReasons.EmptiedByDischarge)
            : afterDischarge > earliest
                ? new WindowDates(earliest, latest, afterDischarge, afterDischarge, latest, NextCourseWindowReasons.StartMovedByDischarge)
                : new WindowDates(earliest, latest, afterDischarge, earliest, latest, NextCourseWindowReasons.None);
    }

    /// <summary>
    /// The window moved onto working days: its start forward to the first working day on or after
    /// it, its end back to the last working day on or before it; empty when it holds no working day.
    /// Shrinking rather than widening the window keeps every rule it came from (this library's choice).
    /// Neither end moves more than <see cref="WorkingDayCalendar.MaxShiftDays"/> days: past that the
    /// window is left as counted, flagged <see cref="NextCourseWindowReasons.NotShiftable"/> (this
    /// library's choice, as for the imaging date).
    /// </summary>
    private static WindowDates OnWorkingDays(WindowDates window, WorkingDayCalendar calendar)
    {
        if (window.IsEmpty)
        {
            return window;
        }
        var start = window.Start;
        for (int moved = 0; !calendar.IsWorkingDay(start) && start < window.End && moved < WorkingDayCalendar.MaxShiftDays; moved++)
        {
            start = start.PlusDays(1);
        }
        if (!calendar.IsWorkingDay(start))
        {
            return start == window.End
                ? window with { Start = default, End = default, Reasons = window.Reasons | NextCourseWindowReasons.NoWorkingDay }
                : window with { Reasons = window.Reasons | NextCourseWindowReasons.NotShiftable };
        }
        var end = window.End;
        for (int moved = 0; !calendar.IsWorkingDay(end) && end > start && moved < WorkingDayCalendar.MaxShiftDays; moved++)
        {
            end = end.PlusDays(-1);
        }
        if (!calendar.IsWorkingDay(end))
        {
            return window with { Reasons = window.Reasons | NextCourseWindowReasons.NotShiftable };
        }
        var reasons = window.Reasons
            | (start != window.Start ? NextCourseWindowReasons.StartMovedToWorkingDay : NextCourseWindowReasons.None)
            | (end != window.End ? NextCourseWindowReasons.EndMovedToWorkingDay : NextCourseWindowReasons.None);
        return window with { Start = start, End = end, Reasons = reasons };
    }

    /// <summary>
    /// The imaging date moved by <paramref name="shift"/> (<see cref="WorkingDayCalendar.TryShift"/>):
    /// when no working day lies within <see cref="WorkingDayCalendar.MaxShiftDays"/> days it stays
    /// where the protocol puts it, flagged <see cref="ResponseAssessmentDateReasons.NotShiftable"/> (this library's choice).
    /// </summary>
    private static (LocalDate Date, ResponseAssessmentDateReasons Reasons) OnWorkingDay(LocalDate imaging, WorkingDayCalendar calendar, NonWorkingDayShift shift) =>
        calendar.TryShift(imaging, shift, out var shifted)
            ? (shifted, shifted != imaging ? ResponseAssessmentDateReasons.MovedToWorkingDay : ResponseAssessmentDateReasons.None)
            : (imaging, ResponseAssessmentDateReasons.NotShiftable);

    /// <summary>
    /// True if every follow-up date of <paramref name="courseEndDate"/> (the imaging date and both
    /// ends of the next-course window, before any move onto working days) is on or before
    /// 9999-12-31, so <see cref="Dates"/> does not throw; the discharge rule and working days never
    /// pass the window's end.
    /// </summary>
    internal static bool Fit(CourseProtocol protocol, LocalDate courseEndDate) =>
        CalendarRange.TryAdd(courseEndDate, protocol.ResponseAssessmentDelay, out _)
        && CalendarRange.TryAdd(courseEndDate, protocol.RetreatmentWindowStart, out _)
        && CalendarRange.TryAdd(courseEndDate, protocol.RetreatmentWindowEnd, out _);

    /// <summary>
    /// The follow-up dates in force for a course end date, as values (the batch planner's form,
    /// allocating nothing): the imaging date moved by <paramref name="imagingDateShift"/> and the
    /// window moved onto working days when a <paramref name="calendar"/> is given.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">A follow-up date would pass 9999-12-31.</exception>
    internal static FollowUpDates Dates(CourseProtocol protocol, LocalDate courseEndDate, LocalDate? dischargeDate, WorkingDayCalendar? calendar, NonWorkingDayShift imagingDateShift)
    {
        var imaging = ResponseAssessmentDate(protocol, courseEndDate);
        var window = Window(protocol, courseEndDate, dischargeDate);
        if (calendar is null)
        {
            return new FollowUpDates(imaging, imaging, ResponseAssessmentDateReasons.None, window, window);
        }
        var (shifted, reasons) = OnWorkingDay(imaging, calendar, imagingDateShift);
        return new FollowUpDates(imaging, shifted, reasons, window, OnWorkingDays(window, calendar));
    }
}

/// <summary>A course's follow-up dates as values: the imaging date and the next-course window, each unadjusted and in force.</summary>
internal readonly record struct FollowUpDates(
    LocalDate ResponseAssessmentDateUnadjusted,
    LocalDate ResponseAssessmentDate,
    ResponseAssessmentDateReasons ResponseAssessmentDateReasons,
    WindowDates WindowUnadjusted,
    WindowDates Window);

/// <summary>
/// The next-course window as values: counted from the course end date (<see cref="ByCourseEndStart"/>
/// to <see cref="ByCourseEndEnd"/>), the earliest start after discharge, and the dates in force
/// (both inclusive; meaningless when <see cref="IsEmpty"/>) with what moved them.
/// </summary>
internal readonly record struct WindowDates(
    LocalDate ByCourseEndStart,
    LocalDate ByCourseEndEnd,
    LocalDate? EarliestAfterDischarge,
    LocalDate Start,
    LocalDate End,
    NextCourseWindowReasons Reasons)
{
    internal bool IsEmpty => (Reasons & (NextCourseWindowReasons.EmptiedByDischarge | NextCourseWindowReasons.NoWorkingDay)) != 0;
}
