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
}
