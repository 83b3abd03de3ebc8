using System;
using System.Collections.Generic;
using System.Linq;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule.ICalendar;

/// <summary>
/// Writes a <c>VTIMEZONE</c> (RFC 5545 §3.6.5) for a tzdb zone from NodaTime's zone intervals:
/// every UTC offset change from the one that starts the interval holding the first exported
/// instant to the one that ends the interval holding the last, each listed explicitly.
/// </summary>
/// <remarks>
/// <para>
/// Each onset becomes part of a <c>STANDARD</c> or <c>DAYLIGHT</c> observance (daylight when the
/// tzdb interval it starts has daylight savings) with <c>TZOFFSETFROM</c> (the offset before),
/// <c>TZOFFSETTO</c> (the offset after), <c>TZNAME</c> (tzdb's abbreviation) and <c>DTSTART</c>, the
/// onset as a local time in the offset before it (§3.6.5: "local time ... prior to the onset").
/// Onsets with the same kind, offsets and name share one observance, the others listed by
/// <c>RDATE</c> (§3.8.5.2). The first onset is listed by <c>RDATE</c> as well as by <c>DTSTART</c>: a
/// duplicate instance counts once (§3.8.5.3), and Mozilla's ical.js reads only the <c>RDATE</c>
/// values of an observance that has any. An observance with a single onset has no <c>RDATE</c>.
/// </para>
/// <para>
/// No <c>RRULE</c> is inferred: a yearly rule guessed from two transitions is wrong for zones whose
/// rules changed in the range, and exact onsets need no guess. Ical.Net's own
/// <c>VTimeZone.FromDateTimeZone</c> does infer one; this does not use it. A zone without a
/// transition in the range (Asia/Kolkata since 1945) gets one observance; a zone with no
/// transition at all (a fixed offset) gets one starting 1601-01-01 with equal offsets.
/// </para>
/// </remarks>
internal static class TimeZoneDefinition
{
    private static readonly CalDateTime BeginningOfTime = new(1601, 1, 1, 0, 0, 0);

    /// <summary>Builds the <c>VTIMEZONE</c> for <paramref name="zone"/> covering [<paramref name="first"/>, <paramref name="last"/>].</summary>
    internal static VTimeZone Build(DateTimeZone zone, string tzid, Instant first, Instant last)
    {
        var intervals = zone.GetZoneIntervals(first, last + NodaTime.Duration.Epsilon).ToList();
        var timeZone = new VTimeZone(tzid);
        var head = intervals[0];
        if (!head.HasStart)
        {
            timeZone.TimeZoneInfos.Add(Observance(head, head.WallOffset, BeginningOfTime));
        }
        var onsets = new List<(ZoneInterval Before, ZoneInterval After)>();
        if (head.HasStart)
        {
            onsets.Add((zone.GetZoneInterval(head.Start - NodaTime.Duration.Epsilon), head));
        }
        for (int i = 1; i < intervals.Count; i++)
        {
            onsets.Add((intervals[i - 1], intervals[i]));
        }
        var tail = intervals[^1];
        if (tail.HasEnd)
        {
            onsets.Add((tail, zone.GetZoneInterval(tail.End)));
        }
        foreach (var group in onsets.GroupBy(onset => (Daylight: onset.After.Savings != Offset.Zero, From: onset.Before.WallOffset, To: onset.After.WallOffset, onset.After.Name)))
        {
            var starts = group.Select(onset => Local(onset.After.Start, onset.Before.WallOffset)).ToList();
            var observance = Observance(group.First().After, group.Key.From, starts[0]);
            if (starts.Count > 1)
            {
                observance.RecurrenceDates.AddRange(starts);
            }
            timeZone.TimeZoneInfos.Add(observance);
        }
        return timeZone;
    }

    private static VTimeZoneInfo Observance(ZoneInterval after, Offset from, CalDateTime start) =>
        new(after.Savings != Offset.Zero ? Components.Daylight : Components.Standard)
        {
            TimeZoneName = after.Name,
            OffsetFrom = new UtcOffset(from.ToTimeSpan()),
            OffsetTo = new UtcOffset(after.WallOffset.ToTimeSpan()),
            DtStart = start,
        };

    /// <summary>The onset as a floating local date-time in the offset in force before it.</summary>
    private static CalDateTime Local(Instant onset, Offset before)
    {
        var local = onset.WithOffset(before).LocalDateTime;
        return new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second);
    }
}
