using System;
using System.Linq;
using IL2Schedule.Batch;
using NodaTime;

namespace IL2Schedule.Benchmarks;

/// <summary>
/// The requests every batch suite plans: label courses (elapsed timing) with first doses, to the
/// minute, from 2020-01-01 to 2035-12-31, drawn from a fixed seed, either all in America/New_York
/// or spread over <see cref="MixedZoneIds"/>. First doses that the zone skips or repeats are drawn
/// again, so every request is plannable and every method plans the same courses.
/// </summary>
public sealed class BatchRequests
{
    /// <summary>The zone of the single-zone case.</summary>
    public const string SingleZoneId = "America/New_York";

    /// <summary>
    /// The zones of the mixed case: daylight saving in both hemispheres, a 30-minute change (Lord
    /// Howe) and zones without changes. Chosen because the operating system's zone data (used by
    /// the BCL peer) and NodaTime's embedded tzdb agree on them from 2020 to 2035; the setup of
    /// every suite checks that they do.
    /// </summary>
    public static readonly string[] MixedZoneIds =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Halifax",
        "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Athens",
        "Australia/Sydney", "Australia/Adelaide", "Australia/Lord_Howe", "Pacific/Auckland",
        "Asia/Tokyo", "Asia/Kolkata", "Africa/Johannesburg",
    ];

    /// <summary>Every canonical zone of NodaTime's tzdb (the "all" case).</summary>
    public static readonly string[] AllZoneIds =
        NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.CanonicalIdMap.Values.Distinct().Order(StringComparer.Ordinal).ToArray();

    private const int Seed = 20270310;

    private BatchRequests(CourseRequest[] requests, string[] zoneIds)
    {
        Requests = requests;
        ZoneIds = zoneIds;
    }

    /// <summary>The requests, in order.</summary>
    public CourseRequest[] Requests { get; }

    /// <summary>The tzdb id of each request's zone (for the peers that take ids).</summary>
    public string[] ZoneIds { get; }

    /// <summary>Draws <paramref name="count"/> requests.</summary>
    /// <param name="count">How many.</param>
    /// <param name="mixedZones">True for <see cref="MixedZoneIds"/>, false for <see cref="SingleZoneId"/>.</param>
    /// <param name="avoidTransitions">True to draw again any course whose cycles (first dose to 5 days after, and 14 to 19 days after) cross an offset change.</param>
    /// <returns>The requests; the same for the same arguments.</returns>
    public static BatchRequests Create(int count, bool mixedZones, bool avoidTransitions = false) =>
        Create(count, mixedZones ? MixedZoneIds : [SingleZoneId], avoidTransitions);

    /// <summary>Draws <paramref name="count"/> requests in the named zone set: "single", "mixed" or "all" (<see cref="AllZoneIds"/>).</summary>
    /// <param name="count">How many.</param>
    /// <param name="zoneSet">"single", "mixed" or "all".</param>
    /// <returns>The requests; the same for the same arguments.</returns>
    public static BatchRequests Create(int count, string zoneSet) =>
        Create(count, zoneSet == "all" ? AllZoneIds : zoneSet == "mixed" ? MixedZoneIds : [SingleZoneId], avoidTransitions: false);

    private static BatchRequests Create(int count, string[] ids, bool avoidTransitions)
    {
        var zones = ids.Select(id => DateTimeZoneProviders.Tzdb[id]).ToArray();
        var firstDay = new LocalDate(2020, 1, 1);
        int days = Period.Between(firstDay, new LocalDate(2035, 12, 31), PeriodUnits.Days).Days + 1;
        var random = new Random(Seed);
        var requests = new CourseRequest[count];
        var zoneIds = new string[count];
        for (int i = 0; i < count; i++)
        {
            int zone = random.Next(zones.Length);
            LocalDateTime firstDose;
            do
            {
                firstDose = firstDay.PlusDays(random.Next(days)).At(LocalTime.FromMinutesSinceMidnight(random.Next(24 * 60)));
            }
            while (zones[zone].MapLocal(firstDose).Count != 1 || (avoidTransitions && CrossesTransition(zones[zone], firstDose)));
            requests[i] = new CourseRequest(firstDose, zones[zone]);
            zoneIds[i] = ids[zone];
        }
        return new BatchRequests(requests, zoneIds);
    }

    private static bool CrossesTransition(DateTimeZone zone, LocalDateTime firstDose)
    {
        for (int days = 0; days <= 14; days += 14)
        {
            var start = firstDose.PlusDays(days).InZoneLeniently(zone).ToInstant();
            if (!zone.GetZoneInterval(start).Contains(start + Duration.FromDays(6)))
            {
                return true;
            }
        }
        return false;
    }
}
