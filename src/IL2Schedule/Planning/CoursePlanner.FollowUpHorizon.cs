using System;
using NodaTime;

namespace IL2Schedule;

/// <summary>Which dates a course's follow-up rules can look at: the dates a working-day calendar must know.</summary>
public sealed partial class CoursePlanner
{
    /// <summary>
    /// How far a non-working imaging date's move onto a working day is looked for, in days: a calendar
    /// that closes more days than this in a row, around an imaging date, is read beyond the horizon.
    /// </summary>
    public const int ImagingShiftReachDays = 31;

    /// <summary>
    /// Days added to the last cycle's last calendar day to bound the course end date: a cycle start
    /// moved forward by a skipped local time (at most a day) and the last infusion ending after midnight.
    /// </summary>
    private const int CourseEndSlackDays = 2;

    /// <summary>The first and last dates a horizon holds (this library's choice: years 1 to 9999, as the plans).</summary>
    private static readonly LocalDate FirstHorizonDate = new(1, 1, 1);

    private static readonly LocalDate LastHorizonDate = new(9999, 12, 31);

    /// <summary>
    /// The dates the follow-up rules can look at for a course that ends on <paramref name="courseEndDate"/>:
    /// the imaging date (<see cref="CourseProtocol.ResponseAssessmentDelay"/> after it) moved either way
    /// onto a working day within <see cref="ImagingShiftReachDays"/>, and the next-course window
    /// (<see cref="CourseProtocol.RetreatmentWindowStart"/> to <see cref="CourseProtocol.RetreatmentWindowEnd"/>
    /// after it), which a discharge date or working days only shorten. Holidays outside it cannot change
    /// a follow-up date, so a calendar read from a file (recurring events expanded) needs only these dates.
    /// </summary>
    /// <param name="courseEndDate">The course end date (<see cref="CourseSchedule.CourseEndDate"/>), a local date in the course's zone.</param>
    /// <returns>Both ends inclusive, kept within 0001-01-01 to 9999-12-31.</returns>
    /// <exception cref="ArgumentException"><paramref name="courseEndDate"/> is not in the ISO calendar.</exception>
    public DateInterval FollowUpHorizon(LocalDate courseEndDate)
    {
        CalendarRange.CheckIso(courseEndDate, nameof(courseEndDate));
        var imaging = AddOrClamp(courseEndDate, Protocol.ResponseAssessmentDelay);
        var windowStart = AddOrClamp(courseEndDate, Protocol.RetreatmentWindowStart);
        var windowEnd = AddOrClamp(courseEndDate, Protocol.RetreatmentWindowEnd);
        var imagingFrom = AddOrClamp(imaging, Period.FromDays(-ImagingShiftReachDays));
        var imagingTo = AddOrClamp(imaging, Period.FromDays(ImagingShiftReachDays));
        return new DateInterval(
            LocalDate.Min(imagingFrom, windowStart),
            LocalDate.Max(imagingTo, windowEnd));
    }

    /// <summary>
    /// The dates the follow-up rules can look at for any course of this protocol whose first dose
    /// falls on a date in <paramref name="firstDoseDates"/>: the union of <see cref="FollowUpHorizon(LocalDate)"/>
    /// over every course end date such a course can have (from its first dose date to the last cycle's
    /// last calendar day, plus two days for a skipped local time and an infusion past midnight).
    /// For a calendar shared by many courses, such as a batch's.
    /// </summary>
    /// <param name="firstDoseDates">The first doses' local dates, both ends inclusive.</param>
    /// <returns>Both ends inclusive, kept within 0001-01-01 to 9999-12-31.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="firstDoseDates"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="firstDoseDates"/> is not in the ISO calendar.</exception>
    public DateInterval FollowUpHorizon(DateInterval firstDoseDates)
    {
        Preconditions.CheckNotNull(firstDoseDates, nameof(firstDoseDates));
        CalendarRange.CheckIso(firstDoseDates.Start, nameof(firstDoseDates));
        int courseDays = (Protocol.CycleCount * Protocol.CycleLengthDays) + ((Protocol.CycleCount - 1) * Protocol.RestPeriodDays) + CourseEndSlackDays;
        var latestCourseEnd = AddOrClamp(firstDoseDates.End, Period.FromDays(courseDays));
        return new DateInterval(FollowUpHorizon(firstDoseDates.Start).Start, FollowUpHorizon(latestCourseEnd).End);
    }

    /// <summary>
    /// <paramref name="date"/> plus <paramref name="period"/>, kept within 0001-01-01 to 9999-12-31
    /// (NodaTime itself goes back to year -9998, so a date before year 1 is clamped here, not by
    /// <see cref="CalendarRange.TryAdd"/>, which fails only past 9999-12-31).
    /// </summary>
    private static LocalDate AddOrClamp(LocalDate date, Period period)
    {
        if (!CalendarRange.TryAdd(date, period, out var result))
        {
            return LastHorizonDate;
        }
        return result < FirstHorizonDate ? FirstHorizonDate : result;
    }
}
