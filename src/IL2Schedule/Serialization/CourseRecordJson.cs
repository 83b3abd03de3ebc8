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
/// <c>doseGiven</c> (cycle, slot, start, optional end), <c>doseHeld</c> (cycle, slot, reason),
/// <c>cycleStopped</c> (cycle, at, reason), <c>courseStopped</c> (at, reason),
/// <c>cycleRescheduled</c> (cycle, newStart: local), <c>discharged</c> (date),
/// <c>corrected</c> (corrects: an id, replacement: an event); each with an optional <c>id</c>.
/// Instants are RFC 3339 with an offset ("Z" is read too) and are written in the course's zone.
/// </para>
/// <para>
/// The re-planned form is the planned form (<see cref="CourseScheduleJson"/>) plus, per dose,
/// <c>slot</c>, <c>status</c> (given | held | planned | skipped | cancelled), <c>due</c>,
/// <c>givenStart</c>, <c>givenEnd</c>, <c>heldReason</c>, <c>eventId</c> and, with a body weight,
/// <c>doseIu</c>, <c>doseMg</c>, <c>vials</c> and <c>diluentMl</c>; per cycle
/// <c>nominalStart</c>, <c>rescheduled</c>, <c>dosesGiven</c>, <c>dosesHeld</c> and <c>endReason</c>
/// (null while running); and at the top level <c>courseNumber</c>, <c>heldDosePolicy</c>,
/// <c>courseComplete</c>, <c>knownTime</c>, <c>retreatmentOverrideReason</c>, <c>imagingDateUnadjusted</c>,
/// <c>nextCourseWindowUnadjusted</c>, with a body weight <c>givenCourseIu</c>, <c>givenCourseMg</c> and
/// <c>projectedCourseIu</c>, and, for a status, <c>status</c>
/// {<c>at</c>, <c>nextDue</c>, <c>overdue</c>}. <c>courseEnd</c>, <c>imagingDate</c> and
/// <c>nextCourseWindow</c> are null for a course stopped before any dose was given.
/// </para>
/// </remarks>
public static class CourseRecordJson
{
    private static readonly LocalDateTimePattern LocalMinutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly LocalDateTimePattern LocalSeconds = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");
    private static readonly OffsetDateTimePattern Rfc3339 = OffsetDateTimePattern.Rfc3339;
    private static readonly JsonSerializerOptions Indented = CourseScheduleJson.CreateOptions(indented: true);
    private static readonly JsonSerializerOptions Compact = CourseScheduleJson.CreateOptions(indented: false);

    /// <summary>Writes a record: plan inputs and every event in order, corrections included.</summary>
    /// <param name="record">The record.</param>
    /// <param name="indented">True (the default) for indented text; false for one line.</param>
    /// <returns>The JSON document; <see cref="Deserialize"/> reads it back to an equal record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">The record's zone has no tzdb or fixed-offset id, so the document could not be read back.</exception>
    public static string Serialize(CourseRecord record, bool indented = true)
    {
        Preconditions.CheckNotNull(record, nameof(record));
        var plan = record.Plan;
        if (!TimeZoneLookup.TryGetZone(plan.ZoneId, out _))
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
    /// <exception cref="JsonException">
    /// The text is not JSON of this form; a required property is missing or has the wrong type; the
    /// zone, protocol, dose timing, policy or first dose is invalid; an event is malformed (the
    /// message starts "events[i]" and names its id); or an event is rejected by the record's rules
    /// (the message names the event, the rule and the values; <see cref="Exception.InnerException"/>
    /// is the <see cref="CourseEventRejectedException"/>).
    /// </exception>
    public static CourseRecord Deserialize(string json)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new JsonException("The record is not valid JSON: " + e.Message, e);
        }
        if (parsed is not JsonObject root)
        {
            throw new JsonException("A course record must be a JSON object.");
        }
        if (root["schemaVersion"] is { } version && Int(version, "schemaVersion") != CourseScheduleJson.SchemaVersion)
        {
            throw new JsonException($"schemaVersion must be {CourseScheduleJson.SchemaVersion}; was {version.ToJsonString()}.");
        }
        var record = CreateRecord(root);
        var events = Required(root, "events") as JsonArray ?? throw new JsonException("events must be an array.");
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

