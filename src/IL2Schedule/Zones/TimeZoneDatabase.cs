using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.TimeZones;
using NodaTime.Utility;

namespace IL2Schedule;

/// <summary>
/// One set of tzdb data and the zone lookup over it: either the tzdb embedded in NodaTime
/// (<see cref="Embedded"/>) or a NodaTime <c>.nzd</c> file of the user's choice
/// (<see cref="FromFile"/>), so a newer tzdb can be used without recompiling and an older one can
/// reproduce what a stored schedule was computed with.
/// </summary>
/// <remarks>
/// <para>
/// Ids are accepted as <see cref="TimeZoneLookup"/> describes: canonical IANA ids, their aliases and
/// Windows ids (through the CLDR table in the same data), matched without regard to case, and
/// NodaTime's fixed-offset ids ("UTC+01"; case-sensitive).
/// </para>
/// <para>
/// A zone remembers the database it came from: a schedule planned in a zone from this database
/// reports this database's <see cref="TzdbVersion"/> as its <see cref="CourseSchedule.TzdbVersion"/>,
/// and aliases are made canonical within it. Fixed-offset zones and zones no database handed out
/// (test zones) count as the embedded data's. This is this library's choice: the zone is what every
/// planner already takes, so no entry point can mix one tzdb's zone with another tzdb's label.
/// </para>
/// <para>
/// <c>.nzd</c> files are the format NodaTime reads with <see cref="TzdbDateTimeZoneSource.FromStream"/>
/// (NodaTime's own build of the IANA tzdb, also the resource <c>NodaTime.TimeZones.Tzdb.nzd</c>
/// embedded in each NodaTime release).
/// </para>
/// </remarks>
public sealed class TimeZoneDatabase
{
    private static readonly ConditionalWeakTable<DateTimeZone, TimeZoneDatabase> Origins = new();

    private readonly Dictionary<string, string> canonicalIdsByName;

    private TimeZoneDatabase(TzdbDateTimeZoneSource source, IDateTimeZoneProvider? provider)
    {
        Source = source;
        Provider = provider ?? new TrackingProvider(this, new DateTimeZoneCache(source));
        canonicalIdsByName = BuildIndex(source);
        AcceptedNames = new ReadOnlyCollection<string>([.. canonicalIdsByName.Keys]);
    }

    /// <summary>The tzdb data embedded in the NodaTime package this library was built with.</summary>
    public static TimeZoneDatabase Embedded { get; } = new(TzdbDateTimeZoneSource.Default, DateTimeZoneProviders.Tzdb);

    /// <summary>The data, as NodaTime reads it.</summary>
    public TzdbDateTimeZoneSource Source { get; }

    /// <summary>
    /// A NodaTime provider over <see cref="Source"/>; every zone it returns belongs to this database.
    /// For <see cref="Embedded"/> it is <see cref="DateTimeZoneProviders.Tzdb"/>.
    /// </summary>
    public IDateTimeZoneProvider Provider { get; }

    /// <summary>The tzdb release of the data, for example "2025b".</summary>
    public string TzdbVersion => Source.TzdbVersion;

    /// <summary>Every name <see cref="GetZone"/> matches (IANA ids, aliases, Windows ids), in no particular order.</summary>
    internal IReadOnlyList<string> AcceptedNames { get; }

