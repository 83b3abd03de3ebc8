using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule.Serialization;

/// <content>The JSON values of the record form: required properties, numbers, texts, local times, instants and dates, each with its error message.</content>
public static partial class CourseRecordJson
{
    private static readonly LocalDateTimePattern LocalMinutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly LocalDateTimePattern LocalSeconds = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");
    private static readonly OffsetDateTimePattern Rfc3339 = OffsetDateTimePattern.Rfc3339;

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
}
