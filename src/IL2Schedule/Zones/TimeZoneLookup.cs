using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule;

/// <summary>
/// Turns a time-zone id into a zone from the tzdb data embedded in NodaTime, so results are the
/// same on every operating system. Accepts canonical IANA ids ("America/New_York"), their
/// aliases ("US/Eastern") and Windows ids ("Eastern Standard Time"), matched without regard to
/// case, and reports the canonical IANA id. NodaTime's fixed-offset ids ("UTC+01", "UTC-03:30";
/// case-sensitive) are accepted too, for zones without daylight saving.
/// </summary>
/// <remarks>
/// Windows ids map through the CLDR Windows-to-IANA table NodaTime ships with its tzdb data
/// (<see cref="TzdbDateTimeZoneSource.WindowsMapping"/>), taking the primary ("001") zone of each.
/// Nothing here reads the machine's own time zone.
/// </remarks>
public static class TimeZoneLookup
{
    /// <summary>The version of the embedded tzdb data, for example "2025b".</summary>
    public static string TzdbVersion => TimeZoneDatabase.Embedded.TzdbVersion;

    /// <summary>Finds the zone for an IANA id, an IANA alias or a Windows id.</summary>
    /// <param name="id">The id, for example "America/New_York", "US/Eastern" or "Eastern Standard Time". Case is ignored; surrounding white space is not allowed.</param>
    /// <returns>
    /// The tzdb zone; its <see cref="DateTimeZone.Id"/> is the canonical IANA id, or for a
    /// fixed-offset id the fixed-offset id ("UTC+01"; "UTC+00" gives Etc/UTC). A Windows id such
    /// as "UTC-08" takes precedence and gives its IANA zone (Etc/GMT+8, the same offset).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="DateTimeZoneNotFoundException">
    /// No IANA id, alias or Windows id matches <paramref name="id"/>. The message names the id and
    /// suggests up to three close ids.
    /// </exception>
    public static DateTimeZone GetZone(string id) => TimeZoneDatabase.Embedded.GetZone(id);

    /// <summary>Finds the zone for an IANA id, an IANA alias or a Windows id, without throwing.</summary>
    /// <param name="id">The id, as for <see cref="GetZone"/>.</param>
    /// <param name="zone">The zone, with its canonical IANA id, or null if none matches.</param>
    /// <returns>True if a zone matched.</returns>
    public static bool TryGetZone(string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DateTimeZone? zone) =>
        TimeZoneDatabase.Embedded.TryGetZone(id, out zone);

    /// <summary>
    /// The canonical IANA id of a zone: for a tzdb zone or alias its canonical id ("US/Eastern" gives
    /// "America/New_York"); for a zone tzdb does not know (a test zone, say) its own id.
    /// </summary>
    /// <param name="zone">The zone.</param>
    /// <returns>The canonical id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static string GetCanonicalId(DateTimeZone zone) =>
        TimeZoneDatabase.Of(Preconditions.CheckNotNull(zone, nameof(zone))).GetCanonicalId(zone);

    /// <summary>
    /// Replaces a tzdb zone obtained through an alias ("US/Eastern") by the canonical zone
    /// ("America/New_York"), which has the same rules; returns any other zone unchanged.
    /// </summary>
    internal static DateTimeZone Canonicalize(DateTimeZone zone) => TimeZoneDatabase.Of(zone).Canonicalize(zone);

    /// <summary>
    /// Up to <paramref name="maxCount"/> known ids close to <paramref name="id"/>: ids that contain it,
    /// then ids within a small edit distance, closest first; for an "Etc/GMT+N" id the id with the
    /// other sign comes first (POSIX signs there are inverted, so Etc/GMT+14 does not exist and Etc/GMT-14 is UTC+14). Every suggestion is an id
    /// <see cref="GetZone"/> accepts: a canonical IANA id, an alias ("US/Easten" suggests
    /// "US/Eastern", which means America/New_York) or a Windows id. The edit distance allowed is a
    /// quarter of the input's length (at least 1); input shorter than 3 characters gets none.
    /// </summary>
    /// <param name="id">The id that was not found.</param>
    /// <param name="maxCount">The most suggestions to return; at least 1.</param>
    /// <returns>Accepted ids, possibly none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is less than 1.</exception>
    public static IReadOnlyList<string> SuggestIds(string id, int maxCount = 3) => TimeZoneDatabase.Embedded.SuggestIds(id, maxCount);
}
