using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule.Tests;

/// <summary>
/// The text forms the tests compare with. Instants are compared as RFC 3339 strings whose offset
/// is always "+HH:mm" (never "Z"), so an expected value shows both the wall-clock time and the
/// offset a nurse would see. Inputs are parsed from ISO text so data rows read like the oracle.
/// </summary>
internal static class TimeText
{
    private static readonly OffsetDateTimePattern Rfc3339Pattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    private static readonly LocalDateTimePattern LocalPattern =
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    /// <summary>"2027-10-31T07:00:00+00:00": local date-time and offset, to the second.</summary>
    internal static string Rfc3339(ZonedDateTime value) => Rfc3339Pattern.Format(value.ToOffsetDateTime());

    /// <summary>"2027-05-09": an ISO local date.</summary>
    internal static string Iso(LocalDate value) => LocalDatePattern.Iso.Format(value);

    /// <summary>"2027-05-09..2027-06-20": a date interval, both ends inclusive, as the oracle writes it.</summary>
    internal static string Iso(DateInterval value) => Iso(value.Start) + ".." + Iso(value.End);

    /// <summary>Parses "2027-03-10T08:00" (to the minute, as the oracle writes inputs).</summary>
    internal static LocalDateTime Local(string text) => LocalPattern.Parse(text).GetValueOrThrow();

    /// <summary>Parses "2027-03-10".</summary>
    internal static LocalDate Date(string text) =>
        LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    /// <summary>Parses "2027-03-10T08:00:00-05:00" as an offset date-time, to build inputs.</summary>
    internal static OffsetDateTime OffsetDateTimeOf(string text) =>
        OffsetDateTimePattern.ExtendedIso.Parse(text).GetValueOrThrow();

    /// <summary>An integer in invariant text, for messages built in tests.</summary>
    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
