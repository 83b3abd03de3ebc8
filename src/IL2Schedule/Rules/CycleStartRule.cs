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

    /// <summary>The instant (ticks) a later cycle (or a rescheduled one) starts: its nominal start, resolved leniently, and how it was resolved.</summary>
    internal static long Resolve<TMap>(ref TMap map, long nominalLocal, out CycleStartResolution resolution)
        where TMap : IZoneMap
    {
        long start = map.MapLeniently(nominalLocal, out bool unique);
        resolution = unique
            ? CycleStartResolution.AsPlanned
            : IsSkipped(ref map, nominalLocal, start) ? CycleStartResolution.ShiftedForward : CycleStartResolution.EarlierOffset;
        return start;
    }

    /// <summary>
    /// As <see cref="Resolve"/>, or false when the nominal start is within a day of the end of years
    /// 1 to 9999 or its instant cannot be represented (<see cref="TimeRange"/>): the re-planner's
    /// form, for a rescheduled start at the end of the calendar.
    /// </summary>
    internal static bool TryResolve<TMap>(ref TMap map, long nominalLocal, out long start, out CycleStartResolution resolution)
        where TMap : IZoneMap
    {
        if (!TimeRange.HoldsLocal(nominalLocal, 1))
        {
            start = 0;
            resolution = CycleStartResolution.AsPlanned;
            return false;
        }
        start = Resolve(ref map, nominalLocal, out resolution);
        return TimeRange.Holds(ref map, start);
    }

    /// <summary>
    /// How cycle 1's start, the first dose's instant (ticks) as the caller fixed it, relates to the
    /// first dose's requested local date-time (local ticks): as planned, or which resolution of a
    /// skipped or repeated time it is.
    /// </summary>
    internal static CycleStartResolution ResolutionOfFirst<TMap>(ref TMap map, long firstDoseLocal, long firstStart)
        where TMap : IZoneMap
    {
        long lenient = map.MapLeniently(firstDoseLocal, out bool unique);
        if (unique)
        {
            return CycleStartResolution.AsPlanned;
        }
        return IsSkipped(ref map, firstDoseLocal, lenient)
            ? (firstStart == lenient ? CycleStartResolution.ShiftedForward : CycleStartResolution.OtherInstantInGap)
            : (firstStart == lenient ? CycleStartResolution.EarlierOffset : CycleStartResolution.LaterOffset);
    }

    /// <summary>True if the lenient resolution (ticks) of a local time not mapped uniquely moved its clock time: the time is skipped, not repeated.</summary>
    private static bool IsSkipped<TMap>(ref TMap map, long nominalLocal, long lenient)
        where TMap : IZoneMap =>
        lenient + map.IntervalAt(lenient).OffsetTicks != nominalLocal;
}
