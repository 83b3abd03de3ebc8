using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IL2Schedule.Records;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule.Serialization;

/// <content>The record form's events, written and read.</content>
public static partial class CourseRecordJson
{
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
            case DoseStopped stopped:
                node["cycle"] = stopped.Cycle;
                node["slot"] = stopped.Slot;
                node["start"] = Format(stopped.Start, zone);
                node["end"] = Format(stopped.End, zone);
                node["reason"] = stopped.Reason;
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
        if (courseEvent.RecordedAt is { } recordedAt)
        {
            node["recordedAt"] = Format(recordedAt, zone);
        }
        if (courseEvent.RecordedBy is { } recordedBy)
        {
            node["recordedBy"] = recordedBy;
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
            var courseEvent = ReadEventValues(e, type, id, where, zone);
            var recordedAt = e["recordedAt"] is { } at ? ParseInstant(String(at, where + ".recordedAt"), where + ".recordedAt") : (Instant?)null;
            string? recordedBy = e["recordedBy"] is { } by ? String(by, where + ".recordedBy") : null;
            return recordedAt is null && recordedBy is null ? courseEvent : courseEvent.WithAudit(recordedAt, recordedBy);
        }
        catch (ArgumentException x)
        {
            throw new JsonException($"{where}: {Messages.WithoutParameterName(x)}.", x);
        }
    }

    private static CourseEvent ReadEventValues(JsonObject e, string type, string? id, string where, DateTimeZone zone) =>
        type switch
        {
            "doseGiven" => new DoseGiven(id, Int(e, "cycle", where), Int(e, "slot", where),
                ParseInstant(String(Required(e, "start", where), where + ".start"), where + ".start"),
                e["end"] is { } end ? ParseInstant(String(end, where + ".end"), where + ".end") : null),
            "doseStopped" => new DoseStopped(id, Int(e, "cycle", where), Int(e, "slot", where),
                ParseInstant(String(Required(e, "start", where), where + ".start"), where + ".start"),
                ParseInstant(String(Required(e, "end", where), where + ".end"), where + ".end"),
                String(Required(e, "reason", where), where + ".reason")),
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
            _ => throw new JsonException($"{where}.type must be one of doseGiven, doseStopped, doseHeld, cycleStopped, courseStopped, cycleRescheduled, discharged, corrected; was '{type}'."),
        };

    private static string Where(int index, JsonNode? node)
    {
        string where = "events[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        return node is JsonObject o && o["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? $"{where} (id {text})" : where;
    }

    private static string Format(Instant instant, DateTimeZone zone) => ScheduleText.Format(instant.InZone(zone));
}
