using Hl7.Fhir.Model;
using NodaTime;
using NodaTime.Text;
using Instant = NodaTime.Instant;

namespace IL2Schedule.Fhir;

/// <summary>
/// FHIR R4 date and dateTime values (datatypes.html#dateTime): RFC 3339 with seconds and the offset
/// in force (<c>+00:00</c> for a zero offset), fractional seconds only when the instant has them;
/// dates as <c>yyyy-MM-dd</c>.
/// </summary>
internal static class FhirText
{
    /// <summary>Writes <c>2027-03-14T09:00:00-04:00</c>; reads that, with <c>Z</c> for a zero offset too.</summary>
    internal static readonly OffsetDateTimePattern DateTime =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");

    private static readonly OffsetDateTimePattern DateTimeRead =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>");

    /// <summary>The FHIR dateTime of a zoned value, with the offset in force at that instant.</summary>
    internal static FhirDateTime Of(ZonedDateTime value) => new(DateTime.Format(value.ToOffsetDateTime()));

    /// <summary>The FHIR dateTime of an instant shown in <paramref name="zone"/>.</summary>
    internal static FhirDateTime Of(Instant value, DateTimeZone zone) => Of(value.InZone(zone));

    /// <summary>The FHIR dateTime of a date, at day precision.</summary>
    internal static FhirDateTime Of(LocalDate value) => new(LocalDatePattern.Iso.Format(value));

    /// <summary>Reads a dateTime with seconds and an offset; null for anything else (a date, no seconds, no offset).</summary>
    internal static Instant? ReadInstant(string? text) =>
        text is not null && DateTimeRead.Parse(text) is { Success: true } result ? result.Value.ToInstant() : null;
}
