using NodaTime;

namespace IL2Schedule.Rules;

/// <summary>The course end date, from which every follow-up date counts.</summary>
/// <remarks>
/// The course ends when the last infusion of the last cycle ends; the course end date is that
/// instant's local date in the course's zone (the label's "after the course" read as a date, which
/// is this library's choice).
/// </remarks>
internal static class CourseEndRule
{
    internal static LocalDate Date(Instant courseEnd, Offset offset) => courseEnd.WithOffset(offset).Date;

    internal static LocalDate Date(ZonedDateTime courseEnd) => Date(courseEnd.ToInstant(), courseEnd.Offset);

    /// <summary>The same date as days since 1970-01-01 (the local ticks, floored to whole days), for keys and tables.</summary>
    internal static long EpochDay(Instant courseEnd, Offset offset)
    {
        long localTicks = courseEnd.ToUnixTimeTicks() + offset.Ticks;
        return (localTicks / System.TimeSpan.TicksPerDay) - (localTicks % System.TimeSpan.TicksPerDay < 0 ? 1 : 0);
    }
}
