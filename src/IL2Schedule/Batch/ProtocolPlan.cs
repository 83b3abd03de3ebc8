using System.Threading;
using IL2Schedule.Rules;
using NodaTime;

namespace IL2Schedule.Batch;

/// <summary>
/// One protocol of a batch planner with the follow-up dates it has computed: a batch's course end
/// dates span a few thousand days, so each date's follow-up dates (without a discharge date) are
/// computed once by <see cref="FollowUpRules.Dates"/> and later courses read them.
/// </summary>
internal sealed class ProtocolPlan
{
    /// <summary>Slots of the follow-up table: over 22 years of course end dates without a collision.</summary>
    private const int FollowUpSlots = 8192;

    private readonly Entry?[] followUps = new Entry?[FollowUpSlots];
    private readonly WorkingDayCalendar? calendar;
    private readonly NonWorkingDayShift imagingDateShift;

    internal ProtocolPlan(CourseProtocol protocol, WorkingDayCalendar? calendar, NonWorkingDayShift imagingDateShift)
    {
        Protocol = protocol;
        this.calendar = calendar;
        this.imagingDateShift = imagingDateShift;
    }

    internal CourseProtocol Protocol { get; }

    /// <summary>
    /// The follow-up dates of a course end; with a discharge date they are computed afresh. Entries
    /// are immutable, so parallel workers share the table safely.
    /// </summary>
    internal FollowUpDates FollowUpDates(in CourseTotals course, LocalDate? dischargeDate)
    {
        if (dischargeDate is not null)
        {
            return Rules.FollowUpRules.Dates(Protocol, course.CourseEndDate, dischargeDate, calendar, imagingDateShift);
        }
        long day = course.CourseEndEpochDay;
        ref var slot = ref followUps[day & (FollowUpSlots - 1)];
        var entry = Volatile.Read(ref slot);
        if (entry is null || entry.CourseEndEpochDay != day)
        {
            var dates = Rules.FollowUpRules.Dates(Protocol, course.CourseEndDate, null, calendar, imagingDateShift);
            entry = new Entry(day, dates, FollowUpResults.Note(Protocol, course.CourseEndDate, null, dates.WindowUnadjusted, dates.Window));
            Volatile.Write(ref slot, entry);
        }
        return entry.Dates;
    }

    /// <summary>
    /// The note that words the window in force (<see cref="NextCourseWindow.Note"/>) of a course end
    /// and the follow-up dates <see cref="FollowUpDates"/> gave for it: without a discharge date the
    /// table's shared text, with one computed afresh (a text only when the rule moved or emptied the window).
    /// </summary>
    internal string? NoteOf(in CourseTotals course, LocalDate? dischargeDate, in FollowUpDates dates)
    {
        if (dischargeDate is not null)
        {
            return FollowUpResults.Note(Protocol, course.CourseEndDate, dischargeDate, dates.WindowUnadjusted, dates.Window);
        }
        var entry = Volatile.Read(ref followUps[course.CourseEndEpochDay & (FollowUpSlots - 1)]);
        return entry is not null && entry.CourseEndEpochDay == course.CourseEndEpochDay
            ? entry.Note
            : FollowUpResults.Note(Protocol, course.CourseEndDate, null, dates.WindowUnadjusted, dates.Window);
    }

    private sealed record Entry(long CourseEndEpochDay, FollowUpDates Dates, string? Note);
}
