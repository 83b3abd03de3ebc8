using NodaTime;

namespace IL2Schedule.Rules;

/// <summary>When a planned infusion ends.</summary>
/// <remarks>Label, section 2: each dose is a 15-minute intravenous infusion; <see cref="CourseProtocol.InfusionDuration"/> of elapsed time.</remarks>
internal static class InfusionRule
{
    /// <summary>The end (ticks) of an infusion that starts at <paramref name="start"/> (ticks).</summary>
    internal static long End(CourseProtocol protocol, long start) => start + protocol.InfusionTicks;

    /// <summary>As <see cref="End(CourseProtocol, long)"/>, for an instant (used to the tick: a part of 100 ns is dropped).</summary>
    internal static Instant End(CourseProtocol protocol, Instant start) => Ticks.ToInstant(End(protocol, Ticks.From(start)));
}
