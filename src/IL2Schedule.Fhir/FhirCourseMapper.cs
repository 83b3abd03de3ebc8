using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using IL2Schedule.Records;

namespace IL2Schedule.Fhir;

/// <summary>
/// Maps one patient's courses to FHIR R4 and back: a planned course to a Bundle (collection or
/// transaction) of CarePlan, MedicationRequests and ServiceRequests; a recorded course to the same
/// resources plus a MedicationAdministration per recorded dose event; and MedicationAdministrations
/// to course events. Every instant, window and date comes from the library's schedules; nothing is
/// recomputed. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Resource ids are name-based UUIDs of the patient, the course number, the zone, the first
/// dose (instant and requested local time) and the protocol settings, plus the resource's role
/// (<c>careplan</c>, <c>cycle/1</c>, <c>imaging</c>, <c>next-course</c>, <c>event/0</c>): the same
/// inputs give the same ids. Each resource has the identifier system <c>urn:ietf:rfc:3986</c>, value
/// <c>urn:uuid:</c> + its id, which is also its <c>fullUrl</c> and what references within the bundle
/// use (FHIR R4 bundle.html, "Resource URL &amp; Uniqueness rules").</para>
/// <para>The mapping, element by element, is documented on the methods and in the README's FHIR section.</para>
/// </remarks>
public sealed partial class FhirCourseMapper
{
    private static readonly FhirJsonSerializer Serializer = new();

    private static readonly FhirJsonDeserializer Deserializer = new();

    /// <summary>Creates a mapper for one patient.</summary>
    /// <param name="patientReference">
    /// The patient as a FHIR R4 literal reference, <c>Patient/</c> and an id (<c>[A-Za-z0-9\-\.]{1,64}</c>,
    /// datatypes.html#id), for example <c>Patient/123</c>; it is every resource's <c>subject</c>.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="patientReference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="patientReference"/> is not of that form.</exception>
    public FhirCourseMapper(string patientReference)
    {
        ArgumentNullException.ThrowIfNull(patientReference);
        if (!PatientReferenceForm().IsMatch(patientReference))
        {
            throw new ArgumentException($"patientReference must be Patient/ and a FHIR id of 1 to 64 letters, digits, '-' or '.', like Patient/123; was '{patientReference}'", nameof(patientReference));
        }
        PatientReference = patientReference;
    }

    /// <summary>The patient reference every resource's <c>subject</c> holds, such as <c>Patient/123</c>.</summary>
    public string PatientReference { get; }

    /// <summary>
    /// The planned course as a Bundle of type <c>collection</c>: CarePlan, one MedicationRequest per
    /// cycle, the response-imaging ServiceRequest and the next-course ServiceRequest, in that order,
    /// each with <c>fullUrl</c> <c>urn:uuid:</c> + its id.
    /// </summary>
    /// <param name="plan">The planned course; its body weight (if any) gives the dose in IU, its working days and discharge the follow-up dates.</param>
    /// <param name="courseNumber">The course's number for the patient, from 1; part of every id.</param>
    /// <returns>A new bundle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="courseNumber"/> is less than 1.</exception>
    public Bundle ToCollection(CourseSchedule plan, int courseNumber = 1) =>
        ToBundle(PlanResources.Build(plan, PatientReference, Ids(plan, courseNumber), courseNumber), Ids(plan, courseNumber), Bundle.BundleType.Collection);

