using NodaTime;

namespace IL2Schedule.Rules;

/// <summary>When a planned infusion ends.</summary>
/// <remarks>Label, section 2: each dose is a 15-minute intravenous infusion; <see cref="CourseProtocol.InfusionDuration"/> of elapsed time.</remarks>
internal static class InfusionRule
{
    internal static Instant End(CourseProtocol protocol, Instant start) => start + protocol.InfusionDuration;
}