    private static JsonTypeInfo<ReplannedScheduleDocument> TypeInfo(bool indented) =>
        (JsonTypeInfo<ReplannedScheduleDocument>)(indented ? Indented : Compact).GetTypeInfo(typeof(ReplannedScheduleDocument));

    private static ReplannedScheduleDocument ToDocument(ReplannedSchedule schedule, CourseStatus? status)
    {
        var record = schedule.Record;
        var plan = record.Plan;
        var zone = plan.Zone;
        var window = schedule.NextCourseWindow;
        return new ReplannedScheduleDocument
        {
            SchemaVersion = CourseScheduleJson.SchemaVersion,
            CourseNumber = record.CourseNumber,
            Zone = plan.ZoneId,
            TzdbVersion = plan.TzdbVersion,
            DoseTiming = CourseScheduleJson.ToText(plan.Protocol.DoseTiming),
            HeldDosePolicy = PolicyText(record.HeldDosePolicy),
            Protocol = CourseScheduleJson.ToDocument(plan.Protocol),
            RequestedFirstDose = plan.RequestedFirstDose,
            DischargeDate = schedule.DischargeDate,
            RetreatmentOverrideReason = record.RetreatmentOverrideReason,
            BodyWeightKg = plan.DoseAmount?.BodyWeightKilograms,
            WorkingDays = CourseScheduleJson.ToDocument(plan.WorkingDayCalendar, plan.ImagingDateShift),
            KnownTime = schedule.KnownTime == Instant.MinValue ? null : schedule.KnownTime.InZone(zone).ToOffsetDateTime(),
            CourseComplete = schedule.IsComplete,
            Cycles = [.. schedule.Cycles.Select(cycle => new ReplannedCycleDocument
            {
                Number = cycle.Number,
                NominalStart = cycle.NominalStart,
                Rescheduled = cycle.IsRescheduled,
                Start = cycle.Start.ToOffsetDateTime(),
                WindowEnd = cycle.WindowEnd.ToOffsetDateTime(),
                DosesGiven = cycle.DosesGiven,
                DosesHeld = cycle.DosesHeld,
                EndReason = cycle.EndReason == CycleEndReason.None ? null : Camel(cycle.EndReason.ToString()),
            })],
            Doses = [.. schedule.Cycles.SelectMany(cycle => cycle.Slots.Select((slot, index) => new ReplannedDoseDocument
            {
                Number = slot.Number,
                Cycle = slot.CycleNumber,
                NumberInCycle = index + 1,
                Slot = slot.Slot,
                Status = slot.Status.ToString().ToLowerInvariant(),
                Due = slot.Due.ToOffsetDateTime(),
                Start = slot.Start.ToOffsetDateTime(),
                End = slot.End.ToOffsetDateTime(),
                GivenStart = slot.GivenStart?.ToOffsetDateTime(),
                GivenEnd = slot.GivenEnd?.ToOffsetDateTime(),
                HeldReason = slot.HeldReason,
                EventId = slot.EventId,
                DoseIu = plan.DoseAmount?.InternationalUnits,
                DoseMg = plan.DoseAmount?.Milligrams,
                Vials = plan.DoseAmount?.Vials,
                DiluentMl = plan.DoseAmount?.DiluentMilliliters,
            }))],
            CourseEnd = schedule.CourseEnd?.ToOffsetDateTime(),
            CourseEndDate = schedule.CourseEndDate,
            ImagingDate = schedule.ResponseAssessmentDate,
            ImagingDateUnadjusted = schedule.ResponseAssessmentDateUnadjusted,
            NextCourseWindow = CourseScheduleJson.ToDocument(window?.Dates),
            NextCourseWindowUnadjusted = CourseScheduleJson.ToDocument(schedule.NextCourseWindowUnadjusted?.Dates),
            NextCourseWindowNote = window?.Note,
            GivenCourseIu = schedule.GivenCourseInternationalUnits,
            GivenCourseMg = schedule.GivenCourseMilligrams,
            ProjectedCourseIu = schedule.ProjectedCourseInternationalUnits,
            Status = status is null ? null : new StatusDocument
            {
                At = status.At.InZone(zone).ToOffsetDateTime(),
                NextDue = status.NextDue is { } next ? Reference(next) : null,
                Overdue = [.. status.Overdue.Select(Reference)],
            },
        };
    }