    /// <summary>Reads a NodaTime tzdb file (<c>.nzd</c>).</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The database; its zones are independent of <see cref="Embedded"/>'s.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="TzdbDataException">
    /// The file cannot be read (missing, a directory, no permission) or is not NodaTime tzdb data;
    /// the message names the path and the reason ("'/etc/passwd' is not a NodaTime tzdb file (.nzd): ...",
    /// "'x.nzd' does not exist", "'/tmp' is a directory, not a tzdb file (.nzd)").
    /// </exception>
    public static TimeZoneDatabase FromFile(string path)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        if (Directory.Exists(path))
        {
            throw new TzdbDataException(path, "is a directory, not a tzdb file (.nzd)", null);
        }
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (FileNotFoundException e)
        {
            throw new TzdbDataException(path, "does not exist", e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new TzdbDataException(path, "is in a folder that does not exist", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new TzdbDataException(path, $"cannot be read: {e.Message}", e);
        }
        using (stream)
        {
            return FromStream(stream, path);
        }
    }

    /// <summary>The reason of a <see cref="TzdbDataException"/> for data that is not tzdb data, in the user's terms rather than the reader's.</summary>
    private const string NotTzdb = "is not a NodaTime tzdb file (.nzd): it does not hold the time-zone data NodaTime reads (a .nzd file from a NodaTime release, or one built by NodaTime's tzdb compiler)";

    /// <summary>Reads NodaTime tzdb data (the <c>.nzd</c> format) from a stream.</summary>
    /// <param name="stream">The data, read to its end; the caller keeps ownership.</param>
    /// <param name="name">What to call the data in an error message, such as a file name.</param>
    /// <returns>The database.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="TzdbDataException">The stream cannot be read or is not NodaTime tzdb data; the message names <paramref name="name"/>.</exception>
    public static TimeZoneDatabase FromStream(Stream stream, string name)
    {
        Preconditions.CheckNotNull(stream, nameof(stream));
        Preconditions.CheckNotNull(name, nameof(name));
        TzdbDateTimeZoneSource source;
        try
        {
            source = TzdbDateTimeZoneSource.FromStream(stream);
            source.Validate();
        }
        catch (Exception e) when (e is InvalidNodaDataException or IOException or EndOfStreamException or InvalidOperationException
            or ArgumentException or OverflowException or IndexOutOfRangeException or NotSupportedException or KeyNotFoundException)
        {
            throw new TzdbDataException(name, NotTzdb, e);
        }
        return new TimeZoneDatabase(source, provider: null);
    }

    /// <summary>Wraps data NodaTime has already read.</summary>
    /// <param name="source">The data.</param>
    /// <returns><see cref="Embedded"/> for <see cref="TzdbDateTimeZoneSource.Default"/>, otherwise a new database over <paramref name="source"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static TimeZoneDatabase FromSource(TzdbDateTimeZoneSource source) =>
        ReferenceEquals(Preconditions.CheckNotNull(source, nameof(source)), TzdbDateTimeZoneSource.Default)
            ? Embedded
            : new TimeZoneDatabase(source, provider: null);

    /// <summary>The database a zone came from (see the remarks); <see cref="Embedded"/> for any other zone.</summary>
    /// <param name="zone">The zone.</param>
    /// <returns>The database.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static TimeZoneDatabase Of(DateTimeZone zone) =>
        Origins.TryGetValue(Preconditions.CheckNotNull(zone, nameof(zone)), out var database) ? database : Embedded;

    /// <summary>Finds the zone for an IANA id, an IANA alias, a Windows id or a fixed-offset id.</summary>
    /// <param name="id">The id, as for <see cref="TimeZoneLookup.GetZone"/>.</param>
    /// <returns>The zone, with its canonical IANA id, from this database.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="DateTimeZoneNotFoundException">
    /// No id matches in this database; the message names the id, the tzdb version and up to three close ids.
    /// </exception>
    public DateTimeZone GetZone(string id)
    {
        Preconditions.CheckNotNull(id, nameof(id));
        if (TryGetZone(id, out var zone))
        {
            return zone;
        }
        var suggestions = SuggestIds(id);
        string hint = suggestions.Count == 0 ? "" : "; did you mean " + string.Join(", ", suggestions) + "?";
        throw new DateTimeZoneNotFoundException(
            $"Unknown time zone '{InputText.ForMessage(id)}': not an IANA id, alias, Windows id or fixed offset (UTC+01) in tzdb {TzdbVersion}{hint}");
    }

    /// <summary>Finds the zone for an id without throwing.</summary>
    /// <param name="id">The id, as for <see cref="GetZone"/>.</param>
    /// <param name="zone">The zone, with its canonical IANA id, or null if none matches.</param>
    /// <returns>True if a zone matched.</returns>
    public bool TryGetZone(string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DateTimeZone? zone)
    {
        if (id is null)
        {
            zone = null;
            return false;
        }
        zone = canonicalIdsByName.TryGetValue(id, out var canonical)
            ? Provider[canonical]
            : Provider.GetZoneOrNull(id) is { } fixedOffset ? Canonicalize(fixedOffset) : null;
        return zone is not null;
    }

    /// <summary>The canonical IANA id of a zone in this database's data, or the zone's own id when the data does not know it.</summary>
    /// <param name="zone">The zone.</param>
    /// <returns>The canonical id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public string GetCanonicalId(DateTimeZone zone)
    {
        Preconditions.CheckNotNull(zone, nameof(zone));
        return Source.CanonicalIdMap.TryGetValue(zone.Id, out var canonical) ? canonical : zone.Id;
    }

    /// <summary>
    /// Up to <paramref name="maxCount"/> ids this database accepts that are close to
    /// <paramref name="id"/>, as <see cref="TimeZoneLookup.SuggestIds"/> describes.
    /// </summary>
    /// <param name="id">The id that was not found.</param>
    /// <param name="maxCount">The most suggestions to return; at least 1.</param>
    /// <returns>Accepted ids, possibly none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is less than 1.</exception>
    public IReadOnlyList<string> SuggestIds(string id, int maxCount = 3) => ZoneIdSuggestions.Suggest(AcceptedNames, id, maxCount);

    /// <summary>"tzdb 2025b".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "tzdb " + TzdbVersion;

    /// <summary>
    /// Replaces a zone obtained through an alias ("US/Eastern") by this database's canonical zone
    /// ("America/New_York"), which has the same rules; NodaTime's built-in UTC becomes Etc/UTC;
    /// returns any other zone unchanged.
    /// </summary>
    internal DateTimeZone Canonicalize(DateTimeZone zone)
    {
        if (ReferenceEquals(zone, DateTimeZone.Utc))
        {
            // NodaTime's built-in UTC (also DateTimeZone.ForOffset(Offset.Zero) and "UTC+00") is
            // not tzdb's UTC object, but it is tzdb's Etc/UTC in every respect.
            return Provider["Etc/UTC"];
        }
        string canonical = GetCanonicalId(zone);
        return canonical != zone.Id && ReferenceEquals(Provider.GetZoneOrNull(zone.Id), zone)
            ? Provider[canonical]
            : zone;
    }

    private static Dictionary<string, string> BuildIndex(TzdbDateTimeZoneSource source)
    {
        var index = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, canonical) in source.CanonicalIdMap)
        {
            index[id] = canonical;
        }
        foreach (var (windowsId, ianaId) in source.WindowsMapping.PrimaryMapping)
        {
            if (source.CanonicalIdMap.TryGetValue(ianaId, out var canonical))
            {
                index.TryAdd(windowsId, canonical);
            }
        }
        return index;
    }

    /// <summary>A provider that marks each tzdb zone it hands out as this database's (fixed-offset zones are shared by NodaTime, so they are not marked).</summary>
    private sealed class TrackingProvider(TimeZoneDatabase database, IDateTimeZoneProvider inner) : IDateTimeZoneProvider
    {
        public string VersionId => inner.VersionId;

        public ReadOnlyCollection<string> Ids => inner.Ids;

        public DateTimeZone this[string id] => GetZoneOrNull(id) ?? throw new DateTimeZoneNotFoundException($"Time zone '{id}' is unknown to tzdb {database.TzdbVersion}");

        public DateTimeZone? GetZoneOrNull(string id)
        {
            var zone = inner.GetZoneOrNull(id);
            if (zone is not null && database.Source.CanonicalIdMap.ContainsKey(zone.Id))
            {
                Origins.AddOrUpdate(zone, database);
            }
            return zone;
        }

        /// <summary>Not supported: this library never reads the machine's zone (see eng/BannedSymbols.txt).</summary>
        public DateTimeZone GetSystemDefault() =>
            throw new NotSupportedException("IL2Schedule's tzdb providers never read the machine's time zone; name the zone.");
    }
}
