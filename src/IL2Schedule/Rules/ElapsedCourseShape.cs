using NodaTime;

namespace IL2Schedule.Rules;

/// <summary>
/// A protocol with elapsed dose timing and elapsed cycle windows, worked out once: each cycle's
/// nominal start and each dose's start and end as offsets (ticks) from the first dose's local
/// ticks and from the cycle's start, and the span after a cycle's start that one zone interval
/// must hold for <see cref="CourseWalker"/>'s elapsed fast path to apply. The batch planner plans
/// most courses of such a protocol from it with one zone lookup per cycle.
/// </summary>
/// <remarks>
/// <para>
/// Every offset comes from the rule functions themselves, applied to a start of 0:
/// <see cref="CycleStartRule.NominalStart"/> (first dose + c × (cycle length + rest) days),
/// <see cref="DoseTimeRule.Next{TMap}"/> under <see cref="DoseTiming.Elapsed"/> (the previous
/// dose + one dosing interval), <see cref="InfusionRule.End(CourseProtocol, long)"/> (start + the
/// infusion) and <see cref="CycleWindowRule.End{TMap}"/> under <see cref="CycleWindowCounting.Elapsed"/>
/// (window start + cycle length × 24 hours). Under these two settings each rule adds a fixed
/// number of ticks and reads no zone, so a cycle starting at s has its doses at s + the offsets.
/// </para>
/// <para>
/// Identical results (the proof the batch relies on). <see cref="CourseWalker.TryWalk{TMap, TSink}"/>
/// takes its elapsed fast path for a cycle when the zone interval holding the cycle's start has a
/// whole-minute offset and holds every instant up to the window's end plus one infusion
/// (<see cref="Fits"/>); it then plans exactly the cap's doses at these offsets, and the cycle must
/// not start before the previous cycle's last infusion ends. A cycle whose nominal start maps
/// uniquely (so the lenient and the strict mapping agree, and the start resolution is
/// <see cref="CycleStartResolution.AsPlanned"/>) and meets these conditions is therefore planned as
/// the walker plans it; a course whose every cycle is such a cycle is the walker's course. Any other
/// course goes through the walker.
/// </para>
/// </remarks>
internal sealed class ElapsedCourseShape
{
    private ElapsedCourseShape(CourseProtocol protocol)
    {
        var map = new TzdbZoneMap(DateTimeZone.Utc);
        int cap = protocol.MaxDosesPerCycle;
        CycleCount = protocol.CycleCount;
        DosesPerCycle = cap;
        CycleSlots = CycleWindowRule.MaxDoseTimes(protocol);
        NominalStartOffsets = new long[CycleCount];
        for (int c = 0; c < CycleCount; c++)
        {
            NominalStartOffsets[c] = CycleStartRule.NominalStart(protocol, 0, c);
        }
        DoseStartOffsets = new long[cap];
        DoseEndOffsets = new long[cap];
        long t = 0;
        for (int k = 0; k < cap; k++)
        {
            if (k > 0)
            {
                t = DoseTimeRule.Next(protocol, ref map, 0, k, t);
            }
            DoseStartOffsets[k] = t;
            DoseEndOffsets[k] = InfusionRule.End(protocol, t);
        }
        WindowEndOffset = CycleWindowRule.End(protocol, ref map, 0, 0);
        CoveredTicks = InfusionRule.End(protocol, WindowEndOffset);
    }

    /// <summary>The cycles of a course.</summary>
    internal int CycleCount { get; }

    /// <summary>The doses planned in each cycle: the protocol's cap.</summary>
    internal int DosesPerCycle { get; }

    /// <summary>The dose times an elapsed window holds (<see cref="CycleWindowRule.MaxDoseTimes"/>), which the walker reports as each cycle's capacity.</summary>
    internal int CycleSlots { get; }

    /// <summary>Per cycle (from 0): its nominal start minus the first dose's, in local ticks.</summary>
    internal long[] NominalStartOffsets { get; }

    /// <summary>Per dose of a cycle (from 0): its start minus the cycle's start, in ticks.</summary>
    internal long[] DoseStartOffsets { get; }

    /// <summary>Per dose of a cycle (from 0): its infusion's end minus the cycle's start, in ticks.</summary>
    internal long[] DoseEndOffsets { get; }

    /// <summary>The window's end (exclusive) minus the cycle's start, in ticks.</summary>
    internal long WindowEndOffset { get; }

    /// <summary>The window's end plus one infusion, minus the cycle's start, in ticks: what one zone interval must hold.</summary>
    internal long CoveredTicks { get; }

    /// <summary>The shape of <paramref name="protocol"/>, or null unless its dose timing and its cycle windows are both elapsed.</summary>
    internal static ElapsedCourseShape? For(CourseProtocol protocol) =>
        protocol.DoseTiming == DoseTiming.Elapsed && protocol.CycleWindowCounting == CycleWindowCounting.Elapsed
            ? new ElapsedCourseShape(protocol)
            : null;

    /// <summary>
    /// True if the walker's elapsed fast path applies to a cycle starting at <paramref name="start"/>
    /// (ticks) inside <paramref name="interval"/>: the interval's offset is whole minutes and it holds
    /// every instant up to the window's end plus one infusion.
    /// </summary>
    internal bool Fits(long start, in TickInterval interval) =>
        interval.HasWholeMinuteOffset && interval.Contains(start) && start + CoveredTicks < interval.End;
}
