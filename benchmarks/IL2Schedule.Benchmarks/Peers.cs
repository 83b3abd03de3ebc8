using System;
using System.Collections.Generic;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using Duration = NodaTime.Duration;

namespace IL2Schedule.Benchmarks;

/// <summary>
/// What a .NET developer would otherwise write to plan the label's course (2 cycles × 14 doses,
/// 8 hours apart by elapsed time, cycle 2 fourteen calendar days after the first dose, cycle starts
/// resolved leniently): the everyday NodaTime loop, the BCL, and Ical.Net.
/// </summary>
public static class Peers
{
    private const int CycleCount = 2;
    private const int DosesPerCycle = 14;
    private const int DaysBetweenCycleStarts = 14;

    private static readonly Duration DosingInterval = Duration.FromHours(8);

    /// <summary>
    /// The everyday NodaTime loop: each cycle start as a <see cref="ZonedDateTime"/>
    /// (<c>InZoneLeniently</c>), each dose by <see cref="ZonedDateTime"/> arithmetic, into a new
    /// <see cref="List{T}"/> per course.
    /// </summary>
    /// <param name="firstDose">The first dose's local date-time.</param>
    /// <param name="zone">The course's zone.</param>
    /// <returns>The 28 dose starts.</returns>
    public static List<ZonedDateTime> EverydayNodaTime(LocalDateTime firstDose, DateTimeZone zone)
    {
        var doses = new List<ZonedDateTime>();
        for (int c = 0; c < CycleCount; c++)
        {
            var cycleStart = firstDose.PlusDays(c * DaysBetweenCycleStarts).InZoneLeniently(zone);
            for (int k = 0; k < DosesPerCycle; k++)
            {
                doses.Add(cycleStart.Plus(DosingInterval * k));
            }
        }
        return doses;
    }

    /// <summary>
    /// The BCL: <see cref="DateTime"/> and <see cref="TimeZoneInfo"/> (the operating system's zone
    /// data). A cycle start the zone skips moves forward by the gap and one it repeats takes the
    /// earlier instant, as NodaTime's lenient resolver does; doses are UTC additions.
    /// </summary>
    /// <param name="firstDose">The first dose's local date-time (<see cref="DateTimeKind.Unspecified"/>).</param>
    /// <param name="zone">The course's zone.</param>
    /// <param name="starts">Receives the 28 dose starts.</param>
    public static void Bcl(DateTime firstDose, TimeZoneInfo zone, Span<Instant> starts)
    {
        int i = 0;
        for (int c = 0; c < CycleCount; c++)
        {
            var utc = ToUtcLeniently(firstDose.AddDays(c * DaysBetweenCycleStarts), zone);
            for (int k = 0; k < DosesPerCycle; k++)
            {
                starts[i++] = Instant.FromDateTimeUtc(utc.AddHours(8 * k));
            }
        }
    }

    /// <summary>
    /// Ical.Net: one event per cycle, <c>DTSTART;TZID=...</c> at the cycle's local start and
    /// <c>RRULE:FREQ=HOURLY;INTERVAL=8;COUNT=14</c>, its occurrences expanded.
    /// </summary>
    /// <param name="firstDose">The first dose's local date-time.</param>
    /// <param name="zoneId">The course's tzdb id.</param>
    /// <param name="starts">Receives the 28 dose starts.</param>
    public static void IcalNet(LocalDateTime firstDose, string zoneId, Span<Instant> starts)
    {
        int i = 0;
        for (int c = 0; c < CycleCount; c++)
        {
            var local = firstDose.PlusDays(c * DaysBetweenCycleStarts);
            var cycle = new CalendarEvent
            {
                DtStart = new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, zoneId),
                RecurrenceRule = new RecurrencePattern("FREQ=HOURLY;INTERVAL=8;COUNT=14"),
            };
            foreach (var occurrence in cycle.GetOccurrences())
            {
                starts[i++] = Instant.FromDateTimeUtc(occurrence.Period.StartTime.AsUtc);
            }
        }
    }

    private static DateTime ToUtcLeniently(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            // Skipped: shifted forward by the gap, i.e. read with the offset in force before it.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return DateTime.SpecifyKind(local - before, DateTimeKind.Utc);
        }
        if (zone.IsAmbiguousTime(local))
        {
            // Repeated: the earlier instant, i.e. the larger offset.
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var larger = offsets[0] > offsets[1] ? offsets[0] : offsets[1];
            return DateTime.SpecifyKind(local - larger, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
