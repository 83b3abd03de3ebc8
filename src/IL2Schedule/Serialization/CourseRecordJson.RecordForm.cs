using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using IL2Schedule.Records;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace IL2Schedule.Serialization;

/// <content>The record form's plan inputs: first dose, zone, protocol, policy, weight and working days.</content>
public static partial class CourseRecordJson
{
    private static CourseRecord CreateRecord(JsonObject root, TimeZoneDatabase database)
    {
        var firstDose = ParseLocal(String(Required(root, "firstDose"), "firstDose"), "firstDose");
        var zoneId = String(Required(root, "zone"), "zone");
        if (!database.TryGetZone(zoneId, out var zone))
        {
            var suggestions = database.SuggestIds(zoneId);
            throw new JsonException($"zone must be a tzdb {database.TzdbVersion}, Windows or fixed-offset time zone id; was '{zoneId}'{(suggestions.Count == 0 ? "." : "; did you mean " + string.Join(", ", suggestions) + "?")}");
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

        ZoneLocalMappingResolver? asRecorded = null;
        if (root["firstDoseStart"] is { } startNode)
        {
            var start = ParseInstant(String(startNode, "firstDoseStart"), "firstDoseStart");
            asRecorded = mapping => start.InZone(mapping.Zone);
        }
        decimal? bodyWeight = root["bodyWeightKg"] is { } weightNode
            ? weightNode is JsonValue weightValue && weightValue.GetValueKind() == JsonValueKind.Number && weightValue.TryGetValue<decimal>(out var weight)
                ? weight
                : throw new JsonException($"bodyWeightKg must be a number of kilograms; was {weightNode.ToJsonString()}.")
            : null;
        WorkingDaysDocument? workingDays = null;
        if (root["workingDays"] is { } workingDaysValue)
        {
            var workingDaysNode = workingDaysValue as JsonObject
                ?? throw new JsonException($"workingDays must be an object with weekend, holidays and imagingDateShift; was {workingDaysValue.ToJsonString()}.");
            workingDays = workingDaysNode.Deserialize((JsonTypeInfo<WorkingDaysDocument>)Compact.GetTypeInfo(typeof(WorkingDaysDocument)))
                ?? throw new JsonException("workingDays must be an object.");
        }

        CourseSchedule plan;
        try
        {
            // A record's discharge is an event, applied by the record, not a plan input.
            plan = DocumentPlanner.Plan(protocol, firstDose, zone!, asRecorded, dischargeDate: null, bodyWeight, workingDays);
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
                + CourseScheduleJson.WithDocumentParts(e.Message), e);
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
}
