using System;
using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule.Batch;

/// <summary>
/// A per-batch cache of the zone intervals of one zone met so far (sorted, binary-searched), which turns most local-to-instant
/// mappings into one subtraction and most instant-to-interval lookups into a comparison. Not thread-safe:
/// each worker of a batch has its own.
/// </summary>
/// <remarks>
/// <para>
/// Exactness. A local date-time l maps, in NodaTime's rules (<see cref="DateTimeZone.MapLocal"/>),
/// to every zone interval whose local range [start + offset, end + offset) contains l: one
/// interval (unique), none (a gap: skipped) or two (an overlap: repeated). NodaTime's offsets lie
/// within ±18 hours, so an interval's local range lies within 18 hours of its instant range.
/// </para>
/// <para>
/// Far from a transition. If l, read as an instant, is at least 36 hours after an interval's start
/// and at least 36 hours before its end, only that interval's local range can contain l, and l maps
/// uniquely to l − offset. This is the fast path: no NodaTime call at all.
/// </para>
/// <para>
/// Near a transition. The cache takes the interval before and the interval after (P, I, N) and
/// counts which local ranges contain l, provided l lies at least 18 hours inside [P.start, N.end),
/// where no other interval can reach. One: unique. Two adjacent: repeated, and NodaTime's lenient
/// resolver takes the earlier instant, l − (earlier offset). None, l lying between two adjacent
/// local ranges: skipped, and the lenient resolver shifts l forward by the gap, which is l − (offset
/// before the gap). Anything else (intervals shorter than the margins, the ends of time) falls back
/// to <see cref="DateTimeZone.MapLocal"/> itself.
/// </para>
/// </remarks>
internal sealed class ZoneIntervalCache
{
    /// <summary>The zone whose intervals are cached.</summary>
    internal DateTimeZone Zone => zone;

    /// <summary>At most this many intervals are kept (a few hundred years of a zone with daylight saving); then the cache starts again.</summary>
    private const int MaxEntries = 1024;

    /// <summary>NodaTime's offsets lie within ±18 hours (<see cref="Offset.MaxValue"/>).</summary>
    private static readonly Duration MaxOffset = Duration.FromHours(18);

    /// <summary>Twice <see cref="MaxOffset"/>, in ticks.</summary>
    private const long UniqueMarginTicks = 36 * 3600 * NodaConstants.TicksPerSecond;

    private readonly DateTimeZone zone;
    /// <summary>The hints of <see cref="Find"/>: one per 2^46 ticks, in 64 slots (about 14 years, then they repeat).</summary>
    private const int HintShift = 46;

    private const int HintSlots = 64;

    private Hints hints;
    private Entry[] entries = new Entry[8];
    private int count;

    internal ZoneIntervalCache(DateTimeZone zone)
    {
        this.zone = zone;
    }

    /// <summary>
    /// Maps a local date-time, given as its local ticks <paramref name="l"/> (the local date-time
    /// read as UTC), to an instant (ticks) as NodaTime's lenient resolver does, and says whether the
    /// mapping was unique (neither skipped nor repeated).
    /// </summary>
    internal long MapLeniently(long l, out bool unique)
    {
        ref var found = ref Find(l);
        if (l >= found.UniqueLocalStart && l < found.UniqueLocalEnd)
        {
            unique = true;
            return l - found.Ticks.OffsetTicks;
        }
        var local = Rules.Ticks.ToInstant(l);
        if (TryMapNearTransition(local, found.Interval, found.Neighbours(zone), out var instant, out unique))
        {
            return Rules.Ticks.From(instant);
        }
        var mapping = zone.MapLocal(Rules.LocalTicks.ToLocalDateTime(l));
        unique = mapping.Count == 1;
        return Rules.Ticks.From(Resolvers.LenientResolver(mapping).ToInstant());
    }

    /// <summary>
    /// The fast path of <see cref="MapLeniently"/> alone: true when the local ticks <paramref name="l"/>
    /// lie 36 hours inside a zone interval, so that they map uniquely to <paramref name="instant"/> =
    /// l − the interval's offset, inside <paramref name="interval"/>; false otherwise.
    /// </summary>
    internal bool TryMapFarFromTransitions(long l, out long instant, out Rules.TickInterval interval)
    {
        ref readonly var found = ref Find(l);
        interval = found.Ticks;
        instant = l - interval.OffsetTicks;
        return l >= found.UniqueLocalStart && l < found.UniqueLocalEnd;
    }

