using System.Threading;
using IL2Schedule.Rules;
using NodaTime;

namespace IL2Schedule.Batch;

/// <summary>
/// One protocol of a batch planner, with what it precomputes: its elapsed shape, and the follow-up
/// values of each course end date it has met. A batch's course end dates span a few thousand days,
/// so each date's follow-up values (without a discharge date) are computed once by
/// <see cref="FollowUpRules.Dates"/> and later courses read them. The detail columns
/// (<see cref="CourseDetailColumns"/>) need the whole follow-up dates and the window's note, which a
/// second table, made when first asked for, holds.
/// </summary>
internal sealed class ProtocolPlan
{
    /// <summary>Slots of the follow-up table: over 22 years of course end dates without a collision.</summary>
    private const int FollowUpSlots = 8192;

    /// <summary>A slot's state while one thread writes it; 0 is empty, and a filled slot holds <see cref="Key"/> of its date.</summary>
    private const long Writing = 1;

    private readonly FollowUpSlot[] followUps = new FollowUpSlot[FollowUpSlots];
    private Entry?[]? detailEntries;
    private readonly WorkingDayCalendar? calendar;
    private readonly NonWorkingDayShift imagingDateShift;

    internal ProtocolPlan(CourseProtocol protocol, WorkingDayCalendar? calendar, NonWorkingDayShift imagingDateShift)
    {
        Protocol = protocol;
        Shape = ElapsedCourseShape.For(protocol);
        this.calendar = calendar;
        this.imagingDateShift = imagingDateShift;
    }

    internal CourseProtocol Protocol { get; }

    /// <summary>The protocol's precomputed elapsed shape, or null unless its dose timing and cycle windows are elapsed.</summary>
    internal ElapsedCourseShape? Shape { get; }

    /// <summary>
    /// The follow-up values of a course as the columns hold them; with a discharge date they are
    /// computed afresh. Each slot of the table is written once, by the first thread to claim it, and
    /// read only once its state names its date, so parallel workers share the table safely; a date
    /// whose slot another date holds is computed afresh.
    /// </summary>
    internal FollowUpColumns FollowUpColumns(in CourseTotals course, LocalDate? dischargeDate)
    {
        if (dischargeDate is not null)
        {
            return Compute(course.CourseEndDate, dischargeDate);
        }
        long day = course.CourseEndEpochDay;
        long key = Key(day);
        ref var slot = ref followUps[day & (FollowUpSlots - 1)];
        long state = Volatile.Read(ref slot.State);
        if (state == key)
        {
            return slot.Columns;
        }
        var columns = Compute(course.CourseEndDate, null);
        if (state == 0 && Interlocked.CompareExchange(ref slot.State, Writing, 0) == 0)
        {
            slot.Columns = columns;
            Volatile.Write(ref slot.State, key);
        }
        return columns;
    }

    /// <summary>
    /// The follow-up dates of a course end, for the detail columns; with a discharge date they are
    /// computed afresh. Entries are immutable, so parallel workers share the table safely.
    /// </summary>
    internal FollowUpDates FollowUpDates(in CourseTotals course, LocalDate? dischargeDate)
    {
        if (dischargeDate is not null)
        {
            return FollowUpRules.Dates(Protocol, course.CourseEndDate, dischargeDate, calendar, imagingDateShift);
        }
        long day = course.CourseEndEpochDay;
        var entries = Volatile.Read(ref detailEntries) ?? Interlocked.CompareExchange(ref detailEntries, new Entry?[FollowUpSlots], null) ?? detailEntries;
        ref var slot = ref entries[day & (FollowUpSlots - 1)];
        var entry = Volatile.Read(ref slot);
        if (entry is null || entry.CourseEndEpochDay != day)
        {
            var dates = FollowUpRules.Dates(Protocol, course.CourseEndDate, null, calendar, imagingDateShift);
            entry = new Entry(day, dates, FollowUpResults.Note(Protocol, course.CourseEndDate, null, dates.WindowUnadjusted, dates.Window));
            Volatile.Write(ref slot, entry);
        }
        return entry.Dates;
    }

    /// <summary>
    /// The note that words the window in force (<see cref="NextCourseWindow.Note"/>) of a course end
    /// and the follow-up dates <see cref="FollowUpDates"/> gave for it: without a discharge date the
    /// detail table's shared text, with one computed afresh (a text only when the rule moved or emptied the window).
    /// </summary>
    internal string? NoteOf(in CourseTotals course, LocalDate? dischargeDate, in FollowUpDates dates)
    {
        if (dischargeDate is null && Volatile.Read(ref detailEntries) is { } entries
            && Volatile.Read(ref entries[course.CourseEndEpochDay & (FollowUpSlots - 1)]) is { } entry
            && entry.CourseEndEpochDay == course.CourseEndEpochDay)
        {
            return entry.Note;
        }
        return FollowUpResults.Note(Protocol, course.CourseEndDate, dischargeDate, dates.WindowUnadjusted, dates.Window);
    }

    /// <summary>The state of a slot that holds the date <paramref name="epochDay"/> (days since 1970-01-01): never 0 or <see cref="Writing"/>.</summary>
    private static long Key(long epochDay) => (epochDay << 2) | 2;

    private FollowUpColumns Compute(LocalDate courseEndDate, LocalDate? dischargeDate)
    {
        return Batch.FollowUpColumns.From(FollowUpRules.Dates(Protocol, courseEndDate, dischargeDate, calendar, imagingDateShift));
    }

    private struct FollowUpSlot
    {
        internal long State;
        internal FollowUpColumns Columns;
    }

    private sealed record Entry(long CourseEndEpochDay, FollowUpDates Dates, string? Note);
}

/// <summary>A course's follow-up values as the columns hold them: the imaging date, the next-course window in force (default dates when it is empty) and its reasons.</summary>
internal readonly record struct FollowUpColumns(
    LocalDate ResponseAssessmentDate,
    LocalDate NextCourseWindowStart,
    LocalDate NextCourseWindowEnd,
    NextCourseWindowReasons NextCourseWindowReasons)
{
    /// <summary>The columns' form of follow-up dates the rules gave.</summary>
    internal static FollowUpColumns From(in FollowUpDates dates)
    {
        var window = dates.Window;
        return new FollowUpColumns(
            dates.ResponseAssessmentDate,
            window.IsEmpty ? default : window.Start,
            window.IsEmpty ? default : window.End,
            window.Reasons);
    }
}
