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

    /// <summary>The last date NodaTime's ISO calendar can represent.</summary>
    private static readonly LocalDate Latest = new(9999, 12, 31);

    /// <summary>The Gregorian calendar repeats exactly every 400 years (146,097 days).</summary>
    private const int GregorianCycleYears = 400;

    /// <summary>Adds <paramref name="period"/> to <paramref name="date"/>.</summary>
    /// <param name="date">An ISO date.</param>
    /// <param name="period">A non-negative date period shorter than 400 years (every period of a protocol or course is).</param>
    /// <param name="what">What is being computed, for the message.</param>
    /// <exception cref="ArgumentOutOfRangeException">The result would pass 9999-12-31.</exception>
    internal static LocalDate Add(LocalDate date, Period period, string what) =>
        TryAdd(date, period, out var result) ? result : throw OutOfRange(what, date);

    /// <summary>
    /// Adds <paramref name="period"/> to <paramref name="date"/>, or returns false if the result would
    /// pass 9999-12-31. Near the end of the calendar the sum is taken 400 years earlier, where the
    /// calendar is the same, and compared there, so no exception is thrown and caught.
    /// </summary>
    /// <param name="date">An ISO date.</param>
    /// <param name="period">As for <see cref="Add"/>.</param>
    /// <param name="result">The sum, or default when false.</param>
    internal static bool TryAdd(LocalDate date, Period period, out LocalDate result)
    {
        if (date.Year <= Latest.Year - GregorianCycleYears)
        {
            result = date.Plus(period);
            return true;
        }
        var earlier = date.PlusYears(-GregorianCycleYears).Plus(period);
        bool fits = earlier <= Latest.PlusYears(-GregorianCycleYears);
        result = fits ? earlier.PlusYears(GregorianCycleYears) : default;
        return fits;
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
