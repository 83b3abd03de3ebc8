namespace IL2Schedule.Rules;

/// <summary>Where cycle c of a course starts.</summary>
/// <remarks>
/// Label, Table 1 and section 2: cycles on days 1–5 and 15–19, so cycle c (from 1) nominally starts
/// at the first dose's requested local date-time plus (c − 1) × (cycle length + rest) calendar days,
/// at the same clock time. Cycle 1 starts at the first dose itself. A later nominal start that the
/// zone skips moves forward by the gap's length; one it repeats takes the earlier instant
/// (NodaTime's lenient resolver): this library's choice, so that a cycle never starts early.
/// </remarks>
internal static class CycleStartRule
{
    /// <summary>Cycle <paramref name="cycleIndex"/>'s (from 0) nominal start as local ticks.</summary>
    internal static long NominalStart(CourseProtocol protocol, long firstDoseLocal, int cycleIndex) =>
        firstDoseLocal + (cycleIndex * protocol.DaysBetweenCycleStartsTicks);

    /// <summary>The instant (ticks) a later cycle (or a rescheduled one) starts: its nominal start, resolved leniently.</summary>
    internal static long Resolve<TMap>(ref TMap map, long nominalLocal)
        where TMap : IZoneMap =>
        map.MapLeniently(nominalLocal, out _);
}
