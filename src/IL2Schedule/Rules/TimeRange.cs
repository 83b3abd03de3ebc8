using NodaTime;

namespace IL2Schedule.Rules;

/// <summary>
/// Whether a time the rules compute can be represented: an instant within NodaTime's range whose
/// local time in the course's zone lies in the ISO years 1 to 9999. The re-planner asks before it
/// turns ticks into a time, and before it maps a local time that a rule would move on from, so an
/// event that pushes a course past 9999-12-31 is rejected by rule (<c>CourseEventRule.OutOfRange</c>)
/// with no exception thrown and caught. This library's choice, as for the plans (years 1 to 9999).
/// </summary>
internal static class TimeRange
{
    private static readonly long MinTicks = Ticks.From(Instant.MinValue);

    private static readonly long MaxTicks = Ticks.From(Instant.MaxValue);

    /// <summary>The first local tick of 0001-01-01.</summary>
    private static readonly long MinLocalTicks = LocalTicks.From(new LocalDate(1, 1, 1));

    /// <summary>The last local tick of 9999-12-31.</summary>
    private static readonly long MaxLocalTicks = LocalTicks.From(new LocalDate(9999, 12, 31)) + Ticks.PerDay - 1;

    /// <summary>True if <paramref name="ticks"/> is an instant whose local time in the map's zone can be represented.</summary>
    internal static bool Holds<TMap>(ref TMap map, long ticks)
        where TMap : IZoneMap
    {
        if (ticks < MinTicks || ticks > MaxTicks)
        {
            return false;
        }
        long local = ticks + map.IntervalAt(ticks).OffsetTicks;
        return local >= MinLocalTicks && local <= MaxLocalTicks;
    }

    /// <summary>
    /// True if the local time <paramref name="localTicks"/> and the days either side of it are in
    /// years 1 to 9999: the margin a rule needs to map it leniently (a gap moves it forward, an offset
    /// of up to 18 hours turns it into an instant) or to search the days around it.
    /// </summary>
    /// <param name="localTicks">The local time as local ticks.</param>
    /// <param name="days">The whole days on each side that must be in range, at least 1.</param>
    internal static bool HoldsLocal(long localTicks, int days) =>
        localTicks - (days * Ticks.PerDay) >= MinLocalTicks && localTicks + (days * Ticks.PerDay) <= MaxLocalTicks;
}
