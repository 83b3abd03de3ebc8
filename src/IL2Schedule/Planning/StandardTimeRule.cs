using System.Collections.Generic;
using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule;

/// <summary>
/// The standard-administration-times rule (<see cref="DoseTiming.StandardTimes"/>): where the dose
/// after a given dose goes. Shared by planning and by anything that re-plans after a dose was
/// given late, since a late dose does not move the standard times.
/// </summary>
/// <remarks>
/// Standard times: HemOnc.org example orders (00:00, 08:00, 16:00). The 50% rule: pharmacy
/// order-entry practice (Mass General Brigham order-entry help). Elapsed measurement of "half the
/// interval" and keeping the time at exactly half are this library's choices.
/// </remarks>
internal static class StandardTimeRule
{
    /// <summary>
    /// The start of the dose after one that started at <paramref name="previousDoseStart"/>: the
    /// first standard time after it, unless less than half the dosing interval of elapsed time
    /// remains until that time, in which case the standard time after that one.
    /// </summary>
    internal static Instant NextDoseStart(CourseProtocol protocol, DateTimeZone zone, Instant previousDoseStart)
    {
        var next = NextStandardTime(protocol.StandardAdministrationTimes, zone, previousDoseStart);
        return next - previousDoseStart < protocol.DosingInterval / 2
            ? NextStandardTime(protocol.StandardAdministrationTimes, zone, next)
            : next;
    }

    /// <summary>
    /// The first standard time strictly after <paramref name="after"/>. Standard times are local
    /// clock times resolved leniently: one the zone skips moves forward by the gap's length (and
    /// counts only if that is still after <paramref name="after"/>), one it repeats takes the
    /// earlier instant.
    /// </summary>
    /// <param name="times">Local clock times in ascending order, at least one.</param>
    /// <param name="zone">The course's zone.</param>
    /// <param name="after">The instant to search after.</param>
    internal static Instant NextStandardTime(IReadOnlyList<LocalTime> times, DateTimeZone zone, Instant after)
    {
        // Lenient mapping never goes back in time as the local time goes forward, so the first
        // candidate in local order that is after the instant is the earliest one. Starting a day
        // early covers a standard time that a gap moved forward past midnight.
        for (var date = after.InZone(zone).Date.PlusDays(-1); ; date = date.PlusDays(1))
        {
            foreach (var time in times)
            {
                var candidate = date.At(time).InZone(zone, Resolvers.LenientResolver).ToInstant();
                if (candidate > after)
                {
                    return candidate;
                }
            }
        }
    }
}
