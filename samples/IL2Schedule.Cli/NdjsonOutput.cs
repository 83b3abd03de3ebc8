using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using IL2Schedule.Batch;
using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule.Cli;

/// <summary>
/// One compact JSON document per line: <c>{"patientId":"P1",</c> then the library's JSON form's
/// properties in its order, written with <see cref="Utf8JsonWriter"/> straight from the columns and
/// their <see cref="CourseDetailColumns"/> (the batch planner's values; nothing planned again).
/// </summary>
/// <remarks>
/// The protocol's and working days' objects are the same for every course of a protocol: they are
/// taken once per protocol from the library's own JSON form of one of its courses
/// (<see cref="NdjsonProtocolPart"/>). Every other value is written here with the JSON form's
/// shapes (<see cref="Rfc3339Utf8"/>; numbers and text as <see cref="Utf8JsonWriter"/> writes them
/// for the serializer, with the same relaxed escaping), so a line equals what
/// <c>CourseScheduleJson.Serialize(schedule, indented: false)</c> gives, byte for byte.
/// </remarks>
internal sealed class NdjsonOutput(BatchOutputTarget output, bool parallel) : TextBatchOutput(output, parallel)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static Utf8JsonWriter? threadWriter;

    private NdjsonProtocolPart?[] protocolParts = [];

    internal override bool NeedsDetails => true;

    internal override void WriteHeader()
    {
    }

    protected override void Prepare(IReadOnlyList<PlannedRow> courses, BatchPlanner planner)
    {
        if (protocolParts.Length < planner.Protocols.Count)
        {
            Array.Resize(ref protocolParts, planner.Protocols.Count);
        }
        foreach (var planned in courses)
        {
            ref var part = ref protocolParts[planned.Row.Request.ProtocolIndex];
            part ??= NdjsonProtocolPart.From(planner.ScheduleOf(planned.Row.Request));
        }
    }

    protected override void FormatCourse(in BatchRow row, CourseColumns columns, int course, BatchPlanner planner, IBufferWriter<byte> buffer)
    {
        var request = row.Request;
        var zone = request.Zone!;
        var part = protocolParts[request.ProtocolIndex]!;
        var details = columns.Details!;
        var writer = threadWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        Span<byte> text = stackalloc byte[Rfc3339Utf8.MaxLength];
        var interval = zone.GetZoneInterval(BatchTime.ToInstant(columns.DoseStartsOf(course)[0]));

        writer.WriteStartObject();
        writer.WriteString(Names.PatientId, row.PatientId);
        writer.WriteNumber(Names.SchemaVersion, part.SchemaVersion);
        writer.WriteString(Names.Zone, TimeZoneLookup.GetCanonicalId(zone));
        writer.WriteString(Names.TzdbVersion, TimeZoneDatabase.Of(zone).TzdbVersion);
        writer.WriteString(Names.DoseTiming, part.DoseTiming);
        writer.WritePropertyName(Names.Protocol);
        writer.WriteRawValue(part.Protocol, skipInputValidation: true);
        writer.WriteString(Names.RequestedFirstDose, text[..Rfc3339Utf8.Format(request.FirstDose, text)]);
        WriteDate(writer, Names.DischargeDate, request.DischargeDate, text);
        writer.WritePropertyName(Names.BodyWeightKg);
        if (request.BodyWeightKilograms is { } weight)
        {
            writer.WriteNumberValue(weight);
        }
        else
        {
            writer.WriteNullValue();
        }
        writer.WritePropertyName(Names.WorkingDays);
        writer.WriteRawValue(part.WorkingDays, skipInputValidation: true);
        WriteCycles(writer, zone, ref interval, details, course, planner.Protocols[request.ProtocolIndex].CycleCount, text);
        WriteDoses(writer, zone, ref interval, columns, course, request.BodyWeightKilograms is not null, part.HasMilligrams, text);
        writer.WriteString(Names.CourseEnd, text[..Format(zone, ref interval, columns.CourseEnds[course], text)]);
        writer.WriteString(Names.CourseEndDate, text[..Rfc3339Utf8.Format(details.CourseEndDates[course], text)]);
        writer.WriteString(Names.ImagingDate, text[..Rfc3339Utf8.Format(columns.ResponseAssessmentDates[course], text)]);
        writer.WriteString(Names.ImagingDateUnadjusted, text[..Rfc3339Utf8.Format(details.ResponseAssessmentDatesUnadjusted[course], text)]);
        var reasons = columns.NextCourseWindowReasons[course];
        WriteWindow(writer, Names.NextCourseWindow, NdjsonReasons.IsEmpty(reasons), columns.NextCourseWindowStarts[course], columns.NextCourseWindowEnds[course], text);
        WriteWindow(writer, Names.NextCourseWindowUnadjusted, NdjsonReasons.IsEmpty(details.NextCourseWindowUnadjustedReasons[course]),
            details.NextCourseWindowUnadjustedStarts[course], details.NextCourseWindowUnadjustedEnds[course], text);
        NdjsonReasons.Write(writer, Names.NextCourseWindowReasons, reasons);
        if (details.NextCourseWindowNotes[course] is { } note)
        {
            writer.WriteString(Names.NextCourseWindowNote, note);
        }
        else
        {
            writer.WriteNull(Names.NextCourseWindowNote);
        }
        if (request.BodyWeightKilograms is not null)
        {
            writer.WriteNumber(Names.PlannedCourseIu, details.PlannedCourseInternationalUnits[course]);
            if (part.HasMilligrams)
            {
                writer.WriteNumber(Names.PlannedCourseMg, details.PlannedCourseMilligrams[course]);
            }
        }
        writer.WriteEndObject();
        writer.Flush();
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
    }

    private static void WriteCycles(Utf8JsonWriter writer, DateTimeZone zone, ref ZoneInterval interval, CourseDetailColumns details, int course, int cycleCount, Span<byte> text)
    {
        writer.WriteStartArray(Names.Cycles);
        int first = course * details.CyclesPerCourse;
        for (int c = 0; c < cycleCount; c++)
        {
            writer.WriteStartObject();
            writer.WriteNumber(Names.Number, c + 1);
            writer.WriteString(Names.Start, text[..Format(zone, ref interval, details.CycleStarts[first + c], text)]);
            writer.WriteString(Names.WindowEnd, text[..Format(zone, ref interval, details.CycleWindowEnds[first + c], text)]);
            writer.WriteNumber(Names.WindowDoseCapacity, details.CycleWindowDoseCapacities[first + c]);
            writer.WriteString(Names.BoundBy, details.CycleBounds[first + c] == CycleBound.Cap ? Names.Cap : Names.Window);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteDoses(Utf8JsonWriter writer, DateTimeZone zone, ref ZoneInterval interval, CourseColumns columns, int course, bool hasWeight, bool hasMilligrams, Span<byte> text)
    {
        var details = columns.Details!;
        var starts = columns.DoseStartsOf(course);
        var ends = columns.DoseEndsOf(course);
        var cycles = columns.DoseCycleNumbersOf(course);
        string? warning = details.DilutionWarnings[course];
        writer.WriteStartArray(Names.Doses);
        int numberInCycle = 0;
        for (int k = 0; k < starts.Length; k++)
        {
            numberInCycle = k > 0 && cycles[k] == cycles[k - 1] ? numberInCycle + 1 : 1;
            writer.WriteStartObject();
            writer.WriteNumber(Names.Number, k + 1);
            writer.WriteNumber(Names.Cycle, cycles[k]);
            writer.WriteNumber(Names.NumberInCycle, numberInCycle);
            writer.WriteString(Names.Start, text[..Format(zone, ref interval, starts[k], text)]);
            writer.WriteString(Names.End, text[..Format(zone, ref interval, ends[k], text)]);
            if (hasWeight)
            {
                writer.WriteNumber(Names.DoseIu, columns.DoseInternationalUnits[course]);
                if (hasMilligrams)
                {
                    writer.WriteNumber(Names.DoseMg, columns.DoseMilligrams[course]);
                }
                writer.WriteNumber(Names.Vials, details.DoseVials[course]);
                writer.WriteNumber(Names.DiluentMl, details.DoseDiluentMilliliters[course]);
                if (hasMilligrams)
                {
                    writer.WriteNumber(Names.ConcentrationMgPerMl, details.DoseConcentrations[course]);
                }
                if (warning is not null)
                {
                    writer.WriteString(Names.DilutionWarning, warning);
                }
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteDate(Utf8JsonWriter writer, JsonEncodedText name, LocalDate? date, Span<byte> text)
    {
        if (date is { } value)
        {
            writer.WriteString(name, text[..Rfc3339Utf8.Format(value, text)]);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteWindow(Utf8JsonWriter writer, JsonEncodedText name, bool isEmpty, LocalDate start, LocalDate end, Span<byte> text)
    {
        if (isEmpty)
        {
            writer.WriteNull(name);
            return;
        }
        writer.WriteStartObject(name);
        writer.WriteString(Names.Start, text[..Rfc3339Utf8.Format(start, text)]);
        writer.WriteString(Names.End, text[..Rfc3339Utf8.Format(end, text)]);
        writer.WriteEndObject();
    }

    /// <summary>An instant of the columns (Unix-epoch ticks) as the JSON form's offset date-time in the course's zone.</summary>
    private static int Format(DateTimeZone zone, ref ZoneInterval interval, long ticks, Span<byte> text)
    {
        var instant = BatchTime.ToInstant(ticks);
        return Rfc3339Utf8.Format(instant, Rfc3339Utf8.OffsetAt(zone, ref interval, instant), text);
    }

    /// <summary>The JSON form's property names and fixed texts, encoded once.</summary>
    private static class Names
    {
        internal static readonly JsonEncodedText PatientId = JsonEncodedText.Encode("patientId");
        internal static readonly JsonEncodedText SchemaVersion = JsonEncodedText.Encode("schemaVersion");
        internal static readonly JsonEncodedText Zone = JsonEncodedText.Encode("zone");
        internal static readonly JsonEncodedText TzdbVersion = JsonEncodedText.Encode("tzdbVersion");
        internal static readonly JsonEncodedText DoseTiming = JsonEncodedText.Encode("doseTiming");
        internal static readonly JsonEncodedText Protocol = JsonEncodedText.Encode("protocol");
        internal static readonly JsonEncodedText RequestedFirstDose = JsonEncodedText.Encode("requestedFirstDose");
        internal static readonly JsonEncodedText DischargeDate = JsonEncodedText.Encode("dischargeDate");
        internal static readonly JsonEncodedText BodyWeightKg = JsonEncodedText.Encode("bodyWeightKg");
        internal static readonly JsonEncodedText WorkingDays = JsonEncodedText.Encode("workingDays");
        internal static readonly JsonEncodedText Cycles = JsonEncodedText.Encode("cycles");
        internal static readonly JsonEncodedText Number = JsonEncodedText.Encode("number");
        internal static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
        internal static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
        internal static readonly JsonEncodedText WindowEnd = JsonEncodedText.Encode("windowEnd");
        internal static readonly JsonEncodedText WindowDoseCapacity = JsonEncodedText.Encode("windowDoseCapacity");
        internal static readonly JsonEncodedText BoundBy = JsonEncodedText.Encode("boundBy");
        internal static readonly JsonEncodedText Cap = JsonEncodedText.Encode("cap");
        internal static readonly JsonEncodedText Window = JsonEncodedText.Encode("window");
        internal static readonly JsonEncodedText Doses = JsonEncodedText.Encode("doses");
        internal static readonly JsonEncodedText Cycle = JsonEncodedText.Encode("cycle");
        internal static readonly JsonEncodedText NumberInCycle = JsonEncodedText.Encode("numberInCycle");
        internal static readonly JsonEncodedText DoseIu = JsonEncodedText.Encode("doseIu");
        internal static readonly JsonEncodedText DoseMg = JsonEncodedText.Encode("doseMg");
        internal static readonly JsonEncodedText Vials = JsonEncodedText.Encode("vials");
        internal static readonly JsonEncodedText DiluentMl = JsonEncodedText.Encode("diluentMl");
        internal static readonly JsonEncodedText ConcentrationMgPerMl = JsonEncodedText.Encode("concentrationMgPerMl");
        internal static readonly JsonEncodedText DilutionWarning = JsonEncodedText.Encode("dilutionWarning", JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        internal static readonly JsonEncodedText CourseEnd = JsonEncodedText.Encode("courseEnd");
        internal static readonly JsonEncodedText CourseEndDate = JsonEncodedText.Encode("courseEndDate");
        internal static readonly JsonEncodedText ImagingDate = JsonEncodedText.Encode("imagingDate");
        internal static readonly JsonEncodedText ImagingDateUnadjusted = JsonEncodedText.Encode("imagingDateUnadjusted");
        internal static readonly JsonEncodedText NextCourseWindow = JsonEncodedText.Encode("nextCourseWindow");
        internal static readonly JsonEncodedText NextCourseWindowUnadjusted = JsonEncodedText.Encode("nextCourseWindowUnadjusted");
        internal static readonly JsonEncodedText NextCourseWindowReasons = JsonEncodedText.Encode("nextCourseWindowReasons");
        internal static readonly JsonEncodedText NextCourseWindowNote = JsonEncodedText.Encode("nextCourseWindowNote");
        internal static readonly JsonEncodedText PlannedCourseIu = JsonEncodedText.Encode("plannedCourseIu");
        internal static readonly JsonEncodedText PlannedCourseMg = JsonEncodedText.Encode("plannedCourseMg");
    }
}
