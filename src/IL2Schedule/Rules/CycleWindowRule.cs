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
    /// <summary>
    /// The most dose times a cycle's window holds, whatever the timing and the counting: the slots of
    /// the elapsed window (<see cref="CourseProtocol.SlotsPerCycle"/>, 15). The planner's
    /// <c>WindowDoseCapacity</c> and a recorded cycle's slots are both counted with it.
    /// </summary>
    /// <remarks>
    /// This library's choice, so that a plan and a record of it agree. A clock change can fit one more
    /// dose time into a window: wall-clock timing across a spring change (one 7-hour interval, so a
    /// 16th time 119 elapsed hours after the first), or a calendar-day window holding an autumn
    /// change's 25-hour day. That time is what the clock calls day 6 (or the 16th eight-hourly time of
    /// 5 days), which the label's "days 1–5" and the NCI's "up to 15 doses within 5 days" leave out.
    /// </remarks>
    internal static int MaxDoseTimes(CourseProtocol protocol) => protocol.SlotsPerCycle;

    /// <summary>Whether a dose time is one of the window's: before its end, and among the first <see cref="MaxDoseTimes"/>.</summary>
    /// <param name="protocol">The course rules.</param>
    /// <param name="index">The dose time's index in the cycle, from 0.</param>
    /// <param name="time">The dose time (ticks).</param>
    /// <param name="windowEnd">The window's end (ticks), exclusive (<see cref="End"/>).</param>
    internal static bool Holds(CourseProtocol protocol, int index, long time, long windowEnd) =>
        time < windowEnd && index < MaxDoseTimes(protocol);

    /// <summary>
    /// As <see cref="End"/>, or false when the window's end, or the calendar day it is counted to,
    /// would leave years 1 to 9999 (<see cref="TimeRange"/>): the re-planner's form.
    /// </summary>
    /// <param name="protocol">The course rules.</param>
    /// <param name="map">The zone's mapping.</param>
    /// <param name="nominalLocal">The cycle's nominal start as local ticks.</param>
    /// <param name="windowStart">The window's start (ticks), a representable instant.</param>
    /// <param name="end">The window's end (ticks), or 0 when false is returned.</param>
    internal static bool TryEnd<TMap>(CourseProtocol protocol, ref TMap map, long nominalLocal, long windowStart, out long end)
        where TMap : IZoneMap
    {
        bool mappable = protocol.CycleWindowCounting == CycleWindowCounting.Elapsed
            || TimeRange.HoldsLocal(nominalLocal + (protocol.CycleLengthDays * Ticks.PerDay), 1);
        end = mappable ? End(protocol, ref map, nominalLocal, windowStart) : 0;
        return mappable && TimeRange.Holds(ref map, end);
    }

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
