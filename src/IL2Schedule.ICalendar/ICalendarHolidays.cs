using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.Serialization;
using Ical.Net;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using NodaTime;

namespace IL2Schedule.ICalendar;

/// <summary>
/// Reads holidays (closures) for a <see cref="WorkingDayCalendar"/> from an iCalendar (.ics, RFC 5545)
/// document with Ical.Net: every date covered by an all-day event.
/// </summary>
/// <remarks>
/// <para>
/// An all-day event (<c>DTSTART;VALUE=DATE</c>) closes each date from its start up to, not
/// including, its end (<c>DTEND</c> is exclusive for dates, RFC 5545 §3.6.1); without an end it
/// closes its start date. Recurring events (<c>RRULE</c>, such as a yearly New Year's Day) are
/// expanded within the range the caller gives, since a rule may recur forever.
/// </para>
/// <para>
/// An event with a time of day is rejected rather than read: whether a closure from 13:00 to
/// 17:00 makes the day a non-working day is the centre's decision, not this library's. The dates
/// are taken as written (floating local dates), in whatever zone the course is planned.
/// </para>
/// <para>This is a separate package so that the core IL2Schedule package depends only on NodaTime and stays AOT-compatible.</para>
/// </remarks>
public static class ICalendarHolidays
{
    private static readonly LocalDate LastDate = new(9999, 12, 31);

    /// <summary>Reads the dates closed by the all-day events of an iCalendar document, within a range.</summary>
    /// <param name="icsText">The text of an iCalendar document (the contents of a .ics file).</param>
    /// <param name="range">The dates to report, both ends inclusive; recurring events are expanded over it.</param>
    /// <returns>The closed dates within <paramref name="range"/>, ascending, without duplicates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="icsText"/> or <paramref name="range"/> is null.</exception>
    /// <exception cref="InputLimitExceededException">
    /// <paramref name="icsText"/> is longer than <see cref="InputLimits.MaxIcsBytes"/> bytes of UTF-8, has more than
    /// <see cref="InputLimits.MaxIcsEvents"/> events, or its events expand to more than
    /// <see cref="InputLimits.MaxIcsOccurrences"/> occurrences over the search range (<paramref name="range"/>, from the longest event's length before it).
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="icsText"/> is not an iCalendar document, or has an event without a valid
    /// start date, an event with a time of day, or a rule repeating more often than daily; or its
    /// events cannot be expanded over <paramref name="range"/> (for example past 9999-12-31); the message names the event by its summary.
    /// </exception>
    public static IReadOnlyList<LocalDate> Read(string icsText, DateInterval range)
    {
        ArgumentNullException.ThrowIfNull(icsText);
        ArgumentNullException.ThrowIfNull(range);
        if ((long)icsText.Length * 3 > InputLimits.MaxIcsBytes && System.Text.Encoding.UTF8.GetByteCount(icsText) is var bytes && bytes > InputLimits.MaxIcsBytes)
        {
            throw new InputLimitExceededException(nameof(InputLimits.MaxIcsBytes), InputLimits.MaxIcsBytes, bytes, "bytes");
        }
        Calendar calendar;
        try
        {
            calendar = Calendar.Load(icsText)
                ?? throw new ArgumentException("icsText must be an iCalendar document (BEGIN:VCALENDAR ... END:VCALENDAR); was empty", nameof(icsText));
        }
        catch (SerializationException e)
        {
            throw new ArgumentException($"icsText must be an iCalendar document: {InputText.ForMessage(e.Message)}", nameof(icsText), e);
        }
        if (calendar.Events.Count > InputLimits.MaxIcsEvents)
        {
            throw new InputLimitExceededException(nameof(InputLimits.MaxIcsEvents), InputLimits.MaxIcsEvents, calendar.Events.Count, "events");
        }
        foreach (var calendarEvent in calendar.Events)
        {
            if (calendarEvent.DtStart is not { } start)
            {
                throw new ArgumentException($"icsText must give every event a start date (DTSTART); event '{Name(calendarEvent)}' has none or an invalid one", nameof(icsText));
            }
            if (calendarEvent.RecurrenceRule is { Frequency: FrequencyType.Secondly or FrequencyType.Minutely or FrequencyType.Hourly } subDaily)
            {
                throw new ArgumentException(
                    $"icsText must repeat all-day closures at most daily; event '{Name(calendarEvent)}' repeats {subDaily.Frequency.ToString().ToUpperInvariant()}",
                    nameof(icsText));
            }
            if (start.HasTime)
            {
                throw new ArgumentException(
                    $"icsText must hold only all-day closures (DTSTART;VALUE=DATE); event '{Name(calendarEvent)}' starts at {start.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}",
                    nameof(icsText));
            }
        }

        var first = new DateOnly(range.Start.Year, range.Start.Month, range.Start.Day);
        // The search runs up to the day after the range; at the calendar's last day it stops there.
        var afterLast = range.End < LastDate ? range.End.PlusDays(1) : range.End;
        var dates = new SortedSet<LocalDate>();
        // An all-day event that starts before the range can still cover its first dates, and the
        // longest event bounds how far back that can be.
        int longestDays = calendar.Events.Select(EventDays).DefaultIfEmpty(1).Max();
        var searchFrom = new CalDateTime(first.AddDays(-longestDays));
        var searchTo = new CalDateTime(new DateOnly(afterLast.Year, afterLast.Month, afterLast.Day));
        List<Occurrence> occurrences;
        try
        {
            occurrences = [.. calendar.GetOccurrences<CalendarEvent>(searchFrom, options: null).TakeWhileBefore(searchTo).Take(InputLimits.MaxIcsOccurrences + 1)];
        }
        catch (Exception e) when (e is EvaluationOutOfRangeException or EvaluationLimitExceededException)
        {
            throw new ArgumentException($"icsText must have events that can be expanded over {range.Start:uuuu-MM-dd} to {range.End:uuuu-MM-dd}: {e.Message}", nameof(icsText), e);
        }
        if (occurrences.Count > InputLimits.MaxIcsOccurrences)
        {
            throw new InputLimitExceededException(nameof(InputLimits.MaxIcsOccurrences), InputLimits.MaxIcsOccurrences, InputLimits.MaxIcsOccurrences + 1, "occurrences", atLeast: true);
        }
        foreach (var occurrence in occurrences)
        {
            var from = ToLocalDate(occurrence.Period.StartTime.Date);
            var until = occurrence.Period.EffectiveEndTime is { } end ? ToLocalDate(end.Date) : from.PlusDays(1);
            for (var date = from; date < until || date == from; date = date.PlusDays(1))
            {
                if (range.Contains(date))
                {
                    dates.Add(date);
                }
            }
        }
        return [.. dates];
    }

    private static int EventDays(CalendarEvent calendarEvent) =>
        calendarEvent.DtStart is { } start && calendarEvent.DtEnd is { } end
            ? Math.Max(1, end.Date.DayNumber - start.Date.DayNumber)
            : 1;

    private static LocalDate ToLocalDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    private static string Name(CalendarEvent calendarEvent) => InputText.ForMessage(calendarEvent.Summary ?? calendarEvent.Uid ?? "(no summary)");
}
