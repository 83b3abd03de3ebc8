using System;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using IL2Schedule.Batch;
using IL2Schedule.Serialization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace IL2Schedule.Cli;

/// <summary>
/// Writes planned courses: CSV, one row per dose (<c>patientId,course,cycle,dose,start,end</c>, and
/// <c>doseIu,doseMg</c> when the input has body weights), or NDJSON, one line per course (the
/// library's JSON form with <c>patientId</c> first). Every value is the library's: the batch
/// planner's columns, or its schedule of the request.
/// </summary>
internal abstract class BatchOutput
{
    internal abstract void WriteHeader();

    /// <summary>Writes one planned course.</summary>
    /// <param name="row">The input row.</param>
    /// <param name="columns">The planned chunk.</param>
    /// <param name="course">The row's course in <paramref name="columns"/>.</param>
    /// <param name="planner">The planner that planned it.</param>
    internal abstract void WriteCourse(in BatchRow row, CourseColumns columns, int course, BatchPlanner planner);

    /// <param name="format">csv or ndjson.</param>
    /// <param name="writer">Where the output goes.</param>
    /// <param name="doseAmounts">With csv, whether each row gives the dose amounts (<c>doseIu,doseMg</c>).</param>
    internal static BatchOutput Create(string format, TextWriter writer, bool doseAmounts) =>
        format == "ndjson" ? new NdjsonOutput(writer) : new CsvOutput(writer, doseAmounts);

    /// <summary>CSV rows with RFC 3339 times whose offset is always +HH:mm, as in the JSON form.</summary>
    private sealed class CsvOutput(TextWriter writer, bool doseAmounts) : BatchOutput
    {
        /// <summary>The JSON form's pattern, for the rare time with a fraction of a second.</summary>
        private static readonly OffsetDateTimePattern Rfc3339 =
            OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");

        internal override void WriteHeader() => writer.Write(doseAmounts ? "patientId,course,cycle,dose,start,end,doseIu,doseMg\n" : "patientId,course,cycle,dose,start,end\n");

        internal override void WriteCourse(in BatchRow row, CourseColumns columns, int course, BatchPlanner planner)
        {
            var zone = row.Request.Zone!;
            string patientId = Escape(row.PatientId);
            var doseStarts = columns.DoseStartsOf(course);
            var doseEnds = columns.DoseEndsOf(course);
            var cycles = columns.DoseCycleNumbersOf(course);
            // One dose's amount, the same for every dose of the course; empty without a weight (and mg without the protocol's mg figure).
            string amounts = !doseAmounts ? "" : row.Request.BodyWeightKilograms is null ? ",," : string.Create(
                CultureInfo.InvariantCulture,
                $",{columns.DoseInternationalUnits[course]},{(planner.Protocols[row.Request.ProtocolIndex].DoseMilligramsPerKilogram is null ? "" : columns.DoseMilligrams[course])}");
            Span<char> line = stackalloc char[160];
            // A course meets one or two of its zone's intervals: look each up once, not per time.
            var interval = zone.GetZoneInterval(BatchTime.ToInstant(doseStarts[0]));
            for (int k = 0; k < doseStarts.Length; k++)
            {
                var start = BatchTime.ToInstant(doseStarts[k]);
                var end = BatchTime.ToInstant(doseEnds[k]);
                var startOffset = OffsetAt(zone, ref interval, start);
                var endOffset = OffsetAt(zone, ref interval, end);
                int length = 0;
                line[length++] = ',';
                length += Format(row.Course, line[length..]);
                line[length++] = ',';
                length += Format(cycles[k], line[length..]);
                line[length++] = ',';
                length += Format(k + 1, line[length..]);
                line[length++] = ',';
                length += FormatTime(start, startOffset, line[length..]);
                line[length++] = ',';
                length += FormatTime(end, endOffset, line[length..]);
                writer.Write(patientId);
                writer.Write(line[..length]);
                writer.Write(amounts);
                writer.Write('\n');
            }
        }

        private static Offset OffsetAt(DateTimeZone zone, ref ZoneInterval interval, Instant instant)
        {
            if (!interval.Contains(instant))
            {
                interval = zone.GetZoneInterval(instant);
            }
            return interval.WallOffset;
        }

        private static int Format(long value, Span<char> destination)
        {
            value.TryFormat(destination, out int written, provider: CultureInfo.InvariantCulture);
            return written;
        }

        /// <summary>"2027-03-14T09:00:00-04:00".</summary>
        private static int FormatTime(Instant instant, Offset offset, Span<char> destination)
        {
            var local = instant.WithOffset(offset);
            if (local.NanosecondOfSecond != 0)
            {
                string text = Rfc3339.Format(local);
                text.CopyTo(destination);
                return text.Length;
            }
            Digits(destination, 0, local.Year, 4);
            destination[4] = '-';
            Digits(destination, 5, local.Month, 2);
            destination[7] = '-';
            Digits(destination, 8, local.Day, 2);
            destination[10] = 'T';
            Digits(destination, 11, local.Hour, 2);
            destination[13] = ':';
            Digits(destination, 14, local.Minute, 2);
            destination[16] = ':';
            Digits(destination, 17, local.Second, 2);
            int seconds = offset.Seconds;
            destination[19] = seconds < 0 ? '-' : '+';
            seconds = Math.Abs(seconds);
            Digits(destination, 20, seconds / 3600, 2);
            destination[22] = ':';
            Digits(destination, 23, seconds / 60 % 60, 2);
            return 25;
        }

        private static void Digits(Span<char> destination, int at, int value, int count)
        {
            for (int i = at + count - 1; i >= at; i--)
            {
                destination[i] = (char)('0' + (value % 10));
                value /= 10;
            }
        }

        /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, with quotes doubled.</summary>
        private static string Escape(string field) =>
            field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>One compact JSON document per line: <c>{"patientId":"P1",</c> then the library's JSON form's properties.</summary>
    private sealed class NdjsonOutput(TextWriter writer) : BatchOutput
    {
        internal override void WriteHeader()
        {
        }

        internal override void WriteCourse(in BatchRow row, CourseColumns columns, int course, BatchPlanner planner)
        {
            string json = CourseScheduleJson.Serialize(planner.ScheduleOf(row.Request), indented: false);
            writer.Write("{\"patientId\":");
            writer.Write('"');
            writer.Write(JsonEncodedText.Encode(row.PatientId, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value);
            writer.Write("\",");
            writer.Write(json.AsSpan(1));
            writer.Write('\n');
        }
    }
}
