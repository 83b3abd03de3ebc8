using System;
using NodaTime;

namespace IL2Schedule;

/// <summary>The dates that follow a course: response assessment and the next-course window.</summary>
internal static class FollowUpRules
{
    /// <summary>Course end date + <see cref="CourseProtocol.ResponseAssessmentDelay"/>.</summary>
    /// <remarks>Label, "Retreatment": evaluate for response about 4 weeks after the course.</remarks>
    internal static LocalDate ResponseAssessmentDate(CourseProtocol protocol, LocalDate courseEndDate) =>
        CalendarRange.Add(courseEndDate, protocol.ResponseAssessmentDelay, "the response-assessment date");

    /// <summary>
    /// [course end date + <see cref="CourseProtocol.RetreatmentWindowStart"/>, course end date +
    /// <see cref="CourseProtocol.RetreatmentWindowEnd"/>], both inclusive; with a discharge date the
    /// start is no earlier than discharge + <see cref="CourseProtocol.MinimumIntervalAfterDischarge"/>.
    /// An empty result is reported with its reason, never thrown.
    /// </summary>
    /// <remarks>Atkins 1999 and Fyfe 1995 (every 6–12 weeks); label, "Retreatment" (7 weeks from discharge).</remarks>
    internal static NextCourseWindow NextCourseWindow(CourseProtocol protocol, LocalDate courseEndDate, LocalDate? dischargeDate)
    {
        var earliest = CalendarRange.Add(courseEndDate, protocol.RetreatmentWindowStart, "the next-course window's start");
        var latest = CalendarRange.Add(courseEndDate, protocol.RetreatmentWindowEnd, "the next-course window's end");
        var byCourseEnd = new DateInterval(earliest, latest);
        if (dischargeDate is not { } discharge)
        {
            return new NextCourseWindow(byCourseEnd, null, null, byCourseEnd, null);
        }
        string minimum = ScheduleText.Format(protocol.MinimumIntervalAfterDischarge);
        string windowEnd = $"the window's end {Format(latest)} ({ScheduleText.Format(protocol.RetreatmentWindowEnd)} after the course end date {Format(courseEndDate)})";
        if (!CalendarRange.TryAdd(discharge, protocol.MinimumIntervalAfterDischarge, out var afterDischarge))
        {
            return new NextCourseWindow(byCourseEnd, discharge, null, null,
                $"Empty: the next course starts at least {minimum} after discharge on {Format(discharge)}, which is after 9999-12-31, the last date that can be represented, and so after {windowEnd}.");
        }
        string rule = $"the next course starts at least {minimum} after discharge on {Format(discharge)}, so not before {Format(afterDischarge)}";
        if (afterDischarge > latest)
        {
            return new NextCourseWindow(byCourseEnd, discharge, afterDischarge, null, $"Empty: {rule}, which is after {windowEnd}.");
        }
        if (afterDischarge > earliest)
        {
            return new NextCourseWindow(byCourseEnd, discharge, afterDischarge, new DateInterval(afterDischarge, latest),
                $"Start moved from {Format(earliest)}: {rule}.");
        }
        return new NextCourseWindow(byCourseEnd, discharge, afterDischarge, byCourseEnd, null);
    }

    /// <summary>
    /// The window moved onto working days: its start forward to the first working day on or after
    /// it, its end back to the last working day on or before it. A window with no working day is
    /// reported empty with its reason, never thrown; the discharge rule's note is kept in front.
    /// </summary>
    /// <remarks>Issue 4: follow-up is booked on working days. Shrinking rather than widening the window keeps every rule it came from.</remarks>
    internal static NextCourseWindow OnWorkingDays(NextCourseWindow window, WorkingDayCalendar calendar)
    {
        if (window.Dates is not { } dates)
        {
            return window;
        }
        var start = dates.Start;
        while (!calendar.IsWorkingDay(start) && start < dates.End)
        {
            start = start.PlusDays(1);
        }
        var end = dates.End;
        while (!calendar.IsWorkingDay(end) && end > start)
        {
            end = end.PlusDays(-1);
        }
        if (start == dates.Start && end == dates.End)
        {
            return window;
        }
        string note;
        DateInterval? adjusted = null;
        if (!calendar.IsWorkingDay(start))
        {
            note = $"Empty: no working day from {Format(dates.Start)} to {Format(dates.End)}.";
        }
        else
        {
            adjusted = new DateInterval(start, end);
            note = (start == dates.Start ? "" : $"Start moved from {Format(dates.Start)} to the next working day, {Format(start)}.")
                + (start != dates.Start && end != dates.End ? " " : "")
                + (end == dates.End ? "" : $"End moved from {Format(dates.End)} to the previous working day, {Format(end)}.");
        }
        return new NextCourseWindow(
            window.ByCourseEnd,
            window.DischargeDate,
            window.EarliestAfterDischarge,
            adjusted,
            window.Note is { } earlier ? earlier + " " + note : note);
    }

    private static string Format(LocalDate date) => ScheduleText.Format(date);
}
