using System.Collections.Generic;
using NodaTime;

namespace IL2Schedule.Rules;

/// <summary>
/// Where dose time k of a cycle falls, for each <see cref="DoseTiming"/>. The planner asks it for
/// every dose time of a cycle in turn; the re-planner asks it after a dose was given late, passing
/// the recorded start as the previous one.
/// </summary>
/// <remarks>
/// Elapsed: one <see cref="CourseProtocol.DosingInterval"/> of elapsed time after the previous dose
/// (label, Table 1: every 8 hours). Wall-clock: the cycle's nominal local start plus k intervals of
/// clock time, resolved leniently, so the clock times of the cycle are kept across a daylight-saving
/// change (EHR practice; Alberta Health Services Connect Care manual). Standard times: HemOnc.org
/// example orders (00:00, 08:00, 16:00) with the 50% rule of pharmacy order entry (Mass General
/// Brigham order-entry help); measuring "half the interval" in elapsed time and keeping a time at
/// exactly half are this library's choices.
/// </remarks>
internal static class DoseTimeRule
{
    /// <summary>The start (ticks) of dose time <paramref name="k"/> (from 0; k ≥ 1) of a cycle.</summary>
    /// <param name="protocol">The course rules.</param>
    /// <param name="map">The zone's mapping.</param>
    /// <param name="nominalLocal">The cycle's nominal start as local ticks.</param>
    /// <param name="k">The dose time's index in the cycle, from 0; at least 1.</param>
    /// <param name="previousStart">When dose time k − 1 started (ticks; planned, or as given).</param>
    internal static long Next<TMap>(CourseProtocol protocol, ref TMap map, long nominalLocal, int k, long previousStart)
        where TMap : IZoneMap =>
        protocol.DoseTiming switch
        {
            DoseTiming.Elapsed => previousStart + protocol.DosingIntervalTicks,
            DoseTiming.WallClock => map.MapLeniently(nominalLocal + (protocol.DosingIntervalTicks * k), out _),
            _ => NextStandardDoseStart(protocol, ref map, previousStart),
        };

    /// <summary>
    /// As <see cref="Next"/>, or false when the dose time, or a local time the rule maps on the way,
    /// would leave years 1 to 9999 (<see cref="TimeRange"/>): the re-planner's form, for recorded
    /// times that may lie at the end of the calendar.
    /// </summary>
    /// <param name="protocol">The course rules.</param>
    /// <param name="map">The zone's mapping.</param>
    /// <param name="nominalLocal">The cycle's nominal start as local ticks.</param>
    /// <param name="k">The dose time's index in the cycle, from 0; at least 1.</param>
    /// <param name="previousStart">When dose time k − 1 started (ticks; planned, or as given).</param>
    /// <param name="next">The dose time (ticks), or 0 when false is returned.</param>
    internal static bool TryNext<TMap>(CourseProtocol protocol, ref TMap map, long nominalLocal, int k, long previousStart, out long next)
        where TMap : IZoneMap
    {
        bool mappable = protocol.DoseTiming switch
        {
            DoseTiming.Elapsed => true,
            DoseTiming.WallClock => TimeRange.HoldsLocal(nominalLocal + (protocol.DosingIntervalTicks * k), 1),
            // The search for the next standard time looks from the day before the previous dose's local date to two days after it.
            _ => TimeRange.Holds(ref map, previousStart) && TimeRange.HoldsLocal(previousStart + map.IntervalAt(previousStart).OffsetTicks, 3),
        };
        next = mappable ? Next(protocol, ref map, nominalLocal, k, previousStart) : 0;
        return mappable && TimeRange.Holds(ref map, next);
    }

    /// <summary>
    /// The start of the dose after one that started at <paramref name="previousDoseStart"/> under
    /// standard times: the first standard time after it, unless less than half the dosing interval
    /// of elapsed time remains until that time, in which case the standard time after that one.
    /// </summary>
    private static long NextStandardDoseStart<TMap>(CourseProtocol protocol, ref TMap map, long previousDoseStart)
        where TMap : IZoneMap
    {
        var next = NextStandardTime(protocol.StandardAdministrationTimes, ref map, previousDoseStart);
        return next - previousDoseStart < protocol.DosingIntervalTicks / 2
            ? NextStandardTime(protocol.StandardAdministrationTimes, ref map, next)
            : next;
    }

    /// <summary>
    /// The first standard time strictly after <paramref name="after"/>. Standard times are local
    /// clock times resolved leniently: one the zone skips moves forward by the gap's length (and
    /// counts only if that is still after <paramref name="after"/>), one it repeats takes the
    /// earlier instant.
    /// </summary>
    /// <param name="times">Local clock times in ascending order, at least one.</param>
    /// <param name="map">The zone's mapping.</param>
    /// <param name="after">The instant (ticks) to search after.</param>
    private static long NextStandardTime<TMap>(IReadOnlyList<LocalTime> times, ref TMap map, long after)
        where TMap : IZoneMap
    {
        // Lenient mapping never goes back in time as the local time goes forward, so the first
        // candidate in local order that is after the instant is the earliest one. Starting a day
        // early covers a standard time that a gap moved forward past midnight.
        var localDate = LocalTicks.DateOf(after + map.IntervalAt(after).OffsetTicks);
        for (var midnight = LocalTicks.From(localDate) - Ticks.PerDay; ; midnight += Ticks.PerDay)
        {
            for (int i = 0; i < times.Count; i++)
            {
                var candidate = map.MapLeniently(midnight + times[i].TickOfDay, out _);
                if (candidate > after)
                {
                    return candidate;
                }
            }
        }
    }
}
