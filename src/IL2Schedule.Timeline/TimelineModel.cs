using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IL2Schedule.Records;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule.Timeline;

/// <summary>What a dose mark shows: a planned dose, or what became of a recorded slot.</summary>
internal enum MarkKind
{
    Planned,
    Given,
    Held,
    Skipped,
    Cancelled,
    Stopped,
}

/// <summary>One dose mark: the local start in the course's zone (a given dose's recorded start, otherwise its due time).</summary>
internal readonly record struct DoseMark(LocalDateTime Start, MarkKind Kind);

/// <summary>One cycle as drawn: the local dates of its first and last listed dose.</summary>
internal readonly record struct CycleSpan(int Number, LocalDate First, LocalDate Last);

/// <summary>
/// Everything the picture shows, taken from a planned or re-planned schedule as the library
/// computed it; nothing here computes a dose time or a follow-up date.
/// </summary>
internal sealed class TimelineModel
{
    private static readonly OffsetDateTimePattern StartText = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm o<m>");

    private TimelineModel(string title, string zoneLine, IReadOnlyList<DoseMark> marks, IReadOnlyList<CycleSpan> cycles, LocalDateTime? courseEnd, LocalDate? imaging, DateInterval? window, LocalDateTime? now)
    {
        Title = title;
        ZoneLine = zoneLine;
        Marks = marks;
        Cycles = cycles;
        CourseEnd = courseEnd;
        Imaging = imaging;
        Window = window;
        Now = now;
        var dates = marks.Select(mark => mark.Start.Date).ToList();
        if (imaging is { } imagingDate)
        {
            dates.Add(imagingDate);
        }
        if (window is not null)
        {
            dates.Add(window.End);
        }
        if (now is { } nowTime)
        {
            dates.Add(nowTime.Date);
        }
        Origin = dates.Min();
        LastDate = dates.Max();
    }

    internal string Title { get; }

    /// <summary>"Local times in America/New_York (tzdb 2025b)".</summary>
    internal string ZoneLine { get; }

    internal IReadOnlyList<DoseMark> Marks { get; }

    internal IReadOnlyList<CycleSpan> Cycles { get; }

    internal LocalDateTime? CourseEnd { get; }

    internal LocalDate? Imaging { get; }

    internal DateInterval? Window { get; }

    internal LocalDateTime? Now { get; }

    /// <summary>The earliest date drawn: day 0 of the x axis.</summary>
    internal LocalDate Origin { get; }

    /// <summary>The latest date drawn.</summary>
    internal LocalDate LastDate { get; }

    /// <summary>A date's x: whole days after <see cref="Origin"/>.</summary>
    internal double Day(LocalDate date) => Period.DaysBetween(Origin, date);

    /// <summary>A local date-time's x: days after <see cref="Origin"/>, with the clock time as a fraction of the day.</summary>
    internal double Day(LocalDateTime time) => Day(time.Date) + (time.TimeOfDay.TickOfDay / (double)NodaConstants.TicksPerDay);

    internal static TimelineModel From(CourseSchedule course) => new(
        string.Create(CultureInfo.InvariantCulture, $"Aldesleukin course: {course.Doses.Count} planned doses from {StartText.Format(course.Doses[0].Start.ToOffsetDateTime())}"),
        ZoneText(course),
        course.Doses.Select(dose => new DoseMark(dose.Start.LocalDateTime, MarkKind.Planned)).ToList(),
        course.Cycles.Select(cycle => new CycleSpan(cycle.Number, cycle.Doses[0].Start.Date, cycle.Doses[^1].Start.Date)).ToList(),
        course.CourseEnd.LocalDateTime,
        course.ResponseAssessmentDate,
        course.NextCourseWindow.Dates,
        now: null);

    internal static TimelineModel From(ReplannedSchedule schedule, Instant? at)
    {
        var plan = schedule.Record.Plan;
        string title = string.Create(CultureInfo.InvariantCulture, $"Aldesleukin course (recorded): {schedule.DosesGiven} given, {schedule.DosesHeld} held, {(schedule.DosesStopped > 0 ? schedule.DosesStopped.ToString(CultureInfo.InvariantCulture) + " stopped, " : "")}{schedule.DosesPlanned} planned");
        return new TimelineModel(
            title,
            ZoneText(plan),
            schedule.Slots.Select(slot => new DoseMark(slot.Start.LocalDateTime, Kind(slot.Status))).ToList(),
            schedule.Cycles.Where(cycle => cycle.Slots.Count > 0)
                .Select(cycle => new CycleSpan(cycle.Number, cycle.Slots[0].Start.Date, cycle.Slots[^1].Start.Date)).ToList(),
            schedule.CourseEnd?.LocalDateTime,
            schedule.ResponseAssessmentDate,
            schedule.NextCourseWindow?.Dates,
            at?.InZone(plan.Zone).LocalDateTime);
    }

    private static string ZoneText(CourseSchedule course) =>
        $"Dates and clock times are local in {course.ZoneId} (tzdb {course.TzdbVersion})";

    private static MarkKind Kind(DoseSlotStatus status) => status switch
    {
        DoseSlotStatus.Given => MarkKind.Given,
        DoseSlotStatus.Held => MarkKind.Held,
        DoseSlotStatus.Skipped => MarkKind.Skipped,
        DoseSlotStatus.Cancelled => MarkKind.Cancelled,
        DoseSlotStatus.Stopped => MarkKind.Stopped,
        _ => MarkKind.Planned,
    };
}
