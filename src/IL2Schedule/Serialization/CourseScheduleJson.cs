using System;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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
/// <c>doseTiming</c> (<c>elapsed</c> | <c>wallClock</c> | <c>standardTimes</c>), <c>protocol</c> (every
/// setting, including <c>doseMilligramsPerKilogram</c> (or null), <c>standardAdministrationTimes</c>
/// (["00:00", "08:00", "16:00"]) and <c>cycleWindowCounting</c> (<c>elapsed</c> | <c>calendarDays</c>);
/// durations in minutes), <c>requestedFirstDose</c> (local, no offset), <c>dischargeDate</c> (or null),
/// <c>bodyWeightKg</c> (or null), <c>workingDays</c> (or null: {<c>weekend</c> ["saturday", "sunday"],
/// <c>holidays</c> [dates], <c>imagingDateShift</c> (<c>next</c> | <c>previous</c> | <c>nearest</c> | <c>none</c>)}),
/// <c>cycles</c> [{<c>number</c>, <c>start</c>, <c>windowEnd</c> (exclusive), <c>windowDoseCapacity</c>,
/// <c>boundBy</c> (<c>cap</c> | <c>window</c>)}],
/// <c>doses</c> [{<c>number</c>, <c>cycle</c>, <c>numberInCycle</c>, <c>start</c>, <c>end</c>, and with a
/// body weight <c>doseIu</c>, <c>doseMg</c> (absent when the protocol has no mg figure), <c>vials</c>, <c>diluentMl</c>}],
/// <c>courseEnd</c>, <c>courseEndDate</c>, <c>imagingDate</c> (on a working day when <c>workingDays</c> is set),
/// <c>imagingDateUnadjusted</c>, <c>nextCourseWindow</c> {<c>start</c>, <c>end</c>} (both inclusive; null when empty),
/// <c>nextCourseWindowUnadjusted</c> (before working days), <c>nextCourseWindowNote</c> (why it is empty or
/// moved; otherwise null), and with a body weight <c>plannedCourseIu</c> and <c>plannedCourseMg</c>.
/// </para>
/// <para>
/// Reading a document re-plans the course from its inputs (protocol, zone, requested first dose
/// and the instant chosen for it, discharge date, body weight, working days) and checks that every value in the document
/// matches, so a schedule read back is always valid and equal to the one written. Properties added
/// within schema version 1 after its first release may be absent: an absent input takes the value
/// earlier documents implied (standard times 00:00, 08:00, 16:00; the elapsed window; no mg figure;
/// no weight; no working-day calendar), and an absent derived value (<c>windowDoseCapacity</c>,
/// <c>boundBy</c>, the unadjusted dates, the dose amounts) is not checked, since it is re-computed.
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
        TakeAbsentDerivedValues(JsonNode.Parse(json)!.AsObject(), written.AsObject(), recomputed.AsObject());
        if (FirstDifference(written, recomputed, "") is { } path)
        {
            throw new JsonException(
                $"The document's {path} does not match the schedule re-planned from its inputs with tzdb {schedule.TzdbVersion} (document written with tzdb {document.TzdbVersion}): document {Show(written, path)}, re-planned {Show(recomputed, path)}.");
        }
        return schedule;
    }

    private static readonly string[] OptionalTopLevelValues = ["imagingDateUnadjusted", "nextCourseWindowUnadjusted", "plannedCourseIu", "plannedCourseMg"];
    private static readonly string[] OptionalProtocolInputs = ["standardAdministrationTimes", "cycleWindowCounting"];
    private static readonly string[] OptionalCycleValues = ["windowDoseCapacity", "boundBy"];
    private static readonly string[] OptionalDoseValues = ["doseIu", "doseMg", "vials", "diluentMl"];

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
            var schedule = new CoursePlanner(protocol)
                .Plan(document.RequestedFirstDose, zone, asRecorded)
                .WithDischargeDate(document.DischargeDate)
                .WithBodyWeight(document.BodyWeightKg);
            if (document.WorkingDays is { } workingDays)
            {
                var (calendar, shift) = FromDocument(workingDays);
                schedule = schedule.WithWorkingDays(calendar, shift);
            }
            return schedule;
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

    internal static DoseTiming ToDoseTiming(string text) => text switch
    {
        "elapsed" => DoseTiming.Elapsed,
        "wallClock" => DoseTiming.WallClock,
        "standardTimes" => DoseTiming.StandardTimes,
        _ => throw new JsonException($"doseTiming must be 'elapsed', 'wallClock' or 'standardTimes'; was '{text}'."),
    };

    internal static string ToText(DoseTiming timing) => timing switch
    {
        DoseTiming.Elapsed => "elapsed",
        DoseTiming.WallClock => "wallClock",
        _ => "standardTimes",
    };

    /// <summary>The protocol a document describes; invalid settings throw <see cref="ArgumentException"/> from the builder.</summary>
    internal static CourseProtocol ToProtocol(ProtocolDocument p, DoseTiming timing)
    {
        var counting = p.CycleWindowCounting switch
        {
            "elapsed" or null => CycleWindowCounting.Elapsed,
            "calendarDays" => CycleWindowCounting.CalendarDays,
            _ => throw new JsonException($"protocol.cycleWindowCounting must be 'elapsed' or 'calendarDays'; was '{p.CycleWindowCounting}'."),
        };
        return new CourseProtocolBuilder
        {
            DoseInternationalUnitsPerKilogram = p.DoseInternationalUnitsPerKilogram,
            DoseMilligramsPerKilogram = p.DoseMilligramsPerKilogram,
            StandardAdministrationTimes = p.StandardAdministrationTimes is { } times
                ? times.Select(ParseClockTime).ToList()
                : CourseProtocol.Label.StandardAdministrationTimes,
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

    // Clock times as "08:00"; one with seconds (possible outside standard-time dosing) keeps them.
    private static string FormatClockTime(LocalTime time) =>
        time.Second == 0 && time.NanosecondOfSecond == 0 ? CourseProtocol.ClockTimeText.Format(time) : LocalTimePattern.ExtendedIso.Format(time);

    private static LocalTime ParseClockTime(string text) =>
        (text.Length == 5 ? CourseProtocol.ClockTimeText : LocalTimePattern.ExtendedIso).Parse(text) is { Success: true } result
            ? result.Value
            : throw new JsonException($"protocol.standardAdministrationTimes must hold clock times like 08:00; was '{text}'.");

    internal static IsoDayOfWeek ParseDayOfWeek(string name) =>
        ParseEnum<IsoDayOfWeek>(name, "workingDays.weekend") is var day && day != IsoDayOfWeek.None
            ? day
            : throw new JsonException($"workingDays.weekend must hold monday to sunday; was '{name}'.");

    /// <summary>Reads an enum value written in camelCase ("next", "saturday").</summary>
    internal static TEnum ParseEnum<TEnum>(string text, string name)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(value => CamelCase(value) == text).Select(value => (TEnum?)value).FirstOrDefault()
            ?? throw new JsonException($"{name} must be one of {string.Join(", ", Enum.GetValues<TEnum>().Select(CamelCase).Where(value => value != "none" || typeof(TEnum) != typeof(IsoDayOfWeek)))}; was '{text}'.");

    internal static string CamelCase<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        string name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static Duration Minutes(long minutes, string name) =>
        minutes is > 0 and <= 24 * 60
            ? Duration.FromMinutes(minutes)
            : throw new JsonException($"{name} must be in range [1, 1440]; was {minutes}.");

    private static CourseScheduleDocument ToDocument(CourseSchedule schedule)
    {
        var protocol = schedule.Protocol;
        var window = schedule.NextCourseWindow;
        var amount = schedule.DoseAmount;
        return new CourseScheduleDocument
        {
            SchemaVersion = SchemaVersion,
            Zone = schedule.ZoneId,
            TzdbVersion = schedule.TzdbVersion,
            DoseTiming = ToText(protocol.DoseTiming),
            Protocol = ToDocument(protocol),
            RequestedFirstDose = schedule.RequestedFirstDose,
            DischargeDate = schedule.DischargeDate,
            BodyWeightKg = amount?.BodyWeightKilograms,
            WorkingDays = ToDocument(schedule.WorkingDayCalendar, schedule.ImagingDateShift),
            Cycles = schedule.Cycles.Select(cycle => new CycleDocument
            {
                Number = cycle.Number,
                Start = cycle.Start.ToOffsetDateTime(),
                WindowEnd = cycle.WindowEnd.ToOffsetDateTime(),
                WindowDoseCapacity = cycle.WindowDoseCapacity,
                BoundBy = CamelCase(cycle.BoundBy),
            }).ToList(),
            Doses = schedule.Doses.Select(dose => new DoseDocument
            {
                Number = dose.Number,
                Cycle = dose.CycleNumber,
                NumberInCycle = dose.NumberInCycle,
                Start = dose.Start.ToOffsetDateTime(),
                End = dose.End.ToOffsetDateTime(),
                DoseIu = amount?.InternationalUnits,
                DoseMg = amount?.Milligrams,
                Vials = amount?.Vials,
                DiluentMl = amount?.DiluentMilliliters,
            }).ToList(),
            CourseEnd = schedule.CourseEnd.ToOffsetDateTime(),
            CourseEndDate = schedule.CourseEndDate,
            ImagingDate = schedule.ResponseAssessmentDate,
            ImagingDateUnadjusted = schedule.ResponseAssessmentDateUnadjusted,
            NextCourseWindow = ToDocument(window.Dates),
            NextCourseWindowUnadjusted = ToDocument(schedule.NextCourseWindowUnadjusted.Dates),
            NextCourseWindowNote = window.Note,
            PlannedCourseIu = schedule.PlannedCourseInternationalUnits,
            PlannedCourseMg = schedule.PlannedCourseMilligrams,
        };
    }

    internal static WorkingDaysDocument? ToDocument(WorkingDayCalendar? calendar, NonWorkingDayShift imagingDateShift) =>
        calendar is null
            ? null
            : new WorkingDaysDocument
            {
                Weekend = calendar.WeekendDays.Select(CamelCase).ToList(),
                Holidays = [.. calendar.Holidays],
                ImagingDateShift = CamelCase(imagingDateShift),
            };

    internal static (WorkingDayCalendar Calendar, NonWorkingDayShift Shift) FromDocument(WorkingDaysDocument document) =>
        (new WorkingDayCalendar(document.Weekend.Select(ParseDayOfWeek), document.Holidays),
         ParseEnum<NonWorkingDayShift>(document.ImagingDateShift, "workingDays.imagingDateShift"));

    internal static DateWindowDocument? ToDocument(DateInterval? dates) =>
        dates is null ? null : new DateWindowDocument { Start = dates.Start, End = dates.End };

    internal static ProtocolDocument ToDocument(CourseProtocol protocol) => new()
    {
        DoseInternationalUnitsPerKilogram = protocol.DoseInternationalUnitsPerKilogram,
        DoseMilligramsPerKilogram = protocol.DoseMilligramsPerKilogram,
        StandardAdministrationTimes = protocol.StandardAdministrationTimes.Select(FormatClockTime).ToList(),
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
    };

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
