namespace IL2Schedule.Fhir;

/// <summary>The extension URLs this package writes and reads.</summary>
public static class FhirUrls
{
    /// <summary>
    /// FHIR R4 core extension timing-exact (valueBoolean, context <c>Timing.repeat</c>): true, the
    /// times are to be kept as precisely as possible.
    /// </summary>
    public const string TimingExact = "http://hl7.org/fhir/StructureDefinition/timing-exact";

    /// <summary>
    /// The timezone extension of the FHIR Extensions Pack (valueCode, an IANA tz id per BCP 175),
    /// written on each cycle's Timing. It is not among the R4 base definitions, so a validator with
    /// only those reports it as unresolved (a warning).
    /// </summary>
    public const string Timezone = "http://hl7.org/fhir/StructureDefinition/timezone";

    /// <summary>
    /// This package's extension on a MedicationAdministration naming the course event it records:
    /// sub-extensions <c>cycle</c> and <c>slot</c> (valuePositiveInt, required), <c>eventId</c>
    /// (valueString, the event's id when it has one) and, for a correction's replacement,
    /// <c>corrects</c> (valueString, the id of the event it replaces) and <c>correctionId</c>
    /// (valueString, the correction's own id when it has one).
    /// </summary>
    public const string CourseEvent = "urn:il2schedule:fhir:course-event";
}
