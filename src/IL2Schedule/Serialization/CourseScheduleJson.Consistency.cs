using System;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IL2Schedule.Serialization;

/// <content>The consistency check of a document read back: which values may be absent, and the first that differs.</content>
public static partial class CourseScheduleJson
{
    private static readonly JsonSerializerOptions DiagnosticOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] OptionalTopLevelValues = ["imagingDateUnadjusted", "nextCourseWindowUnadjusted", "nextCourseWindowReasons", "plannedCourseIu", "plannedCourseMg"];
    private static readonly string[] OptionalProtocolInputs = ["standardAdministrationTimes", "cycleWindowCounting"];
    private static readonly string[] OptionalCycleValues = ["windowDoseCapacity", "boundBy"];
    private static readonly string[] OptionalDoseValues = ["doseIu", "doseMg", "vials", "diluentMl", "concentrationMgPerMl"];

    /// <summary>
    /// English text that words values checked elsewhere: never compared, so rewording it leaves every
    /// stored document readable. <c>nextCourseWindowNote</c> words <c>nextCourseWindowReasons</c> and the window's dates.
    /// </summary>
    private static readonly string[] ProseValues = ["nextCourseWindowNote"];

    /// <summary>English text in each dose that words values checked elsewhere: <c>dilutionWarning</c> words <c>concentrationMgPerMl</c> against the label's range.</summary>
    private static readonly string[] DoseProseValues = ["dilutionWarning"];

    /// <summary>
    /// Compares every value of a document with the schedule re-planned from its inputs, except the
    /// tzdb version (reported in the message), its prose and the values added within version 1
    /// that it lacks. Both sides are compared as the typed document written back, so each value is
    /// compared in its normal form ("Z" and "+00:00" are the same offset; reasons are a set).
    /// </summary>
    /// <param name="original">The document as parsed, to see which properties it has.</param>
    /// <param name="document">The document as read.</param>
    /// <param name="schedule">The schedule re-planned from the document's inputs.</param>
    /// <exception cref="JsonException">A value differs (the message names its path, both values and both tzdb versions), or a reason is not a known name.</exception>
    private static void CheckAgainstReplanned(JsonObject original, CourseScheduleDocument document, CourseSchedule schedule)
    {
        var written = JsonSerializer.SerializeToNode(document, Compact)!.AsObject();
        var recomputed = JsonSerializer.SerializeToNode(ToDocument(schedule), Compact)!.AsObject();
        written["tzdbVersion"] = recomputed["tzdbVersion"]!.DeepClone();
        foreach (string name in ProseValues)
        {
            written.Remove(name);
            recomputed.Remove(name);
        }
        foreach (var dose in new[] { written, recomputed }.SelectMany(tree => tree["doses"] as JsonArray ?? []).OfType<JsonObject>())
        {
            foreach (string name in DoseProseValues)
            {
                dose.Remove(name);
            }
        }
        if (document.NextCourseWindowReasons is { } reasons)
        {
            written["nextCourseWindowReasons"] = new JsonArray([.. ToText(ParseReasons(reasons)).Select(name => JsonValue.Create(name))]);
        }
        TakeAbsentDerivedValues(original, written, recomputed);
        if (FirstDifference(written, recomputed, "") is { } path)
        {
            throw new JsonException(
                $"The document's {path} does not match the schedule re-planned from its inputs with tzdb {schedule.TzdbVersion} (document written with tzdb {document.TzdbVersion}): document {Show(written, path)}, re-planned {Show(recomputed, path)}.");
        }
    }

    /// <summary>
    /// Values added within schema version 1 that the original text lacks are taken from the
    /// re-planned schedule, so a document written before they existed still reads: derived values,
    /// and protocol inputs that such a document implied (read as their defaults). Values present are checked.
    /// </summary>
    private static void TakeAbsentDerivedValues(JsonObject original, JsonObject written, JsonObject recomputed)
    {
        Take(original, written, recomputed, OptionalTopLevelValues);
        if (original["protocol"] is JsonObject originalProtocol && written["protocol"] is JsonObject writtenProtocol && recomputed["protocol"] is JsonObject recomputedProtocol)
        {
            Take(originalProtocol, writtenProtocol, recomputedProtocol, OptionalProtocolInputs);
        }
        TakeInArray("cycles", OptionalCycleValues);
        TakeInArray("doses", OptionalDoseValues);

        void TakeInArray(string name, string[] names)
        {
            if (original[name] is JsonArray originals && written[name] is JsonArray writtens && recomputed[name] is JsonArray recomputeds)
            {
                for (int i = 0; i < Math.Min(originals.Count, Math.Min(writtens.Count, recomputeds.Count)); i++)
                {
                    if (originals[i] is JsonObject a && writtens[i] is JsonObject b && recomputeds[i] is JsonObject c)
                    {
                        Take(a, b, c, names);
                    }
                }
            }
        }

        static void Take(JsonObject original, JsonObject written, JsonObject recomputed, string[] names)
        {
            foreach (string name in names)
            {
                if (!original.ContainsKey(name))
                {
                    written.Remove(name);
                    if (recomputed[name] is { } value)
                    {
                        written[name] = value.DeepClone();
                    }
                }
            }
        }
    }

    /// <summary>The path of the first value that differs between two JSON trees, or null if they are equal.</summary>
    private static string? FirstDifference(JsonNode? left, JsonNode? right, string path)
    {
        switch (left, right)
        {
            case (JsonObject a, JsonObject b):
                foreach (var name in a.Select(property => property.Key).Union(b.Select(property => property.Key)))
                {
                    a.TryGetPropertyValue(name, out var x);
                    b.TryGetPropertyValue(name, out var y);
                    if (FirstDifference(x, y, path.Length == 0 ? name : path + "." + name) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (int i = 0; i < a.Count; i++)
                {
                    if (FirstDifference(a[i], b[i], $"{path}[{i}]") is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return JsonNode.DeepEquals(left, right) ? null : path;
        }
    }

    private static string Show(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Replace("[", ".[", StringComparison.Ordinal).Split('.'))
        {
            node = part.StartsWith('[')
                ? node?.AsArray()[int.Parse(part.AsSpan(1, part.Length - 2), System.Globalization.CultureInfo.InvariantCulture)]
                : node?.AsObject()[part];
        }
        return node?.ToJsonString(DiagnosticOptions) ?? "null";
    }
}
