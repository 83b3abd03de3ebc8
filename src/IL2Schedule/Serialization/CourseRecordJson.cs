using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using IL2Schedule.Records;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule.Serialization;

/// <summary>
/// The JSON forms of a recorded course: the record itself (plan inputs and events, read and
/// written without loss) and the re-planned schedule that follows from it (written only).
/// </summary>
/// <remarks>
/// <para>The record form (schema version 1), for example:</para>
/// <code>
/// {"schemaVersion": 1, "courseNumber": 1, "firstDose": "2027-03-10T08:00", "zone": "America/New_York",
///  "protocol": "label", "doseTiming": "elapsed", "heldDosePolicy": "useReserveSlots",
///  "events": [{"id": "e1", "type": "doseGiven", "cycle": 1, "slot": 1, "start": "2027-03-10T08:05:00-05:00"},
///             {"id": "e2", "type": "doseHeld", "cycle": 1, "slot": 2, "reason": "hypotension"}]}
/// </code>
/// <para>
/// Optional <c>bodyWeightKg</c> and <c>workingDays</c> ({<c>weekend</c>, <c>holidays</c>,
/// <c>imagingDateShift</c>}, as in the planned form) carry the plan's dose amounts and working days.
/// Only <c>firstDose</c> (local, "uuuu-MM-ddTHH:mm" with optional seconds, hours 00–23), <c>zone</c>,
/// <c>protocol</c> and <c>events</c> are required. <c>protocol</c> is "label", "nci" or an object
/// with the settings of the planned form's <c>protocol</c>. <c>doseTiming</c> is "elapsed" (default),
/// "wallClock" or "standardTimes" ("wall-clock" and "standard-times" are also read). <c>firstDoseStart</c> (RFC 3339) says which instant
/// is meant when the zone skips or repeats <c>firstDose</c>. Event types and fields:
/// <c>doseGiven</c> (cycle, slot, start, optional end), <c>doseStopped</c> (cycle, slot, start, end, reason),
/// <c>doseHeld</c> (cycle, slot, reason),
/// <c>cycleStopped</c> (cycle, at, reason), <c>courseStopped</c> (at, reason),
/// <c>cycleRescheduled</c> (cycle, newStart: local), <c>discharged</c> (date),
/// <c>corrected</c> (corrects: an id, replacement: an event); each with an optional <c>id</c>.
/// Instants are RFC 3339 with an offset ("Z" is read too) and are written in the course's zone.
/// </para>
/// <para>
/// The re-planned form is the planned form (<see cref="CourseScheduleJson"/>) plus, per dose,
/// <c>slot</c>, <c>status</c> (given | held | planned | skipped | cancelled | stopped), <c>due</c>,
/// <c>givenStart</c>, <c>givenEnd</c>, <c>heldReason</c>, <c>eventId</c>, for a stopped slot <c>stoppedEnd</c> and <c>stopReason</c>, and, with a body weight,
/// <c>doseIu</c>, <c>doseMg</c>, <c>vials</c>, <c>diluentMl</c>, <c>concentrationMgPerMl</c> and (outside the label's range) <c>dilutionWarning</c>; per cycle
/// <c>nominalStart</c>, <c>rescheduled</c>, <c>dosesGiven</c>, <c>dosesHeld</c>, <c>dosesStopped</c> and <c>endReason</c>
/// (null while running); and at the top level <c>courseNumber</c>, <c>heldDosePolicy</c>,
/// <c>courseComplete</c>, <c>knownTime</c>, <c>retreatmentOverrideReason</c>, <c>imagingDateUnadjusted</c>,
/// <c>nextCourseWindowUnadjusted</c>, <c>nextCourseWindowReasons</c> (null with no window), with a body weight <c>givenCourseIu</c>, <c>givenCourseMg</c> and
/// <c>projectedCourseIu</c>, and, for a status, <c>status</c>
/// {<c>at</c>, <c>nextDue</c>, <c>overdue</c>}. <c>courseEnd</c>, <c>imagingDate</c> and
/// <c>nextCourseWindow</c> are null for a course stopped before any dose was given.
/// </para>
/// </remarks>
public static partial class CourseRecordJson
{
    private static readonly JsonSerializerOptions Indented = CourseScheduleJson.CreateOptions(indented: true);
    private static readonly JsonSerializerOptions Compact = CourseScheduleJson.CreateOptions(indented: false);