    /// <summary>The first instant (ticks) of a local date: the mapping of its midnight when unique, else NodaTime's <see cref="DateTimeZone.AtStartOfDay"/>.</summary>
    internal long StartOfDay(LocalDate date)
    {
        var midnight = MapLeniently(Rules.LocalTicks.From(date), out bool unique);
        return unique ? midnight : Rules.Ticks.From(zone.AtStartOfDay(date).ToInstant());
    }

    /// <summary>The zone interval, in ticks, that contains the instant <paramref name="ticks"/>.</summary>
    internal Rules.TickInterval IntervalAt(long ticks) => Find(ticks).Ticks;

    /// <summary>The cached entry whose interval contains the instant <paramref name="instant"/> (ticks), loading it if needed.</summary>
    /// <remarks>
    /// The entry last found for instants of the same 2^46 ticks (about 81 days) is tried first, then
    /// the one after it; a hint is only a guess, checked against the entry's bounds, so a stale one
    /// (after an insertion moved the entries) costs a search, never a wrong interval.
    /// </remarks>
    private ref Entry Find(long instant)
    {
        int slot = (int)(instant >> HintShift) & (HintSlots - 1);
        int hint = hints[slot];
        if (hint < count)
        {
            ref var hinted = ref entries[hint];
            if (instant >= hinted.Ticks.Start)
            {
                if (instant < hinted.Ticks.End)
                {
                    return ref hinted;
                }
                if (hint + 1 < count && entries[hint + 1].Ticks.Contains(instant))
                {
                    hints[slot] = hint + 1;
                    return ref entries[hint + 1];
                }
            }
        }
        int found = Search(instant);
        hints[slot] = found;
        return ref entries[found];
    }

    /// <summary>The index of the cached entry whose interval contains the instant (ticks), loading it if needed.</summary>
    private int Search(long instant)
    {
        // The entries are disjoint and sorted by start: the candidate is the last one starting at or
        // before the instant, found by a binary search without branches on the data.
        int candidate = 0;
        for (int n = count; n > 1;)
        {
            int half = n >>> 1;
            candidate = entries[candidate + half].Ticks.Start <= instant ? candidate + half : candidate;
            n -= half;
        }
        int low = 0;
        if (count > 0 && entries[candidate].Ticks.Start <= instant)
        {
            if (instant < entries[candidate].Ticks.End)
            {
                return candidate;
            }
            low = candidate + 1;
        }
        if (count == MaxEntries)
        {
            count = 0;
            low = 0;
        }
        if (count == entries.Length)
        {
            Array.Resize(ref entries, entries.Length * 2);
        }
        Array.Copy(entries, low, entries, low + 1, count - low);
        entries[low] = new Entry(zone.GetZoneInterval(Rules.Ticks.ToInstant(instant)));
        count++;
        return low;
    }

    private static bool TryMapNearTransition(Instant l, ZoneInterval current, (ZoneInterval? Previous, ZoneInterval? Next) neighbours, out Instant instant, out bool unique)
    {
        instant = default;
        unique = false;
        var (previous, next) = neighbours;
        // Only previous, current and next can contain l when l is 18 hours inside their instant
        // range; an interval without a start or end reaches the start or end of time.
        if ((previous is { HasStart: true } && l < previous.Start + MaxOffset)
            || (next is { HasEnd: true } && l >= next.End - MaxOffset))
        {
            return false;
        }
        bool inPrevious = previous is not null && LocalContains(previous, l);
        bool inCurrent = LocalContains(current, l);
        bool inNext = next is not null && LocalContains(next, l);
        int containing = (inPrevious ? 1 : 0) + (inCurrent ? 1 : 0) + (inNext ? 1 : 0);
        ZoneInterval earlier;
        if (containing == 1)
        {
            earlier = inPrevious ? previous! : inCurrent ? current : next!;
            unique = true;
        }
        else if (containing == 2 && inCurrent)
        {
            earlier = inPrevious ? previous! : current;
        }
        else if (containing == 0 && previous is not null && l >= current.Start + OffsetDuration(previous) && l < current.Start + OffsetDuration(current))
        {
            earlier = previous;
        }
        else if (containing == 0 && next is not null && l >= current.End + OffsetDuration(current) && l < current.End + OffsetDuration(next))
        {
            earlier = current;
        }
        else
        {
            return false;
        }
        instant = l - OffsetDuration(earlier);
        return true;
    }

    /// <summary>True if the interval's local range [start + offset, end + offset) contains the local instant <paramref name="l"/>.</summary>
    private static bool LocalContains(ZoneInterval interval, Instant l) =>
        (!interval.HasStart || l >= interval.Start + OffsetDuration(interval))
        && (!interval.HasEnd || l < interval.End + OffsetDuration(interval));

