namespace IL2Schedule.Rules;

/// <summary>Where a cycle's window ends (exclusive): the dose times inside it are the cycle's capacity.</summary>
/// <remarks>
/// Label, Table 1: doses on days 1–5. <see cref="CycleWindowCounting.Elapsed"/> (the default) counts
/// <see cref="CourseProtocol.CycleLengthDays"/> × 24 elapsed hours from the window's start;
/// <see cref="CycleWindowCounting.CalendarDays"/> counts the calendar days of the nominal start, so the
/// window ends at the start of day <see cref="CourseProtocol.CycleLengthDays"/> + 1. The sources do not
/// say which is meant, hence the option (see the domain notes on 14 or 15 doses a cycle).
/// </remarks>
internal static class CycleWindowRule
{
    /// <summary>The window's end (ticks), exclusive.</summary>
    /// <param name="protocol">The course rules.</param>
    /// <param name="map">The zone's mapping.</param>
    /// <param name="nominalLocal">The cycle's nominal start as local ticks.</param>
    /// <param name="windowStart">The window's start (ticks): the cycle's first dose, planned or as given if earlier.</param>
    internal static long End<TMap>(CourseProtocol protocol, ref TMap map, long nominalLocal, long windowStart)
        where TMap : IZoneMap =>
        protocol.CycleWindowCounting == CycleWindowCounting.Elapsed
            ? windowStart + protocol.CycleWindowTicks
            : map.StartOfDay(LocalTicks.DateOf(nominalLocal).PlusDays(protocol.CycleLengthDays));
}