    private static SlotReferenceDocument Reference(DoseSlot slot) =>
        new() { Cycle = slot.CycleNumber, Slot = slot.Slot, Due = slot.Due.ToOffsetDateTime() };

    private static CourseRecord CreateRecord(JsonObject root)
    {
        var firstDose = ParseLocal(String(Required(root, "firstDose"), "firstDose"), "firstDose");
        var zoneId = String(Required(root, "zone"), "zone");
        if (!TimeZoneLookup.TryGetZone(zoneId, out var zone))
        {
            var suggestions = TimeZoneLookup.SuggestIds(zoneId);
            throw new JsonException($"zone must be a tzdb, Windows or fixed-offset time zone id; was '{zoneId}'{(suggestions.Count == 0 ? "." : "; did you mean " + string.Join(", ", suggestions) + "?")}");
        }
        var timing = root["doseTiming"] is { } timingNode
            ? String(timingNode, "doseTiming") switch
            {
                "wall-clock" => DoseTiming.WallClock,
                "standard-times" => DoseTiming.StandardTimes,
                var text => CourseScheduleJson.ToDoseTiming(text),
            }
            : DoseTiming.Elapsed;
        var protocol = ReadProtocol(Required(root, "protocol"), timing);
        var policy = root["heldDosePolicy"] is { } policyNode
            ? String(policyNode, "heldDosePolicy") switch
            {
                "useReserveSlots" => HeldDosePolicy.UseReserveSlots,
                "forfeit" => HeldDosePolicy.Forfeit,
                var other => throw new JsonException($"heldDosePolicy must be 'useReserveSlots' or 'forfeit'; was '{other}'."),
            }
            : HeldDosePolicy.UseReserveSlots;
        int courseNumber = root["courseNumber"] is { } numberNode ? Int(numberNode, "courseNumber") : 1;
        if (courseNumber < 1)
        {
            throw new JsonException($"courseNumber must be at least 1; was {courseNumber.ToString(CultureInfo.InvariantCulture)}.");
        }
        string? overrideReason = root["retreatmentOverrideReason"] is { } reasonNode ? String(reasonNode, "retreatmentOverrideReason") : null;
        if (overrideReason is not null && string.IsNullOrWhiteSpace(overrideReason))
        {
            throw new JsonException("retreatmentOverrideReason must be null or a non-empty text.");
        }

        CourseSchedule plan;
        try
        {
            var planner = new CoursePlanner(protocol);
            if (root["firstDoseStart"] is { } startNode)
            {
                var start = ParseInstant(String(startNode, "firstDoseStart"), "firstDoseStart");
                plan = planner.Plan(firstDose, zone!, mapping => start.InZone(mapping.Zone));
            }
            else
            {
                plan = planner.Plan(firstDose, zone!);
            }
        }
        catch (LocalTimeMappingException e)
        {
            throw new JsonException($"firstDose {LocalDateTimePattern.ExtendedIso.Format(firstDose)} is {(e.IsSkipped ? "skipped" : "repeated")} in {e.ZoneId}; add firstDoseStart with the offset meant.", e);
        }
        catch (ArgumentException e) when (e.ParamName == "firstDoseResolver")
        {
            throw new JsonException($"firstDoseStart must be an instant of firstDose {LocalDateTimePattern.ExtendedIso.Format(firstDose)} in {zoneId}: one of the instants of a repeated time, or for a skipped time one from the gap's start to the time shifted forward by the gap.", e);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(Messages.WithoutParameterName(e), e);
        }
        try
        {
            if (root["bodyWeightKg"] is { } weightNode)
            {
                plan = plan.WithBodyWeight(weightNode is JsonValue weightValue && weightValue.GetValueKind() == JsonValueKind.Number && weightValue.TryGetValue<decimal>(out var weight)
                    ? weight
                    : throw new JsonException($"bodyWeightKg must be a number of kilograms; was {weightNode.ToJsonString()}."));
            }
            if (root["workingDays"] is { } workingDaysValue)
            {
                var workingDaysNode = workingDaysValue as JsonObject
                    ?? throw new JsonException($"workingDays must be an object with weekend, holidays and imagingDateShift; was {workingDaysValue.ToJsonString()}.");
                var document = workingDaysNode.Deserialize((JsonTypeInfo<WorkingDaysDocument>)Compact.GetTypeInfo(typeof(WorkingDaysDocument)))
                    ?? throw new JsonException("workingDays must be an object.");
                var (calendar, shift) = CourseScheduleJson.FromDocument(document);
                plan = plan.WithWorkingDays(calendar, shift);
            }
        }
        catch (ArgumentException e)
        {
            throw new JsonException(Messages.WithoutParameterName(e), e);
        }
        return CourseRecord.Restore(plan, courseNumber, policy, overrideReason);
    }