    /// <summary>Writes a record: plan inputs and every event in order, corrections included.</summary>
    /// <param name="record">The record.</param>
    /// <param name="indented">True (the default) for indented text; false for one line.</param>
    /// <returns>The JSON document; <see cref="Deserialize(string)"/> reads it back to an equal record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">The record's zone has no tzdb or fixed-offset id, so the document could not be read back.</exception>
    public static string Serialize(CourseRecord record, bool indented = true)
    {
        Preconditions.CheckNotNull(record, nameof(record));
        var plan = record.Plan;
        if (!TimeZoneDatabase.Of(plan.Zone).TryGetZone(plan.ZoneId, out _))
        {
            throw new ArgumentException($"record's zone must have a tzdb or fixed-offset id so the document can be read back; was '{plan.ZoneId}'", nameof(record));
        }
        var zone = plan.Zone;
        var root = new JsonObject
        {
            ["schemaVersion"] = CourseScheduleJson.SchemaVersion,
            ["courseNumber"] = record.CourseNumber,
            ["firstDose"] = LocalDateTimePattern.ExtendedIso.Format(plan.RequestedFirstDose),
        };
        if (zone.MapLocal(plan.RequestedFirstDose).Count != 1)
        {
            root["firstDoseStart"] = ScheduleText.Format(plan.Cycles[0].Start);
        }
        root["zone"] = plan.ZoneId;
        root["tzdbVersion"] = plan.TzdbVersion;
        root["protocol"] = ProtocolNode(plan.Protocol, indented);
        root["doseTiming"] = CourseScheduleJson.ToText(plan.Protocol.DoseTiming);
        root["heldDosePolicy"] = PolicyText(record.HeldDosePolicy);
        if (plan.DoseAmount is { } amount)
        {
            root["bodyWeightKg"] = amount.BodyWeightKilograms;
        }
        if (CourseScheduleJson.ToDocument(plan.WorkingDayCalendar, plan.ImagingDateShift) is { } workingDays)
        {
            root["workingDays"] = JsonSerializer.SerializeToNode(workingDays, (JsonTypeInfo<WorkingDaysDocument>)(indented ? Indented : Compact).GetTypeInfo(typeof(WorkingDaysDocument)));
        }
        root["retreatmentOverrideReason"] = record.RetreatmentOverrideReason;
        root["events"] = new JsonArray([.. record.Events.Select(e => EventNode(e, zone))]);
        return root.ToJsonString(indented ? Indented : Compact);
    }

    /// <summary>Reads a record and applies its events in order.</summary>
    /// <param name="json">The record document.</param>
    /// <returns>The record, re-planned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="InputLimitExceededException">
    /// The text is longer than <see cref="InputLimits.MaxRecordJsonBytes"/> bytes of UTF-8, nests deeper than
    /// <see cref="InputLimits.MaxJsonDepth"/>, or has more than <see cref="InputLimits.MaxRecordEvents"/> events.
    /// </exception>
    /// <exception cref="JsonException">
    /// The text is not JSON of this form; a required property is missing or has the wrong type; the
    /// zone, protocol, dose timing, policy or first dose is invalid; an event is malformed (the
    /// message starts "events[i]" and names its id); or an event is rejected by the record's rules
    /// (the message names the event, the rule and the values; <see cref="Exception.InnerException"/>
    /// is the <see cref="CourseEventRejectedException"/>).
    /// </exception>
    public static CourseRecord Deserialize(string json) => Deserialize(json, TimeZoneDatabase.Embedded);

