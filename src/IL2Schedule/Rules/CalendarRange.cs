using System;
using NodaTime;

namespace IL2Schedule;

/// <summary>
/// Date arithmetic that turns NodaTime's range failures into one clear message: a course and its
/// follow-up dates must lie within the ISO calendar years 1 to 9999.
/// </summary>
internal static class CalendarRange
{
    internal static readonly LocalDate Earliest = new(1, 1, 2);

    internal static LocalDate Add(LocalDate date, Period period, string what)
    {
        try
        {
            return date.Plus(period);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw OutOfRange(what, date);
        }
    }

    /// <summary>Adds <paramref name="period"/> to <paramref name="date"/>, or returns false if the result would pass 9999-12-31.</summary>
    internal static bool TryAdd(LocalDate date, Period period, out LocalDate result)
    {
        try
        {
            result = date.Plus(period);
            return true;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            result = default;
            return false;
        }
    }

    internal static ArgumentOutOfRangeException OutOfRange(string what, LocalDate from) =>
        new(null, $"Cannot compute {what} from {Format(from)}: the dates would pass 9999-12-31, the last date NodaTime can represent.");

    /// <summary>Dates in other calendars are rejected rather than converted, so what was asked is what is planned.</summary>
    internal static void CheckIso(LocalDate date, string paramName)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException($"{paramName} must be in the ISO calendar; was {date:uuuu-MM-dd} in the {date.Calendar.Id} calendar", paramName);
        }
    }

    internal static string Format(LocalDate date) => ScheduleText.Format(date);
}
