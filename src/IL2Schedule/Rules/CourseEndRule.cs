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
    /// <summary>The local date of the course end (ticks) at the offset (ticks) in force then.</summary>
    internal static LocalDate Date(long courseEnd, long offsetTicks) => LocalTicks.DateOf(courseEnd + offsetTicks);

    internal static LocalDate Date(ZonedDateTime courseEnd) => Date(Ticks.From(courseEnd.ToInstant()), courseEnd.Offset.Ticks);

    /// <summary>The same date as days since 1970-01-01 (the local ticks, floored to whole days), for keys and tables.</summary>
    internal static long EpochDay(long courseEnd, long offsetTicks) => LocalTicks.EpochDay(courseEnd + offsetTicks);
}
