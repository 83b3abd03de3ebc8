using System;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IL2Schedule.Planning;
using IL2Schedule.Protocols;
using IL2Schedule.Schedules;
using IL2Schedule.Zones;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;
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
/// <c>doseTiming</c> (<c>elapsed</c> | <c>wallClock</c>), <c>protocol</c> (every setting; durations
/// in minutes), <c>requestedFirstDose</c> (local, no offset), <c>dischargeDate</c> (or null),
/// <c>cycles</c> [{<c>number</c>, <c>start</c>, <c>windowEnd</c> (exclusive)}],
/// <c>doses</c> [{<c>number</c>, <c>cycle</c>, <c>numberInCycle</c>, <c>start</c>, <c>end</c>}],
/// <c>courseEnd</c>, <c>courseEndDate</c>, <c>imagingDate</c>, <c>nextCourseWindow</c>
/// {<c>start</c>, <c>end</c>} (both inclusive; null when empty) and <c>nextCourseWindowNote</c>
/// (why it is empty or moved; otherwise null).
/// </para>
/// <para>
/// Reading a document re-plans the course from its inputs (protocol, zone, requested first dose
/// and the instant chosen for it, discharge date) and checks that every value in the document
/// matches, so a schedule read back is always valid and equal to the one written.
/// </para>
/// </remarks>
public static class CourseScheduleJson
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonTypeInfo<CourseScheduleDocument> Indented = CreateTypeInfo(indented: true);
    private static readonly JsonTypeInfo<CourseScheduleDocument> Compact = CreateTypeInfo(indented: false);
    private static readonly JsonSerializerOptions DiagnosticOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
        if (!TimeZoneLookup.TryGetZone(schedule.ZoneId, out _))
        {
            throw new ArgumentException(
                $"schedule's zone must have a tzdb or fixed-offset id so the document can be read back; was '{schedule.ZoneId}'", nameof(schedule));
        }
        return JsonSerializer.Serialize(ToDocument(schedule), indented ? Indented : Compact);
    }

    /// <summary>Reads a schedule written by <see cref="Serialize(CourseSchedule, bool)"/>.</summary>
    /// <param name="json">The JSON document.</param>
    /// <returns>The schedule, equal to the one that was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">
    /// The text is not JSON of this form; a required property is missing; <c>schemaVersion</c> is
    /// not 1; the zone, dose timing or protocol is invalid; or a value differs from the schedule
    /// re-planned from the document's inputs (the message names the first such property, both
    /// values and both tzdb versions).
    /// </exception>
    public static CourseSchedule Deserialize(string json)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        var document = JsonSerializer.Deserialize(json, Compact)
            ?? throw new JsonException("A course schedule document must be a JSON object; was null.");
        var schedule = Replan(document);
        var written = JsonSerializer.SerializeToNode(document, Compact)!;
        var recomputed = JsonSerializer.SerializeToNode(ToDocument(schedule), Compact)!;
        written["tzdbVersion"] = recomputed["tzdbVersion"]!.DeepClone();
        if (FirstDifference(written, recomputed, "") is { } path)
        {
            throw new JsonException(
                $"The document's {path} does not match the schedule re-planned from its inputs with tzdb {schedule.TzdbVersion} (document written with tzdb {document.TzdbVersion}): document {Show(written, path)}, re-planned {Show(recomputed, path)}.");
        }
        return schedule;
    }

    private static CourseSchedule Replan(CourseScheduleDocument document)
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
            var zone = TimeZoneLookup.GetZone(document.Zone);
            var protocol = ToProtocol(document);
            var recordedFirstDose = document.Doses[0].Start.ToInstant();
            // A local time that maps to one instant must be that instant (a mismatch is reported
            // below, by property); for a skipped or repeated one the planner checks that the
            // recorded instant is a resolution of it.
            ZoneLocalMappingResolver asRecorded = mapping =>
                mapping.Count == 1 ? mapping.Single() : recordedFirstDose.InZone(mapping.Zone);
            return new CoursePlanner(protocol)
                .Plan(document.RequestedFirstDose, zone, asRecorded)
                .WithDischargeDate(document.DischargeDate);
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

    private static CourseProtocol ToProtocol(CourseScheduleDocument document)
    {
        var timing = document.DoseTiming switch
        {
            "elapsed" => DoseTiming.Elapsed,
            "wallClock" => DoseTiming.WallClock,
            "standardTimes" => DoseTiming.StandardTimes,
            _ => throw new JsonException($"doseTiming must be 'elapsed', 'wallClock' or 'standardTimes'; was '{document.DoseTiming}'."),
        };
        var p = document.Protocol;
        var counting = p.CycleWindowCounting switch
        {
            "elapsed" => CycleWindowCounting.Elapsed,
            "calendarDays" => CycleWindowCounting.CalendarDays,
            _ => throw new JsonException($"protocol.cycleWindowCounting must be 'elapsed' or 'calendarDays'; was '{p.CycleWindowCounting}'."),
        };
        return new CourseProtocolBuilder
        {
            DoseInternationalUnitsPerKilogram = p.DoseInternationalUnitsPerKilogram,
            DoseMilligramsPerKilogram = p.DoseMilligramsPerKilogram,
            StandardAdministrationTimes = p.StandardAdministrationTimes,
            CycleWindowCounting = counting,
            CycleCount = p.CycleCount,
            CycleLengthDays = p.CycleLengthDays,
            RestPeriodDays = p.RestPeriodDays,
            DosingInterval = Minutes(p.DosingIntervalMinutes, "protocol.dosingIntervalMinutes"),
            InfusionDuration = Minutes(p.InfusionDurationMinutes, "protocol.infusionDurationMinutes"),
            MaxDosesPerCycle = p.MaxDosesPerCycle,
            DoseTiming = timing,
            ResponseAssessmentDelay = p.ResponseAssessmentDelay,
            RetreatmentWindowStart = p.RetreatmentWindowStart,
            RetreatmentWindowEnd = p.RetreatmentWindowEnd,
            MinimumIntervalAfterDischarge = p.MinimumIntervalAfterDischarge,
        }.Build();
    }

    private static Duration Minutes(long minutes, string name) =>
        minutes is > 0 and <= 24 * 60
            ? Duration.FromMinutes(minutes)
            : throw new JsonException($"{name} must be in range [1, 1440]; was {minutes}.");

    private static CourseScheduleDocument ToDocument(CourseSchedule schedule)
    {
        var protocol = schedule.Protocol;
        var window = schedule.NextCourseWindow;
        return new CourseScheduleDocument
        {
            SchemaVersion = SchemaVersion,
            Zone = schedule.ZoneId,
            TzdbVersion = schedule.TzdbVersion,
            DoseTiming = protocol.DoseTiming switch
            {
                DoseTiming.Elapsed => "elapsed",
                DoseTiming.WallClock => "wallClock",
                _ => "standardTimes",
            },
            Protocol = new ProtocolDocument
            {
                DoseInternationalUnitsPerKilogram = protocol.DoseInternationalUnitsPerKilogram,
                DoseMilligramsPerKilogram = protocol.DoseMilligramsPerKilogram,
                StandardAdministrationTimes = [.. protocol.StandardAdministrationTimes],
                CycleWindowCounting = protocol.CycleWindowCounting == CycleWindowCounting.Elapsed ? "elapsed" : "calendarDays",
                CycleCount = protocol.CycleCount,
                CycleLengthDays = protocol.CycleLengthDays,
                RestPeriodDays = protocol.RestPeriodDays,
                DosingIntervalMinutes = (long)protocol.DosingInterval.TotalMinutes,
                InfusionDurationMinutes = (long)protocol.InfusionDuration.TotalMinutes,
                MaxDosesPerCycle = protocol.MaxDosesPerCycle,
                ResponseAssessmentDelay = protocol.ResponseAssessmentDelay,
                RetreatmentWindowStart = protocol.RetreatmentWindowStart,
                RetreatmentWindowEnd = protocol.RetreatmentWindowEnd,
                MinimumIntervalAfterDischarge = protocol.MinimumIntervalAfterDischarge,
            },
            RequestedFirstDose = schedule.RequestedFirstDose,
            DischargeDate = schedule.DischargeDate,
            Cycles = schedule.Cycles.Select(cycle => new CycleDocument
            {
                Number = cycle.Number,
                Start = cycle.Start.ToOffsetDateTime(),
                WindowEnd = cycle.WindowEnd.ToOffsetDateTime(),
            }).ToList(),
            Doses = schedule.Doses.Select(dose => new DoseDocument
            {
                Number = dose.Number,
                Cycle = dose.CycleNumber,
                NumberInCycle = dose.NumberInCycle,
                Start = dose.Start.ToOffsetDateTime(),
                End = dose.End.ToOffsetDateTime(),
            }).ToList(),
            CourseEnd = schedule.CourseEnd.ToOffsetDateTime(),
            CourseEndDate = schedule.CourseEndDate,
            ImagingDate = schedule.ResponseAssessmentDate,
            NextCourseWindow = window.Dates is { } dates ? new DateWindowDocument { Start = dates.Start, End = dates.End } : null,
            NextCourseWindowNote = window.Note,
        };
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

    private static JsonTypeInfo<CourseScheduleDocument> CreateTypeInfo(bool indented)
    {
        var offsetDateTime = new CompositePatternBuilder<OffsetDateTime>
        {
            { ScheduleText.OffsetDateTime, _ => true },
            { OffsetDateTimePattern.Rfc3339, _ => false },
        }.Build();
        // Clock times as "08:00"; one with seconds (possible outside standard-time dosing) keeps them.
        var clockTime = new CompositePatternBuilder<LocalTime>
        {
            { CourseProtocol.ClockTimeText, time => time.Second == 0 && time.NanosecondOfSecond == 0 },
            { LocalTimePattern.ExtendedIso, _ => true },
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
                new NodaPatternConverter<LocalTime>(clockTime),
                NodaConverters.LocalDateConverter,
                NodaConverters.LocalDateTimeConverter,
                NodaConverters.RoundtripPeriodConverter,
            },
        };
        options.TypeInfoResolver = ScheduleJsonContext.Default;
        options.MakeReadOnly();
        return (JsonTypeInfo<CourseScheduleDocument>)options.GetTypeInfo(typeof(CourseScheduleDocument));
    }
}

/// <summary>Source-generated metadata for the JSON documents, so serialization needs no reflection (trimming and AOT safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(CourseScheduleDocument))]
internal sealed partial class ScheduleJsonContext : JsonSerializerContext;