    /// <summary>
    /// The planned course as a Bundle of type <c>transaction</c>: the resources of
    /// <see cref="ToCollection(CourseSchedule, int)"/>, each posted with conditional create
    /// (<c>request.ifNoneExist</c> = <c>identifier=urn:ietf:rfc:3986|urn:uuid:</c> + its id; FHIR R4
    /// http.html#ccreate), so posting the same course twice creates nothing new.
    /// </summary>
    /// <param name="plan">The planned course.</param>
    /// <param name="courseNumber">The course's number for the patient, from 1.</param>
    /// <returns>A new bundle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="courseNumber"/> is less than 1.</exception>
    public Bundle ToTransaction(CourseSchedule plan, int courseNumber = 1)
    {
        var ids = Ids(plan, courseNumber);
        var bundle = ToBundle(PlanResources.Build(plan, PatientReference, ids, courseNumber), ids, Bundle.BundleType.Transaction);
        foreach (var entry in bundle.Entry)
        {
            entry.Request = new Bundle.RequestComponent
            {
                Method = Bundle.HTTPVerb.POST,
                Url = entry.Resource!.TypeName,
                IfNoneExist = $"identifier={CourseIds.UriSystem}|{entry.FullUrl}",
            };
        }
        return bundle;
    }

    /// <summary>
    /// A recorded course as a Bundle of type <c>collection</c>: the resources of its plan
    /// (<see cref="CourseRecord.Plan"/>, with <see cref="CourseRecord.CourseNumber"/>) followed by
    /// <see cref="ToAdministrations(CourseRecord)"/>.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <returns>A new bundle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">The record corrects a dose event into another kind of event, or the reverse, which a MedicationAdministration cannot express.</exception>
    public Bundle ToCollection(CourseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var ids = Ids(record.Plan, record.CourseNumber);
        var resources = PlanResources.Build(record.Plan, PatientReference, ids, record.CourseNumber);
        resources.AddRange(AdministrationExport.Build(record, PatientReference, ids));
        return ToBundle(resources, ids, Bundle.BundleType.Collection);
    }

    /// <summary>
    /// One MedicationAdministration per dose event of the record, in event order (FHIR R4
    /// medicationadministration.html): <c>status</c> <c>completed</c> for a given dose (whatever its
    /// recorded end), <c>stopped</c> for an infusion stopped before its planned end (<see cref="DoseStopped"/>;
    /// <c>statusReason[0].text</c> = the reason it was stopped), <c>not-done</c> for a
    /// held dose (<c>statusReason[0].text</c> = the reason), <c>entered-in-error</c> for an event a
    /// later correction replaces; <c>effectivePeriod</c> = the recorded start and end (the end only
    /// when recorded; a stopped infusion's actual end) or, for a held dose, <c>effectiveDateTime</c> = the slot's due time;
    /// <c>request</c> = the cycle's MedicationRequest; and the extension <see cref="FhirUrls.CourseEvent"/>
    /// with the cycle, the slot, the event id and any correction.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <returns>The administrations; cycle and course stops, reschedules and discharges have none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">The record corrects a dose event into another kind of event, or the reverse.</exception>
    public IReadOnlyList<MedicationAdministration> ToAdministrations(CourseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return AdministrationExport.Build(record, PatientReference, Ids(record.Plan, record.CourseNumber));
    }

