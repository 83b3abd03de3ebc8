using System;
using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule.Rules;

/// <summary>
/// How the course rules turn local date-times into instants and instants into offsets. The rules
/// are written once, generic over this, so that the single-course planner (NodaTime directly), the
/// batch planner (its per-batch zone-interval cache) and the re-planner apply the same code.
/// </summary>
/// <remarks>
/// The rules compute in ticks (100 ns, <see cref="Ticks"/>): an instant is its ticks since the
/// Unix epoch, and a local date-time is its <em>local ticks</em>, the local date-time read as if it
/// were UTC (<see cref="LocalTicks"/>). Adding days or minutes of clock time to a local date-time
/// is then adding ticks, since local time has no gaps.
/// </remarks>
internal interface IZoneMap
{
    /// <summary>The zone being mapped.</summary>
    DateTimeZone Zone { get; }

    /// <summary>
    /// The instant (ticks) of a local date-time resolved as NodaTime's <see cref="Resolvers.LenientResolver"/>
    /// does: a skipped time moves forward by the gap's length, a repeated one takes the earlier instant.
    /// </summary>
    /// <param name="localTicks">The local date-time as local ticks.</param>
    /// <param name="unique">True if the zone neither skips nor repeats the local time.</param>
    long MapLeniently(long localTicks, out bool unique);

    /// <summary>The first instant (ticks) of a local date in the zone (<see cref="DateTimeZone.AtStartOfDay"/>).</summary>
    long StartOfDay(LocalDate date);

    /// <summary>The zone interval (one offset) that contains the instant <paramref name="ticks"/>.</summary>
    TickInterval IntervalAt(long ticks);
}

/// <summary>A zone interval in ticks: [<see cref="Start"/>, <see cref="End"/>) at one offset.</summary>
/// <param name="Start">The first instant, or <see cref="long.MinValue"/> for the start of time.</param>
/// <param name="End">The instant after the last (exclusive), or <see cref="long.MaxValue"/> for the end of time.</param>
/// <param name="OffsetTicks">The wall offset (UTC offset plus daylight saving) in ticks.</param>
internal readonly record struct TickInterval(long Start, long End, long OffsetTicks)
{
    internal static TickInterval From(ZoneInterval interval) => new(
        interval.HasStart ? interval.Start.ToUnixTimeTicks() : long.MinValue,
        interval.HasEnd ? interval.End.ToUnixTimeTicks() : long.MaxValue,
        interval.WallOffset.Ticks);

    internal Offset Offset => Offset.FromTicks(OffsetTicks);

    /// <summary>True if the offset is a whole number of minutes (RFC 3339 offsets are).</summary>
    internal bool HasWholeMinuteOffset => OffsetTicks % Ticks.PerMinute == 0;

    internal bool Contains(long ticks) => ticks >= Start && ticks < End;
}

/// <summary>Instants as ticks (100 ns) since the Unix epoch: the unit every rule computes in.</summary>
/// <remarks>
/// This library's choice: the tick is .NET's and NodaTime's <see cref="Instant.ToUnixTimeTicks"/>
/// unit, exact for every planned time (protocol durations are whole minutes, offsets whole seconds,
/// first doses whole ticks) and wide enough for years 1 to 9999.
/// </remarks>
internal static class Ticks
{
    internal const long PerSecond = NodaConstants.TicksPerSecond;

    internal const long PerMinute = NodaConstants.TicksPerMinute;

    internal const long PerDay = NodaConstants.TicksPerDay;

    internal static long From(Instant instant) => instant.ToUnixTimeTicks();

    internal static long From(Duration duration) => duration.BclCompatibleTicks;

    internal static Instant ToInstant(long ticks) => Instant.FromUnixTimeTicks(ticks);

    /// <summary>True if a local date-time is a whole number of ticks (no part of 100 ns).</summary>
    internal static bool IsWhole(LocalDateTime local) => local.NanosecondOfSecond % 100 == 0;
}

/// <summary>Local date-times as local ticks: the local date-time read as UTC, in ticks since 1970-01-01T00:00.</summary>
internal static class LocalTicks
{
    /// <summary>The day number (<see cref="DateOnly.DayNumber"/>) of 1970-01-01.</summary>
    private const int EpochDayNumber = 719_162;

    internal static long From(LocalDateTime local) => (DaysSinceEpoch(local.Date) * Ticks.PerDay) + local.TimeOfDay.TickOfDay;

    internal static long From(LocalDate date) => DaysSinceEpoch(date) * Ticks.PerDay;

    internal static LocalDateTime ToLocalDateTime(long localTicks) => DateOf(localTicks).At(LocalTime.FromTicksSinceMidnight(localTicks - From(DateOf(localTicks))));

    /// <summary>The local date of local ticks (floored to whole days).</summary>
    internal static LocalDate DateOf(long localTicks) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(checked((int)(EpochDay(localTicks) + EpochDayNumber))));

    /// <summary>Days since 1970-01-01 of local ticks, floored.</summary>
    internal static long EpochDay(long localTicks) => (localTicks / Ticks.PerDay) - (localTicks % Ticks.PerDay < 0 ? 1 : 0);

    private static long DaysSinceEpoch(LocalDate date) => date.ToDateOnly().DayNumber - EpochDayNumber;
}

/// <summary>The zone map that asks NodaTime for every mapping: the single-course planner's and the re-planner's.</summary>
internal readonly struct TzdbZoneMap(DateTimeZone zone) : IZoneMap
{
    public DateTimeZone Zone => zone;

    public long MapLeniently(long localTicks, out bool unique)
    {
        var mapping = zone.MapLocal(LocalTicks.ToLocalDateTime(localTicks));
        unique = mapping.Count == 1;
        return Ticks.From(Resolvers.LenientResolver(mapping).ToInstant());
    }

    public long StartOfDay(LocalDate date) => Ticks.From(zone.AtStartOfDay(date).ToInstant());

    public TickInterval IntervalAt(long ticks) => TickInterval.From(zone.GetZoneInterval(Ticks.ToInstant(ticks)));
}
