using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule.Serialization;

/// <summary>
/// The stable JSON form of a planned course (schema version 1), written and read with
/// System.Text.Json. This is the form the CLI prints with <c>--format json</c>.
/// </summary>
/// <remarks>
/// <para>
/// Names are camelCase. Instants are RFC 3339 local times with their offset
/// ("2027-03-14T09:00:00-04:00"); dates are ISO "yyyy-MM-dd"; periods are ISO 8601 ("P4W").
/// Top level: <c>schemaVersion</c> (1), <c>zone</c> (canonical IANA id), <c>tzdbVersion</c>,
/// <c>doseTiming</c> (<c>elapsed</c> | <c>wallClock</c> | <c>standardTimes</c>), <c>protocol</c> (every
/// setting, including <c>doseMilligramsPerKilogram</c> (or null), <c>standardAdministrationTimes</c>
/// (["00:00", "08:00", "16:00"]) and <c>cycleWindowCounting</c> (<c>elapsed</c> | <c>calendarDays</c>);
/// durations in minutes), <c>requestedFirstDose</c> (local, no offset), <c>dischargeDate</c> (or null),
/// <c>bodyWeightKg</c> (or null), <c>workingDays</c> (or null: {<c>weekend</c> ["saturday", "sunday"],
/// <c>holidays</c> [dates], <c>imagingDateShift</c> (<c>next</c> | <c>previous</c> | <c>nearest</c> | <c>none</c>)}),
/// <c>cycles</c> [{<c>number</c>, <c>start</c>, <c>windowEnd</c> (exclusive), <c>windowDoseCapacity</c>,
/// <c>boundBy</c> (<c>cap</c> | <c>window</c>)}],
/// <c>doses</c> [{<c>number</c>, <c>cycle</c>, <c>numberInCycle</c>, <c>start</c>, <c>end</c>, and with a
/// body weight <c>doseIu</c>, <c>doseMg</c> (absent when the protocol has no mg figure), <c>vials</c>, <c>diluentMl</c>,
/// <c>concentrationMgPerMl</c> (with a mg figure) and <c>dilutionWarning</c> (only outside the label's 0.03–0.07 mg/mL, section 2.5)}],
/// <c>courseEnd</c>, <c>courseEndDate</c>, <c>imagingDate</c> (on a working day when <c>workingDays</c> is set),
/// <c>imagingDateUnadjusted</c>, <c>nextCourseWindow</c> {<c>start</c>, <c>end</c>} (both inclusive; null when empty),
/// <c>nextCourseWindowUnadjusted</c> (before working days), <c>nextCourseWindowReasons</c> (what moved or emptied
/// the window: the camelCase names of the <see cref="NextCourseWindowReasons"/> flags set, in the order of their
/// values, such as ["startMovedByDischarge", "endMovedToWorkingDay"]; [] when none), <c>nextCourseWindowNote</c>
/// (the same in English; otherwise null), and with a body weight <c>plannedCourseIu</c> and <c>plannedCourseMg</c>.
/// </para>
/// <para>
/// Reading a document re-plans the course from its inputs (protocol, zone, requested first dose
/// and the instant chosen for it, discharge date, body weight, working days) and checks that every value in the document
/// matches, so a schedule read back is always valid and equal to the one written. Properties added
/// within schema version 1 after its first release may be absent: an absent input takes the value
/// earlier documents implied (standard times 00:00, 08:00, 16:00; the elapsed window; no mg figure;
/// no weight; no working-day calendar), and an absent derived value (<c>windowDoseCapacity</c>,
/// <c>boundBy</c>, the unadjusted dates, <c>nextCourseWindowReasons</c>, the dose amounts) is not checked, since it is re-computed.
/// The check compares values, never prose: <c>nextCourseWindowReasons</c> is read as a set of names (any order),
/// and <c>nextCourseWindowNote</c> is not compared at all, so a document whose note another version worded
/// differently still reads (and reads back with this version's wording).
/// </para>
/// </remarks>
public static partial class CourseScheduleJson
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonTypeInfo<CourseScheduleDocument> Indented = CreateTypeInfo(indented: true);
    private static readonly JsonTypeInfo<CourseScheduleDocument> Compact = CreateTypeInfo(indented: false);

    /// <summary>Writes a schedule as JSON text.</summary>
    /// <param name="schedule">The schedule to write.</param>
    /// <param name="indented">True (the default) for indented, human-readable text; false for one line.</param>
    /// <returns>The JSON document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The schedule's zone has no id <see cref="TimeZoneLookup.GetZone"/> can read back (a custom
    /// <see cref="DateTimeZone"/>, such as a test zone), so the document could not be read.
    /// </exception>
    public static string Serialize(CourseSchedule schedule, bool indented = true)
    {
        Preconditions.CheckNotNull(schedule, nameof(schedule));
        if (!TimeZoneDatabase.Of(schedule.Zone).TryGetZone(schedule.ZoneId, out _))
        {
            throw new ArgumentException(
                $"schedule's zone must have a tzdb or fixed-offset id so the document can be read back; was '{schedule.ZoneId}'", nameof(schedule));
        }
        return JsonSerializer.Serialize(ToDocument(schedule), indented ? Indented : Compact);
    }

    /// <summary>
    /// Writes a schedule as JSON text with its explanations: the document of <see cref="Serialize(CourseSchedule, bool)"/>,
    /// every property as written there, and last an <c>explanations</c> array of <see cref="CourseSchedule.Explain"/>
    /// in the form of <see cref="DerivationJson"/>. <see cref="Deserialize(string)"/> reads it back and ignores the array.
    /// </summary>
    /// <param name="schedule">The schedule to write.</param>
    /// <param name="indented">True (the default) for indented, human-readable text; false for one line.</param>
    /// <returns>The JSON document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Serialize(CourseSchedule, bool)"/>: the zone has no id that can be read back.</exception>
    public static string SerializeExplained(CourseSchedule schedule, bool indented = true) =>
        DerivationJson.AddTo(Serialize(schedule, indented), schedule.Explain(), indented);

    /// <summary>Reads a schedule written by <see cref="Serialize(CourseSchedule, bool)"/>.</summary>
    /// <param name="json">The JSON document.</param>
    /// <returns>The schedule, equal to the one that was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="InputLimitExceededException">The text is longer than <see cref="InputLimits.MaxPlanJsonBytes"/> bytes of UTF-8 or nests deeper than <see cref="InputLimits.MaxJsonDepth"/>.</exception>
    /// <exception cref="JsonException">
    /// The text is not JSON of this form (a property given twice in one object is refused, as by
    /// <see cref="CourseRecordJson.Deserialize(string)"/>); a required property is missing; <c>schemaVersion</c> is
    /// not 1; the zone, dose timing or protocol is invalid; or a value differs from the schedule
    /// re-planned from the document's inputs (the message names the first such property, both
    /// values and both tzdb versions).
    /// </exception>
    public static CourseSchedule Deserialize(string json) => Deserialize(json, TimeZoneDatabase.Embedded);

    /// <summary>Reads a schedule, re-planning it in a tzdb of the caller's choice.</summary>
    /// <param name="json">The JSON document.</param>
    /// <param name="database">The tzdb to re-plan with, such as the one the document names in <c>tzdbVersion</c> (read by <see cref="TimeZoneDatabase.FromFile"/>).</param>
    /// <returns>The schedule, equal to the one that was written when <paramref name="database"/> gives the same times.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="database"/> is null.</exception>
    /// <exception cref="JsonException">
    /// As for <see cref="Deserialize(string)"/>: in particular a value that <paramref name="database"/>'s
    /// rules re-plan differently (the message names both tzdb versions). To list every such
    /// difference instead, use <c>IL2Schedule.Drift.TzdbDriftCheck</c>.
    /// </exception>
    public static CourseSchedule Deserialize(string json, TimeZoneDatabase database)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        Preconditions.CheckNotNull(database, nameof(database));
        JsonLimits.Check(json, InputLimits.MaxPlanJsonBytes, nameof(InputLimits.MaxPlanJsonBytes));
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new JsonException("The course schedule document is not valid JSON (a property may appear only once in an object): " + e.Message, e);
        }
        var document = ReadDocument(json);
        var schedule = Replan(document, database);
        CheckAgainstReplanned(parsed!.AsObject(), document, schedule);
        return schedule;
    }

    /// <summary>Parses the document without re-planning it.</summary>
    internal static CourseScheduleDocument ReadDocument(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, Compact)
                ?? throw new JsonException("A course schedule document must be a JSON object; was null.");
        }
        catch (JsonException e) when (e.Message.Contains(InternalNamespace, StringComparison.Ordinal))
        {
            throw new JsonException(WithDocumentParts(e.Message), e.Path, e.LineNumber, e.BytePositionInLine, e);
        }
    }

    private const string InternalNamespace = "IL2Schedule.Serialization.";

    /// <summary>
    /// The serializer's message with the library's internal document types named as the parts of
    /// the document they read ("could not be converted to the course schedule document. Path: $.zone ...").
    /// </summary>
    internal static string WithDocumentParts(string message) => message
        .Replace($"type '{InternalNamespace}{nameof(CourseScheduleDocument)}'", "the course schedule document", StringComparison.Ordinal)
        .Replace($"type '{InternalNamespace}{nameof(ProtocolDocument)}'", "the protocol", StringComparison.Ordinal)
        .Replace($"{InternalNamespace}{nameof(CourseScheduleDocument)}", "the course schedule document", StringComparison.Ordinal)
        .Replace($"{InternalNamespace}{nameof(ProtocolDocument)}", "the protocol", StringComparison.Ordinal)
        .Replace($"{InternalNamespace}{nameof(CycleDocument)}", "a cycle", StringComparison.Ordinal)
        .Replace($"{InternalNamespace}{nameof(DoseDocument)}", "a dose", StringComparison.Ordinal)
        .Replace($"{InternalNamespace}{nameof(DateWindowDocument)}", "a date window", StringComparison.Ordinal)
        .Replace($"{InternalNamespace}{nameof(WorkingDaysDocument)}", "workingDays", StringComparison.Ordinal);

    /// <summary>Re-plans a document's course from its inputs in <paramref name="database"/>.</summary>
    internal static CourseSchedule Replan(CourseScheduleDocument document, TimeZoneDatabase database)
    {
        if (document.SchemaVersion != SchemaVersion)
        {
            throw new JsonException($"schemaVersion must be {SchemaVersion}; was {document.SchemaVersion}.");
        }
        if (document.Doses.Count == 0 || document.Doses[0] is null)
        {
            throw new JsonException("doses must start with the first dose; was empty or null.");
        }
        try
        {
            var zone = database.GetZone(document.Zone);
            var protocol = ToProtocol(document);
            var recordedFirstDose = document.Doses[0].Start.ToInstant();
            // A local time that maps to one instant must be that instant (a mismatch is reported
            // below, by property); for a skipped or repeated one the planner checks that the
            // recorded instant is a resolution of it.
            ZoneLocalMappingResolver asRecorded = mapping =>
                mapping.Count == 1 ? mapping.Single() : recordedFirstDose.InZone(mapping.Zone);
            return DocumentPlanner.Plan(protocol, document.RequestedFirstDose, zone, asRecorded, document.DischargeDate, document.BodyWeightKg, document.WorkingDays);
        }
        catch (ArgumentException e) when (e.ParamName == "firstDoseResolver")
        {
            throw new JsonException(
                $"The document's doses[0].start {document.Doses[0].Start:uuuu-MM-ddTHH:mm:ss;FFFFFFFFFo<+HH:mm>} is not a resolution of its requestedFirstDose {document.RequestedFirstDose:uuuu-MM-ddTHH:mm:ss} in {document.Zone}.",
                e);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(Messages.WithoutParameterName(e), e);
        }
        catch (DateTimeZoneNotFoundException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    private static CourseProtocol ToProtocol(CourseScheduleDocument document) =>
        ToProtocol(document.Protocol, ToDoseTiming(document.DoseTiming));
}
