using IL2Schedule.Batch;
using NodaTime;

namespace IL2Schedule.Tests.Batch;

// Random requests that reach every path of the batch planner: first doses anywhere from local
// mean time to 2040 in every tzdb zone, and first doses aimed at a real transition of their
// zone, so that the first dose, cycle 2's start or a wall-clock dose lands in a gap, an overlap,
// or within hours of one.
public partial class BatchPlannerTests
{
    private static readonly DateTimeZone[] AllZones = DateTimeZoneProviders.Tzdb.Ids.Select(id => DateTimeZoneProviders.Tzdb[id]).ToArray();

    private static readonly Instant TransitionsFrom = Instant.FromUtc(1970, 1, 1, 0, 0);
    private static readonly Instant TransitionsTo = Instant.FromUtc(2040, 1, 1, 0, 0);

    /// <summary>
    /// <paramref name="count"/> requests from a fixed seed: about half aimed within a few days of a
    /// transition (minus 0 or 14 days, so the first or the second cycle meets it), the rest uniform
    /// over 1850–2040; each with one of the first <paramref name="protocolCount"/> protocol indexes.
    /// </summary>
    internal static CourseRequest[] RandomRequests(int seed, int count, int protocolCount = 4)
    {
        var random = new Random(seed);
        var requests = new CourseRequest[count];
        for (int i = 0; i < count; i++)
        {
            var zone = AllZones[random.Next(AllZones.Length)];
            int protocol = random.Next(protocolCount);
            LocalDateTime firstDose;
            if (random.Next(2) == 0 && NearTransition(zone, random) is { } transition)
            {
                // Within ±3 days of the transition's local time, on a minute; 0 or 14 days before.
                int minutes = random.Next(-3 * 24 * 60, (3 * 24 * 60) + 1);
                int daysBefore = random.Next(2) * 14;
                firstDose = transition.PlusMinutes(minutes).PlusDays(-daysBefore);
            }
            else
            {
                var day = new LocalDate(1850, 1, 1).PlusDays(random.Next(0, 190 * 365));
                firstDose = day.At(LocalTime.Midnight.PlusMinutes(random.Next(24 * 60)));
            }
            requests[i] = new CourseRequest(firstDose, zone, protocol);
        }
        return requests;
    }

    /// <summary>The local date-time, in the earlier offset, of a random transition of <paramref name="zone"/> between 1970 and 2040, or null if it has none.</summary>
    private static LocalDateTime? NearTransition(DateTimeZone zone, Random random)
    {
        var at = TransitionsFrom + Duration.FromDays(random.Next(0, 70 * 365));
        var interval = zone.GetZoneInterval(at);
        if (!interval.HasEnd || interval.End >= TransitionsTo)
        {
            return interval.HasStart && interval.Start > TransitionsFrom
                ? interval.Start.WithOffset(zone.GetZoneInterval(interval.Start - Duration.Epsilon).WallOffset).LocalDateTime
                : null;
        }
        return interval.End.WithOffset(interval.WallOffset).LocalDateTime;
    }
}