    private static Duration OffsetDuration(ZoneInterval interval) => Duration.FromSeconds(interval.WallOffset.Seconds);

    /// <summary>One cached interval with the bounds (ticks) the fast paths compare against, and its neighbours once asked for.</summary>
    private struct Entry
    {
        private ZoneInterval? previous;
        private ZoneInterval? next;
        private bool hasNeighbours;

        internal Entry(ZoneInterval interval)
        {
            Interval = interval;
            Ticks = Rules.TickInterval.From(interval);
            UniqueLocalStart = interval.HasStart ? Ticks.Start + UniqueMarginTicks : long.MinValue;
            UniqueLocalEnd = interval.HasEnd ? Ticks.End - UniqueMarginTicks : long.MaxValue;
        }

        internal readonly ZoneInterval Interval { get; }

        /// <summary>The interval in ticks: its start (<see cref="long.MinValue"/> for the start of time), end (<see cref="long.MaxValue"/> for the end of time) and offset.</summary>
        internal readonly Rules.TickInterval Ticks { get; }

        /// <summary>Local ticks from here on (to <see cref="UniqueLocalEnd"/>) map uniquely into this interval.</summary>
        internal readonly long UniqueLocalStart { get; }

        internal readonly long UniqueLocalEnd { get; }

        /// <summary>The intervals before and after <see cref="Interval"/> (null at the start or end of time), asked of the zone the first time only.</summary>
        internal (ZoneInterval? Previous, ZoneInterval? Next) Neighbours(DateTimeZone zone)
        {
            if (!hasNeighbours)
            {
                previous = Interval.HasStart ? zone.GetZoneInterval(Interval.Start - Duration.Epsilon) : null;
                next = Interval.HasEnd ? zone.GetZoneInterval(Interval.End) : null;
                hasNeighbours = true;
            }
            return (previous, next);
        }
    }
}

/// <summary>The hint slots of a <see cref="ZoneIntervalCache"/>, held inside it (no array of their own).</summary>
[InlineArray(64)]
internal struct Hints
{
    private int first;
}

/// <summary>The rules' view of a <see cref="ZoneIntervalCache"/> (a struct, so the rule code is specialised for it).</summary>
internal readonly struct CachedZoneMap(ZoneIntervalCache cache) : Rules.IZoneMap
{
    public DateTimeZone Zone => cache.Zone;

    public long MapLeniently(long localTicks, out bool unique) => cache.MapLeniently(localTicks, out unique);

    public long StartOfDay(LocalDate date) => cache.StartOfDay(date);

    public Rules.TickInterval IntervalAt(long ticks) => cache.IntervalAt(ticks);
}

/// <summary>The zone caches of one batch (or one worker of a parallel batch), one per zone object.</summary>
/// <remarks>An open-addressing table keyed by the zone object's identity (<see cref="RuntimeHelpers.GetHashCode"/>), kept at most half full.</remarks>
internal sealed class ZoneCaches
{
    private ZoneIntervalCache?[] table = new ZoneIntervalCache?[16];
    private int used;
    private DateTimeZone? lastZone;
    private ZoneIntervalCache? lastCache;

    internal ZoneIntervalCache For(DateTimeZone zone)
    {
        if (ReferenceEquals(zone, lastZone))
        {
            return lastCache!;
        }
        var cache = Find(zone) ?? Add(zone);
        lastZone = zone;
        lastCache = cache;
        return cache;
    }

    private ZoneIntervalCache? Find(DateTimeZone zone)
    {
        int mask = table.Length - 1;
        for (int i = RuntimeHelpers.GetHashCode(zone) & mask; table[i] is { } cache; i = (i + 1) & mask)
        {
            if (ReferenceEquals(cache.Zone, zone))
            {
                return cache;
            }
        }
        return null;
    }

    private ZoneIntervalCache Add(DateTimeZone zone)
    {
        if ((used + 1) * 2 > table.Length)
        {
            var old = table;
            table = new ZoneIntervalCache?[old.Length * 2];
            foreach (var cache in old)
            {
                if (cache is not null)
                {
                    Insert(cache);
                }
            }
        }
        var added = new ZoneIntervalCache(zone);
        Insert(added);
        used++;
        return added;
    }

    private void Insert(ZoneIntervalCache cache)
    {
        int mask = table.Length - 1;
        int i = RuntimeHelpers.GetHashCode(cache.Zone) & mask;
        while (table[i] is not null)
        {
            i = (i + 1) & mask;
        }
        table[i] = cache;
    }
}
