using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IL2Schedule.Serialization;

/// <summary>
/// The JSON form of explanations (<see cref="Derivation"/> lists, from <see cref="CourseSchedule.Explain"/>
/// and <see cref="Records.ReplannedSchedule.Explain"/>): the <c>explanations</c> array that
/// <see cref="CourseScheduleJson.SerializeExplained"/>, <see cref="CourseRecordJson.SerializeScheduleExplained"/>
/// and <see cref="CourseRecordJson.SerializeStatusExplained"/> add to their documents, and that
/// <c>il2schedule plan --explain</c> and <c>replay --explain</c> print. Written only; nothing reads it back.
/// </summary>
/// <remarks>
/// Each element is an object: <c>subject</c> (what was computed, "dose 13 start"), <c>value</c>
/// (invariant text: RFC 3339, ISO date, number), <c>ruleSet</c> (<c>planning</c> | <c>replanning</c>),
/// <c>rule</c> (its number in that table), <c>ruleName</c>, <c>source</c> (the table's source, or
/// "this library's choice"), <c>inputs</c> [{<c>name</c>, <c>value</c>}] in the rule's order, and
/// <c>note</c> (text, or null). Rule numbers, names and sources come from <see cref="RuleBook"/>.
/// </remarks>
public static class DerivationJson
{
    /// <summary>The name of the property the documents' explanations are written under.</summary>
    public const string PropertyName = "explanations";

    /// <summary>Writes <paramref name="derivations"/> as one JSON array (the value of an <c>explanations</c> property).</summary>
    /// <param name="writer">The writer, positioned where a value may be written (after a property name, or in an array).</param>
    /// <param name="derivations">The derivations, in the order to write them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="derivations"/> is null, or holds a null.</exception>
    /// <exception cref="InvalidOperationException">The writer is not where a value may be written (System.Text.Json's validation, when enabled).</exception>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<Derivation> derivations)
    {
        Preconditions.CheckNotNull(writer, nameof(writer));
        Preconditions.CheckNotNull(derivations, nameof(derivations));
        writer.WriteStartArray();
        foreach (var derivation in derivations)
        {
            Preconditions.CheckNotNull(derivation, nameof(derivations));
            writer.WriteStartObject();
            writer.WriteString("subject", derivation.Subject);
            writer.WriteString("value", derivation.Value);
            writer.WriteString("ruleSet", derivation.RuleSet == RuleSet.Replanning ? "replanning" : "planning");
            writer.WriteNumber("rule", derivation.RuleNumber);
            writer.WriteString("ruleName", derivation.RuleName);
            writer.WriteString("source", derivation.Source);
            writer.WriteStartArray("inputs");
            foreach (var input in derivation.Inputs)
            {
                writer.WriteStartObject();
                writer.WriteString("name", input.Key);
                writer.WriteString("value", input.Value);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            if (derivation.Note is { } note)
            {
                writer.WriteString("note", note);
            }
            else
            {
                writer.WriteNull("note");
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>
    /// <paramref name="document"/> (a JSON object written by this library) with <paramref name="derivations"/>
    /// added as its last property, <see cref="PropertyName"/>; every other property is written as it was.
    /// </summary>
    internal static string AddTo(string document, IReadOnlyList<Derivation> derivations, bool indented)
    {
        using var parsed = JsonDocument.Parse(document);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var property in parsed.RootElement.EnumerateObject())
            {
                property.WriteTo(writer);
            }
            writer.WritePropertyName(PropertyName);
            Write(writer, derivations);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