    /// <summary>Reads a record, resolving its zone in a tzdb of the caller's choice, and applies its events in order.</summary>
    /// <param name="json">The record document.</param>
    /// <param name="database">The tzdb the course is planned with (the record's own <c>tzdbVersion</c> is not read; the re-planned record's plan reports <paramref name="database"/>'s version).</param>
    /// <returns>The record, re-planned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="database"/> is null.</exception>
    /// <exception cref="JsonException">As for <see cref="Deserialize(string)"/>; an unknown zone is reported with <paramref name="database"/>'s version.</exception>
    public static CourseRecord Deserialize(string json, TimeZoneDatabase database)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        Preconditions.CheckNotNull(database, nameof(database));
        JsonLimits.Check(json, InputLimits.MaxRecordJsonBytes, nameof(InputLimits.MaxRecordJsonBytes));
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = InputLimits.MaxJsonDepth });
        }
        catch (JsonException e)
        {
            throw new JsonException("The record is not valid JSON: " + InputText.WithJsonPosition(e.Message), e);
        }
        if (parsed is not JsonObject root)
        {
            throw new JsonException("A course record must be a JSON object.");
        }
        if (root["schemaVersion"] is { } version && Int(version, "schemaVersion") != CourseScheduleJson.SchemaVersion)
        {
            throw new JsonException($"schemaVersion must be {CourseScheduleJson.SchemaVersion}; was {version.ToJsonString()}.");
        }
        var record = CreateRecord(root, database);
        var events = Required(root, "events") as JsonArray ?? throw new JsonException("events must be an array.");
        InputLimits.CheckCount(events.Count, InputLimits.MaxRecordEvents, nameof(InputLimits.MaxRecordEvents), "events");
        for (int i = 0; i < events.Count; i++)
        {
            string where = Where(i, events[i]);
            var courseEvent = ReadEvent(events[i], where, record.Plan.Zone);
            try
            {
                record = record.Apply(courseEvent);
            }
            catch (CourseEventRejectedException e)
            {
                throw new JsonException($"events[{i.ToString(CultureInfo.InvariantCulture)}]: {e.Reason}", e);
            }
        }
        return record;
    }

    /// <summary>Writes the re-planned schedule (as of the latest recorded instant).</summary>
    /// <param name="schedule">The schedule, from <see cref="CourseRecord.Schedule"/>.</param>
    /// <param name="indented">True (the default) for indented text; false for one line.</param>
    /// <returns>The JSON document (output only; keep the record to read a course back).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static string SerializeSchedule(ReplannedSchedule schedule, bool indented = true)
    {
        Preconditions.CheckNotNull(schedule, nameof(schedule));
        return JsonSerializer.Serialize(ToDocument(schedule, null), TypeInfo(indented));
    }

    /// <summary>Writes a status: the re-planned schedule as known at the status's instant, with what is due next and what is overdue.</summary>
    /// <param name="status">The status, from <see cref="CourseRecord.GetStatus(Instant)"/>.</param>
    /// <param name="indented">True (the default) for indented text; false for one line.</param>
    /// <returns>The JSON document: the re-planned form with a <c>status</c> object.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="status"/> is null.</exception>
    public static string SerializeStatus(CourseStatus status, bool indented = true)
    {
        Preconditions.CheckNotNull(status, nameof(status));
        return JsonSerializer.Serialize(ToDocument(status.Schedule, status), TypeInfo(indented));
    }

    /// <summary>
    /// Writes a re-planned schedule with its explanations: the document of <see cref="SerializeSchedule"/>
    /// and last an <c>explanations</c> array of <see cref="ReplannedSchedule.Explain"/> (<see cref="DerivationJson"/>).
    /// </summary>
    /// <param name="schedule">The re-planned schedule.</param>
    /// <param name="indented">True (the default) for indented text; false for one line.</param>
    /// <returns>The JSON document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static string SerializeScheduleExplained(ReplannedSchedule schedule, bool indented = true) =>
        DerivationJson.AddTo(SerializeSchedule(schedule, indented), schedule.Explain(), indented);

    /// <summary>
    /// Writes a status with the explanations of its schedule: the document of <see cref="SerializeStatus"/>
    /// and last an <c>explanations</c> array of the status's <see cref="ReplannedSchedule.Explain"/> (<see cref="DerivationJson"/>).
    /// </summary>
    /// <param name="status">The status, from <see cref="CourseRecord.GetStatus(Instant)"/>.</param>
    /// <param name="indented">True (the default) for indented text; false for one line.</param>
    /// <returns>The JSON document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="status"/> is null.</exception>
    public static string SerializeStatusExplained(CourseStatus status, bool indented = true) =>
        DerivationJson.AddTo(SerializeStatus(status, indented), status.Schedule.Explain(), indented);

    private static JsonTypeInfo<ReplannedScheduleDocument> TypeInfo(bool indented) =>
        (JsonTypeInfo<ReplannedScheduleDocument>)(indented ? Indented : Compact).GetTypeInfo(typeof(ReplannedScheduleDocument));

    private static string PolicyText(HeldDosePolicy policy) => policy == HeldDosePolicy.Forfeit ? "forfeit" : "useReserveSlots";
}
