using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using NodaTime.Text;

namespace IL2Schedule.Fhir;

/// <summary>
/// The deterministic resource ids of one course: each is a name-based UUID (RFC 9562 section 5.8,
/// version 8, from SHA-256 as in its appendix B.2) of a text naming the course and the resource's
/// role in it, so the same inputs give the same ids and the conditional creates of a transaction
/// match what an earlier post created.
/// </summary>
/// <remarks>
/// The course is named by the patient reference, the course number, the zone id, the first dose's
/// instant, the requested first-dose local date-time and every protocol setting (each written as
/// an invariant value, so that a change to <see cref="CourseProtocol.ToString"/>'s wording changes no id). Body weight, working days and discharge are not part of
/// the name: they change what a resource says, not which order it is. Two courses that differ in any
/// named input have different names, so their ids differ unless SHA-256 collides in the 122 bits kept.
/// </remarks>
internal sealed class CourseIds
{
    /// <summary>The identifier system for a URI value (FHIR R4, identifier-registry: <c>urn:ietf:rfc:3986</c>).</summary>
    internal const string UriSystem = "urn:ietf:rfc:3986";

    private readonly string courseName;

    internal CourseIds(CourseSchedule plan, string patientReference, int courseNumber)
    {
        var first = plan.Doses[0].Start;
        courseName = string.Join(
            '|',
            "il2schedule-fhir/1",
            patientReference,
            courseNumber.ToString(CultureInfo.InvariantCulture),
            plan.ZoneId,
            InstantPattern.ExtendedIso.Format(first.ToInstant()),
            LocalDateTimePattern.ExtendedIso.Format(plan.RequestedFirstDose),
            Settings(plan.Protocol));
    }

    private static string Settings(CourseProtocol p) => string.Join(
        ';',
        p.DoseInternationalUnitsPerKilogram.ToString(CultureInfo.InvariantCulture),
        p.DoseMilligramsPerKilogram?.ToString(CultureInfo.InvariantCulture) ?? "-",
        p.CycleCount.ToString(CultureInfo.InvariantCulture),
        p.CycleLengthDays.ToString(CultureInfo.InvariantCulture),
        p.RestPeriodDays.ToString(CultureInfo.InvariantCulture),
        DurationPattern.Roundtrip.Format(p.DosingInterval),
        DurationPattern.Roundtrip.Format(p.InfusionDuration),
        p.MaxDosesPerCycle.ToString(CultureInfo.InvariantCulture),
        p.DoseTiming.ToString(),
        string.Join(',', p.StandardAdministrationTimes.Select(LocalTimePattern.ExtendedIso.Format)),
        p.CycleWindowCounting.ToString(),
        PeriodPattern.Roundtrip.Format(p.ResponseAssessmentDelay),
        PeriodPattern.Roundtrip.Format(p.RetreatmentWindowStart),
        PeriodPattern.Roundtrip.Format(p.RetreatmentWindowEnd),
        PeriodPattern.Roundtrip.Format(p.MinimumIntervalAfterDischarge))
        // Named only when not the default, so the ids of every course planned before the setting existed stay the same.
        + (p.StoppedInfusionCounting == StoppedInfusionCounting.CountsAsGiven ? "" : ";" + p.StoppedInfusionCounting);

    /// <summary>The CarePlan's id.</summary>
    internal string CarePlan => Id("careplan");

    /// <summary>The response-imaging ServiceRequest's id.</summary>
    internal string Imaging => Id("imaging");

    /// <summary>The next-course ServiceRequest's id.</summary>
    internal string NextCourse => Id("next-course");

    /// <summary>The id of a cycle's MedicationRequest.</summary>
    /// <param name="cycle">The cycle number, from 1.</param>
    internal string Cycle(int cycle) => Id(string.Create(CultureInfo.InvariantCulture, $"cycle/{cycle}"));

    /// <summary>The id of the MedicationAdministration for the record's event at <paramref name="eventIndex"/>.</summary>
    /// <param name="eventIndex">The event's index in <see cref="Records.CourseRecord.Events"/>, from 0.</param>
    internal string Administration(int eventIndex) => Id(string.Create(CultureInfo.InvariantCulture, $"event/{eventIndex}"));

    /// <summary>The bundle's id for a bundle type.</summary>
    internal string Bundle(Bundle.BundleType type) => Id("bundle/" + type.ToString().ToLowerInvariant());

    /// <summary>The full URL of a resource with this id: <c>urn:uuid:</c> and the id (FHIR R4, bundle.html#references).</summary>
    internal static string FullUrl(string id) => "urn:uuid:" + id;

    /// <summary>The stable identifier of a resource with this id: system <see cref="UriSystem"/>, value its full URL.</summary>
    internal static Identifier Identifier(string id) => new(UriSystem, FullUrl(id));

    /// <summary>A reference to a resource of the course: its full URL, with the stable identifier as the logical reference.</summary>
    internal static ResourceReference Reference(string id) => new(FullUrl(id)) { Identifier = Identifier(id) };

    private string Id(string role)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(courseName + "|" + role), hash);
        // RFC 9562 section 5.8: version 8 in the high nibble of octet 6, variant 10 in octet 8.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
