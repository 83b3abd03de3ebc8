using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule;

/// <summary>The invariant text forms used by every <c>ToString</c> and by the JSON form.</summary>
internal static class ScheduleText
{
    /// <summary>RFC 3339 with the offset written as hours and minutes ("2027-03-14T09:00:00-04:00", "2027-10-31T08:00:00+00:00").</summary>
    internal static readonly OffsetDateTimePattern OffsetDateTime =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");

    internal static string Format(ZonedDateTime value) => OffsetDateTime.Format(value.ToOffsetDateTime());

    internal static string Format(LocalDate value) => LocalDatePattern.Iso.Format(value);

    /// <summary>A date-only period in words for people: "4 weeks", "1 month", "1 month and 2 days".</summary>
    internal static string Format(Period period)
    {
        var parts = new List<string>(4);
        Add(parts, period.Years, "year");
        Add(parts, period.Months, "month");
        Add(parts, period.Weeks, "week");
        Add(parts, period.Days, "day");
        return parts.Count == 0 ? "0 days" : string.Join(" and ", parts);
    }

    private static void Add(List<string> parts, long count, string unit)
    {
        if (count != 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? "" : "s")}"));
        }
    }
}
