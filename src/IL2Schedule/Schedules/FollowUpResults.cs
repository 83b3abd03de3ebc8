using System.Globalization;
using System.Linq;
using IL2Schedule.Rules;
using NodaTime;

namespace IL2Schedule;

/// <summary>Builds the follow-up results (<see cref="IL2Schedule.NextCourseWindow"/> with the note that words it) from the rules' values.</summary>
internal static class FollowUpResults
{
    /// <summary>Every follow-up value of a course end date, unadjusted and in force, with the window notes.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">As for <see cref="FollowUpRules.Dates"/>.</exception>
    internal static FollowUp For(CourseProtocol protocol, LocalDate courseEndDate, LocalDate? dischargeDate, WorkingDayCalendar? calendar, NonWorkingDayShift imagingDateShift)
    {
        var dates = FollowUpRules.Dates(protocol, courseEndDate, dischargeDate, calendar, imagingDateShift);
        return new FollowUp(
            dates.ResponseAssessmentDateUnadjusted,
            dates.ResponseAssessmentDate,
            dates.ResponseAssessmentDateReasons,
            Describe(protocol, courseEndDate, dischargeDate, dates.WindowUnadjusted, dates.WindowUnadjusted),
            Describe(protocol, courseEndDate, dischargeDate, dates.WindowUnadjusted, dates.Window));
    }

    /// <summary>The window in force, <paramref name="inForce"/>, described against the one before working days, <paramref name="beforeWorkingDays"/>.</summary>
    internal static NextCourseWindow Describe(CourseProtocol protocol, LocalDate courseEndDate, LocalDate? dischargeDate, WindowDates beforeWorkingDays, WindowDates inForce) =>
        new(
            new DateInterval(inForce.ByCourseEndStart, inForce.ByCourseEndEnd),
            dischargeDate,
            inForce.EarliestAfterDischarge,
            inForce.IsEmpty ? null : new DateInterval(inForce.Start, inForce.End),
            inForce.Reasons,
            Note(protocol, courseEndDate, dischargeDate, beforeWorkingDays, inForce));

    /// <summary>
    /// The note that words the window in force, <paramref name="inForce"/> (<see cref="NextCourseWindow.Note"/>):
    /// how the discharge rule moved or emptied it, then how working days moved or emptied it; null when neither did.
    /// </summary>
    internal static string? Note(CourseProtocol protocol, LocalDate courseEndDate, LocalDate? dischargeDate, WindowDates beforeWorkingDays, WindowDates inForce)
    {
        string? note = DischargeNote(protocol, courseEndDate, dischargeDate, beforeWorkingDays);
        if (!beforeWorkingDays.IsEmpty && inForce != beforeWorkingDays)
        {
            string workingDays = inForce.IsEmpty
                ? $"Empty: no working day from {Format(beforeWorkingDays.Start)} to {Format(beforeWorkingDays.End)}."
                : (inForce.Reasons & NextCourseWindowReasons.NotShiftable) != 0
                ? string.Create(CultureInfo.InvariantCulture, $"Not moved onto working days: its start or end is more than {WorkingDayCalendar.MaxShiftDays} days ({nameof(WorkingDayCalendar)}.{nameof(WorkingDayCalendar.MaxShiftDays)}) from a working day{RuleBook.See(RuleBook.Planning(13))}.")
                : string.Join(" ", new[]
                {
                    inForce.Start == beforeWorkingDays.Start ? null : $"Start moved from {Format(beforeWorkingDays.Start)} to the next working day, {Format(inForce.Start)}.",
                    inForce.End == beforeWorkingDays.End ? null : $"End moved from {Format(beforeWorkingDays.End)} to the previous working day, {Format(inForce.End)}.",
                }.Where(part => part is not null));
            note = note is null ? workingDays : note + " " + workingDays;
        }
        return note;
    }

    private static string? DischargeNote(CourseProtocol protocol, LocalDate courseEndDate, LocalDate? dischargeDate, WindowDates window)
    {
        if (dischargeDate is not { } discharge || window.Reasons == NextCourseWindowReasons.None)
        {
            return null;
        }
        string minimum = ScheduleText.Format(protocol.MinimumIntervalAfterDischarge);
        string windowEnd = $"the window's end {Format(window.ByCourseEndEnd)} ({ScheduleText.Format(protocol.RetreatmentWindowEnd)} after the course end date {Format(courseEndDate)})";
        if (window.EarliestAfterDischarge is not { } afterDischarge)
        {
            return $"Empty: the next course starts at least {minimum} after discharge on {Format(discharge)}, which is after 9999-12-31, the last date that can be represented, and so after {windowEnd}.";
        }
        string rule = $"the next course starts at least {minimum} after discharge on {Format(discharge)}, so not before {Format(afterDischarge)}";
        return window.IsEmpty
            ? $"Empty: {rule}, which is after {windowEnd}."
            : $"Start moved from {Format(window.ByCourseEndStart)}: {rule}.";
    }

    private static string Format(LocalDate date) => ScheduleText.Format(date);
}

/// <summary>A course's follow-up values: the imaging date and the next-course window, each unadjusted and in force.</summary>
internal sealed record FollowUp(
    LocalDate ResponseAssessmentDateUnadjusted,
    LocalDate ResponseAssessmentDate,
    ResponseAssessmentDateReasons ResponseAssessmentDateReasons,
    NextCourseWindow NextCourseWindowUnadjusted,
    NextCourseWindow NextCourseWindow);
