using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace IL2Schedule.Serialization;

/// <content>The serializer options every JSON form shares.</content>
public static partial class CourseScheduleJson
{
    private static JsonTypeInfo<CourseScheduleDocument> CreateTypeInfo(bool indented) =>
        (JsonTypeInfo<CourseScheduleDocument>)CreateOptions(indented).GetTypeInfo(typeof(CourseScheduleDocument));

    /// <summary>The options of every JSON form: source-generated metadata, RFC 3339 offsets as +HH:mm, ISO dates and periods.</summary>
    internal static JsonSerializerOptions CreateOptions(bool indented)
    {
        var offsetDateTime = new CompositePatternBuilder<OffsetDateTime>
        {
            { ScheduleText.OffsetDateTime, _ => true },
            { OffsetDateTimePattern.Rfc3339, _ => false },
        }.Build();

        var options = new JsonSerializerOptions(ScheduleJsonContext.Default.Options)
        {
            WriteIndented = indented,
            // Offsets such as +01:00 are written as is, not as \u002B01:00: the text is JSON for
            // machines and people, not for embedding in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
            Converters =
            {
                new NodaPatternConverter<OffsetDateTime>(offsetDateTime),
                NodaConverters.LocalDateConverter,
                NodaConverters.LocalDateTimeConverter,
                NodaConverters.RoundtripPeriodConverter,
            },
        };
        options.TypeInfoResolver = ScheduleJsonContext.Default;
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Source-generated metadata for the JSON documents, so serialization needs no reflection (trimming and AOT safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(CourseScheduleDocument))]
[JsonSerializable(typeof(ReplannedScheduleDocument))]
[JsonSerializable(typeof(WorkingDaysDocument))]
internal sealed partial class ScheduleJsonContext : JsonSerializerContext;
