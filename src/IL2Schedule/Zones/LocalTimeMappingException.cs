using System;
using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule;

/// <summary>
/// Thrown when a first dose's local date-time is skipped (a spring-forward gap) or repeated (an
/// autumn overlap) in its time zone and the caller gave no <see cref="NodaTime.TimeZones.ZoneLocalMappingResolver"/>
/// saying which instant is meant.
/// </summary>
/// <remarks>
/// Items scheduled in the skipped spring hour need attention, and the repeated autumn hour is a
/// known source of lost or duplicated entries (Alberta Health Services Connect Care manual; KHN
/// 2018 reporting), so the library never guesses for the first dose.
/// </remarks>
public sealed class LocalTimeMappingException : ArgumentException
{
    /// <summary>Creates an exception for a local date-time that the zone skips or repeats.</summary>
    /// <param name="mapping">The mapping of the local date-time in its zone; it must be skipped or ambiguous.</param>
    /// <param name="paramName">The name of the parameter that held the local date-time.</param>
    /// <exception cref="ArgumentNullException"><paramref name="mapping"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="mapping"/> has exactly one instant.</exception>
    public LocalTimeMappingException(ZoneLocalMapping mapping, string? paramName)
        : this(Describe(Preconditions.CheckNotNull(mapping, nameof(mapping))), mapping, paramName)
    {
    }

    private LocalTimeMappingException(string reason, ZoneLocalMapping mapping, string? paramName)
        : base(reason + " " + Advice, paramName)
    {
        Reason = reason;
        LocalDateTime = mapping.LocalDateTime;
        ZoneId = TimeZoneLookup.GetCanonicalId(mapping.Zone);
        IsSkipped = mapping.Count == 0;
    }

    /// <summary>The advice that ends <see cref="Exception.Message"/>, after <see cref="Reason"/>.</summary>
    public const string Advice = "Choose another time, or pass a ZoneLocalMappingResolver to say which instant is meant.";

    /// <summary>
    /// What is wrong, without advice: the local time, the zone, and whether clocks jump over it or
    /// repeat it, with the offsets. Callers with their own way to choose (a command-line option,
    /// a form) can add their own advice to it.
    /// </summary>
    public string Reason { get; }

    /// <summary>The local date-time that does not map to exactly one instant.</summary>
    public LocalDateTime LocalDateTime { get; }

    /// <summary>The canonical id of the zone.</summary>
    public string ZoneId { get; }

    /// <summary>True if the zone skips the local date-time (a gap); false if it occurs twice (an overlap).</summary>
    public bool IsSkipped { get; }

    private static string Describe(ZoneLocalMapping mapping)
    {
        string local = mapping.LocalDateTime.ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss", null);
        string zoneId = TimeZoneLookup.GetCanonicalId(mapping.Zone);
        return mapping.Count switch
        {
            0 => $"The local time {local} is skipped in time zone {zoneId}: clocks jump from {Format(mapping.LateInterval.Start, mapping.EarlyInterval.WallOffset)} ({mapping.EarlyInterval.WallOffset}) to {Format(mapping.LateInterval.Start, mapping.LateInterval.WallOffset)} ({mapping.LateInterval.WallOffset}).",
            2 => $"The local time {local} is ambiguous in time zone {zoneId}: it occurs twice, at offset {mapping.EarlyInterval.WallOffset} and again at {mapping.LateInterval.WallOffset}, as clocks go back.",
            _ => throw new ArgumentException($"mapping must be skipped or ambiguous; was {local} with exactly one instant in {zoneId}", nameof(mapping)),
        };
    }

    private static string Format(Instant instant, Offset offset) =>
        instant.WithOffset(offset).LocalDateTime.ToString("uuuu'-'MM'-'dd'T'HH':'mm", null);
}