    private static CourseProtocol ReadProtocol(JsonNode node, DoseTiming timing)
    {
        try
        {
            return node switch
            {
                JsonValue value when value.TryGetValue<string>(out var name) => name switch
                {
                    "label" => CourseProtocol.Label.WithDoseTiming(timing),
                    "nci" => CourseProtocol.NciSurgeryBranch.WithDoseTiming(timing),
                    _ => throw new JsonException($"protocol must be 'label', 'nci' or an object of settings; was '{name}'."),
                },
                JsonObject settings => CourseScheduleJson.ToProtocol(ReadProtocolSettings(settings), timing),
                _ => throw new JsonException($"protocol must be 'label', 'nci' or an object of settings; was {node.ToJsonString()}."),
            };
        }
        catch (ArgumentException e)
        {
            throw new JsonException(Messages.WithoutParameterName(e), e);
        }
    }

    private static ProtocolDocument ReadProtocolSettings(JsonObject settings)
    {
        try
        {
            return settings.Deserialize((JsonTypeInfo<ProtocolDocument>)Compact.GetTypeInfo(typeof(ProtocolDocument)))
                ?? throw new JsonException("protocol must not be null.");
        }
        catch (JsonException e)
        {
            throw new JsonException("protocol must be 'label', 'nci' or an object with every setting of the planned JSON form's protocol: "
                + e.Message.Replace("type 'IL2Schedule.Serialization.ProtocolDocument'", "the protocol", StringComparison.Ordinal), e);
        }
    }

    private static JsonNode ProtocolNode(CourseProtocol protocol, bool indented)
    {
        var elapsed = protocol.WithDoseTiming(DoseTiming.Elapsed);
        if (elapsed == CourseProtocol.Label)
        {
            return JsonValue.Create("label");
        }
        if (elapsed == CourseProtocol.NciSurgeryBranch)
        {
            return JsonValue.Create("nci");
        }
        var options = indented ? Indented : Compact;
        return JsonSerializer.SerializeToNode(CourseScheduleJson.ToDocument(protocol), (JsonTypeInfo<ProtocolDocument>)options.GetTypeInfo(typeof(ProtocolDocument)))!;
    }

    private static JsonObject EventNode(CourseEvent courseEvent, DateTimeZone zone)
    {
        var node = new JsonObject();
        if (courseEvent.Id is { } id)
        {
            node["id"] = id;
        }
        node["type"] = courseEvent.Kind;
        switch (courseEvent)
        {
            case DoseGiven given:
                node["cycle"] = given.Cycle;
                node["slot"] = given.Slot;
                node["start"] = Format(given.Start, zone);
                if (given.End is { } end)
                {
                    node["end"] = Format(end, zone);
                }
                break;
            case DoseHeld held:
                node["cycle"] = held.Cycle;
                node["slot"] = held.Slot;
                node["reason"] = held.Reason;
                break;
            case CycleStopped stopped:
                node["cycle"] = stopped.Cycle;
                node["at"] = Format(stopped.At, zone);
                node["reason"] = stopped.Reason;
                break;
            case CourseStopped stopped:
                node["at"] = Format(stopped.At, zone);
                node["reason"] = stopped.Reason;
                break;
            case CycleRescheduled rescheduled:
                node["cycle"] = rescheduled.Cycle;
                node["newStart"] = LocalDateTimePattern.ExtendedIso.Format(rescheduled.NewStart);
                break;
            case Discharged discharged:
                node["date"] = ScheduleText.Format(discharged.Date);
                break;
            case Corrected corrected:
                node["corrects"] = corrected.CorrectedEventId;
                node["replacement"] = EventNode(corrected.Replacement, zone);
                break;
        }
        return node;
    }

