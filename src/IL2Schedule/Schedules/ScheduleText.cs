using NodaTime;
using NodaTime.Text;

namespace IL2Schedule.Schedules;

/// <summary>The invariant text forms used by every <c>ToString</c> and by the JSON form.</summary>
internal static class ScheduleText
{
    /// <summary>RFC 3339 with the offset written as hours and minutes ("2027-03-14T09:00:00-04:00", "2027-10-31T08:00:00+00:00").</summary>
    internal static readonly OffsetDateTimePattern OffsetDateTime =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");

    internal static string Format(ZonedDateTime value) => OffsetDateTime.Format(value.ToOffsetDateTime());

    internal static string Format(LocalDate value) => LocalDatePattern.Iso.Format(value);
}
