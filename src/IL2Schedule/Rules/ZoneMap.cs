using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule.Rules;

/// <summary>
/// How the course rules turn local date-times into instants and instants into offsets. The rules
/// are written once, generic over this, so that the single-course planner (NodaTime directly), the
/// batch planner (its per-batch zone-interval cache) and the re-planner apply the same code.
/// </summary>
/// <remarks>
/// A local date-time is passed as its <em>local instant</em>: the local date-time read as if it
/// were UTC (<see cref="LocalInstant"/>). Adding days or minutes of clock time to a local
/// date-time is then adding a <see cref="Duration"/>, since local time has no gaps.
/// </remarks>
internal interface IZoneMap
{
    /// <summary>The zone being mapped.</summary>
    DateTimeZone Zone { get; }

    /// <summary>
    /// The instant of a local date-time resolved as NodaTime's <see cref="Resolvers.LenientResolver"/>
    /// does: a skipped time moves forward by the gap's length, a repeated one takes the earlier instant.
    /// </summary>
    /// <param name="localInstant">The local date-time as a local instant.</param>
    /// <param name="unique">True if the zone neither skips nor repeats the local time.</param>
    Instant MapLeniently(Instant localInstant, out bool unique);

    /// <summary>The first instant of a local date in the zone (<see cref="DateTimeZone.AtStartOfDay"/>).</summary>
    Instant StartOfDay(LocalDate date);

    /// <summary>The zone interval (one offset) that contains <paramref name="instant"/>.</summary>
    ZoneInterval GetZoneInterval(Instant instant);
}

/// <summary>Local date-times as local instants: the local date-time read as UTC.</summary>
internal static class LocalInstant
{
    internal static Instant From(LocalDateTime local) => local.InUtc().ToInstant();

    internal static LocalDateTime ToLocalDateTime(Instant localInstant) => localInstant.InUtc().LocalDateTime;
}

/// <summary>The zone map that asks NodaTime for every mapping: the single-course planner's and the re-planner's.</summary>
internal readonly struct TzdbZoneMap(DateTimeZone zone) : IZoneMap
{
    public DateTimeZone Zone => zone;

    public Instant MapLeniently(Instant localInstant, out bool unique)
    {
        var mapping = zone.MapLocal(LocalInstant.ToLocalDateTime(localInstant));
        unique = mapping.Count == 1;
        return Resolvers.LenientResolver(mapping).ToInstant();
    }

    public Instant StartOfDay(LocalDate date) => zone.AtStartOfDay(date).ToInstant();

    public ZoneInterval GetZoneInterval(Instant instant) => zone.GetZoneInterval(instant);
}