    private static CourseEvent ReadEvent(JsonNode? node, string where, DateTimeZone zone)
    {
        if (node is not JsonObject e)
        {
            throw new JsonException($"{where} must be an object.");
        }
        string? id = e["id"] is { } idNode ? String(idNode, where + ".id") : null;
        string type = String(Required(e, "type", where), where + ".type");
        try
        {
            return type switch
            {
                "doseGiven" => new DoseGiven(id, Int(e, "cycle", where), Int(e, "slot", where),
                    ParseInstant(String(Required(e, "start", where), where + ".start"), where + ".start"),
                    e["end"] is { } end ? ParseInstant(String(end, where + ".end"), where + ".end") : null),
                "doseHeld" => new DoseHeld(id, Int(e, "cycle", where), Int(e, "slot", where), String(Required(e, "reason", where), where + ".reason")),
                "cycleStopped" => new CycleStopped(id, Int(e, "cycle", where),
                    ParseInstant(String(Required(e, "at", where), where + ".at"), where + ".at"), String(Required(e, "reason", where), where + ".reason")),
                "courseStopped" => new CourseStopped(id,
                    ParseInstant(String(Required(e, "at", where), where + ".at"), where + ".at"), String(Required(e, "reason", where), where + ".reason")),
                "cycleRescheduled" => new CycleRescheduled(id, Int(e, "cycle", where),
                    ParseLocal(String(Required(e, "newStart", where), where + ".newStart"), where + ".newStart")),
                "discharged" => new Discharged(id, ParseDate(String(Required(e, "date", where), where + ".date"), where + ".date")),
                "corrected" => new Corrected(id, String(Required(e, "corrects", where), where + ".corrects"),
                    ReadEvent(Required(e, "replacement", where), where + ".replacement", zone)),
                _ => throw new JsonException($"{where}.type must be one of doseGiven, doseHeld, cycleStopped, courseStopped, cycleRescheduled, discharged, corrected; was '{type}'."),
            };
        }
        catch (ArgumentException x)
        {
            throw new JsonException($"{where}: {Messages.WithoutParameterName(x)}.", x);
        }
    }

    private static string Where(int index, JsonNode? node)
    {
        string where = "events[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        return node is JsonObject o && o["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? $"{where} (id {text})" : where;
    }

    private static JsonNode Required(JsonObject node, string name, string? where = null) =>
        node[name] ?? throw new JsonException($"{(where is null ? "" : where + ".")}{name} is required.");

    private static int Int(JsonObject node, string name, string where) => Int(Required(node, name, where), where + "." + name);

    private static int Int(JsonNode node, string name) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number)
            ? number
            : throw new JsonException($"{name} must be a whole number; was {node.ToJsonString()}.");

    private static string String(JsonNode node, string name) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new JsonException($"{name} must be a string; was {node.ToJsonString()}.");

    private static LocalDateTime ParseLocal(string text, string name)
    {
        // Formatting back must give the same text: NodaTime also reads "T24:00" as the next midnight.
        foreach (var pattern in new[] { LocalMinutes, LocalSeconds })
        {
            var result = pattern.Parse(text);
            if (result.Success && pattern.Format(result.Value) == text)
            {
                return result.Value;
            }
        }
        throw new JsonException($"{name} must be a local date-time such as 2027-03-10T08:00 or 2027-03-10T08:00:00 (hours 00-23); was '{text}'.");
    }

    private static Instant ParseInstant(string text, string name)
    {
        var result = Rfc3339.Parse(text);
        if (!result.Success)
        {
            throw new JsonException($"{name} must be an RFC 3339 date-time with an offset such as 2027-03-10T08:05:00-05:00; was '{text}'.");
        }
        var value = result.Value;
        // The instant of a local time in year 1 or 9999 can fall outside the instants NodaTime represents.
        if (value.LocalDateTime.Date <= new LocalDate(1, 1, 1) || value.LocalDateTime.Date >= new LocalDate(9999, 12, 31))
        {
            throw new JsonException($"{name} must be between 0001-01-02 and 9999-12-30; was '{text}'.");
        }
        return value.ToInstant();
    }

    private static LocalDate ParseDate(string text, string name)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw new JsonException($"{name} must be a date such as 2027-03-31; was '{text}'.");
    }

    private static string Format(Instant instant, DateTimeZone zone) => ScheduleText.Format(instant.InZone(zone));

    private static string PolicyText(HeldDosePolicy policy) => policy == HeldDosePolicy.Forfeit ? "forfeit" : "useReserveSlots";

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