    /// <summary>
    /// Applies MedicationAdministrations to a record as course events, in order, all or nothing:
    /// <c>completed</c> → <see cref="DoseGiven"/>, <c>stopped</c> → <see cref="DoseStopped"/> (needs the period's end and
    /// <c>statusReason[0].text</c>), <c>not-done</c> → <see cref="DoseHeld"/>,
    /// an administration with the sub-extension <c>corrects</c> → <see cref="Corrected"/>, and an
    /// <c>entered-in-error</c> one → the event as first recorded, which a later one must correct.
    /// Administrations exported from a record and applied to a fresh record of the same plan give a
    /// record equal to it when its events are all dose events.
    /// </summary>
    /// <param name="record">The record to apply them to; its plan and course number give the ids the requests must match.</param>
    /// <param name="administrations">The administrations, for this mapper's patient.</param>
    /// <returns>The new record (the same one when every event was already recorded with the same id and content).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> or <paramref name="administrations"/> is null.</exception>
    /// <exception cref="FhirMappingException">An administration cannot be mapped, or its event breaks the record's rules (the inner exception is the <see cref="CourseEventRejectedException"/>); nothing is applied.</exception>
    public CourseRecord ApplyAdministrations(CourseRecord record, IEnumerable<MedicationAdministration> administrations)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(administrations);
        return AdministrationImport.Apply(record, administrations, PatientReference, Ids(record.Plan, record.CourseNumber));
    }

    /// <summary>
    /// Reads FHIR JSON and applies its MedicationAdministrations with
    /// <see cref="ApplyAdministrations(CourseRecord, IEnumerable{MedicationAdministration})"/>.
    /// </summary>
    /// <param name="record">The record to apply them to.</param>
    /// <param name="json">
    /// A Bundle (its MedicationAdministration entries are read, other resources such as the plan's are
    /// skipped), a JSON array of MedicationAdministrations, or one MedicationAdministration.
    /// </param>
    /// <returns>The new record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> or <paramref name="json"/> is null.</exception>
    /// <exception cref="InputLimitExceededException"><paramref name="json"/> is longer than <see cref="InputLimits.MaxFhirJsonBytes"/> bytes of UTF-8; nothing is applied.</exception>
    /// <exception cref="FhirMappingException">The JSON is not FHIR R4 of those shapes, or an administration cannot be mapped; nothing is applied.</exception>
    public CourseRecord ApplyAdministrations(CourseRecord record, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if ((long)json.Length * 3 > InputLimits.MaxFhirJsonBytes && System.Text.Encoding.UTF8.GetByteCount(json) is var bytes && bytes > InputLimits.MaxFhirJsonBytes)
        {
            throw new InputLimitExceededException(nameof(InputLimits.MaxFhirJsonBytes), InputLimits.MaxFhirJsonBytes, bytes, "bytes");
        }
        return ApplyAdministrations(record, ReadAdministrations(json));
    }

    /// <summary>Writes a resource or bundle as FHIR R4 JSON (json.html), indented.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resource"/> is null.</exception>
    public static string Serialize(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Serializer.SerializeToString(resource, pretty: true);
    }

    private static List<MedicationAdministration> ReadAdministrations(string json)
    {
        string trimmed = json.TrimStart();
        if (trimmed.StartsWith('['))
        {
            return FhirJsonArray.Elements(trimmed).Select((element, index) => Parse(element, $"[{index}]") is MedicationAdministration administration
                ? administration
                : throw new FhirMappingException(null, $"[{index}]", "is not a MedicationAdministration")).ToList();
        }
        return Parse(trimmed, FhirMappingException.WholeInput) switch
        {
            Bundle bundle => bundle.Entry.Select(entry => entry.Resource).OfType<MedicationAdministration>().ToList(),
            MedicationAdministration administration => [administration],
            var other => throw new FhirMappingException(other.Id, "resourceType", $"is {other.TypeName}; expected a Bundle, a MedicationAdministration or an array of them"),
        };
    }

    private static Resource Parse(string json, string element)
    {
        try
        {
            return Deserializer.DeserializeResource(json);
        }
        // Firely's deserializer (6.8.0) also throws InvalidOperationException ("Encountered unexpected
        // token") and IndexOutOfRangeException on some malformed input; both were found by fuzzing
        // (docs/testing.md) and are reported as the input's fault like its own errors.
        catch (Exception e) when (e is DeserializationFailedException or FormatException or System.Text.Json.JsonException
            or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new FhirMappingException(null, element, "is not FHIR R4 JSON: " + InputText.WithJsonPosition(e.Message), e);
        }
    }

    private static Bundle ToBundle(List<DomainResource> resources, CourseIds ids, Bundle.BundleType type)
    {
        var bundle = new Bundle { Id = ids.Bundle(type), Type = type };
        bundle.Entry.AddRange(resources.Select(resource => new Bundle.EntryComponent { FullUrl = CourseIds.FullUrl(resource.Id!), Resource = resource }));
        return bundle;
    }

    private CourseIds Ids(CourseSchedule plan, int courseNumber)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(courseNumber, 1);
        return new CourseIds(plan, PatientReference, courseNumber);
    }

    [GeneratedRegex(@"^Patient/[A-Za-z0-9\-\.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex PatientReferenceForm();
}
