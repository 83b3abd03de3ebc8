using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using IL2Schedule.Batch;

namespace IL2Schedule.Cli;

/// <summary>
/// CSV, one row per dose: <c>patientId,course,cycle,dose,start,end</c>, and <c>doseIu,doseMg</c> when
/// the input has body weights (one dose's amount, the same on every row of the course; mg empty for
/// a protocol without a mg figure, both empty for a row without a weight). Times as the JSON form
/// writes them (<see cref="Rfc3339Utf8"/>); a field with a comma, quote or line break is quoted (RFC 4180).
/// </summary>
internal sealed class CsvOutput(BatchOutputTarget output, bool doseAmounts, bool parallel) : TextBatchOutput(output, parallel)
{
    /// <summary>The longest row without the patient id: three numbers, two times, two amounts.</summary>
    private const int MaxRowLength = 3 * 21 + 2 * Rfc3339Utf8.MaxLength + 2 * 32 + 8;

    internal override void WriteHeader() =>
        WriteText(doseAmounts ? "patientId,course,cycle,dose,start,end,doseIu,doseMg\n"u8 : "patientId,course,cycle,dose,start,end\n"u8);

    protected override void FormatCourse(in BatchRow row, CourseColumns columns, int course, BatchPlanner planner, IBufferWriter<byte> buffer)
    {
        var zone = row.Request.Zone!;
        var doseStarts = columns.DoseStartsOf(course);
        var doseEnds = columns.DoseEndsOf(course);
        var cycles = columns.DoseCycleNumbersOf(course);
        Span<byte> patientId = stackalloc byte[Encoding.UTF8.GetMaxByteCount(2 * BatchColumns.PatientIdMaxLength + 2)];
        patientId = patientId[..Encoding.UTF8.GetBytes(Escape(row.PatientId), patientId)];
        Span<byte> amounts = stackalloc byte[2 * 32 + 2];
        amounts = amounts[..Amounts(row, columns, course, planner, amounts)];
        var interval = zone.GetZoneInterval(BatchTime.ToInstant(doseStarts[0]));
        for (int k = 0; k < doseStarts.Length; k++)
        {
            var line = buffer.GetSpan(patientId.Length + MaxRowLength);
            patientId.CopyTo(line);
            int length = patientId.Length;
            line[length++] = (byte)',';
            length += Number(row.Course, line[length..]);
            line[length++] = (byte)',';
            length += Number(cycles[k], line[length..]);
            line[length++] = (byte)',';
            length += Number(k + 1, line[length..]);
            line[length++] = (byte)',';
            var start = BatchTime.ToInstant(doseStarts[k]);
            length += Rfc3339Utf8.Format(start, Rfc3339Utf8.OffsetAt(zone, ref interval, start), line[length..]);
            line[length++] = (byte)',';
            var end = BatchTime.ToInstant(doseEnds[k]);
            length += Rfc3339Utf8.Format(end, Rfc3339Utf8.OffsetAt(zone, ref interval, end), line[length..]);
            amounts.CopyTo(line[length..]);
            length += amounts.Length;
            line[length++] = (byte)'\n';
            buffer.Advance(length);
        }
    }

    /// <summary>",IU,mg" (mg empty without the protocol's mg figure), ",," without a weight, or nothing without the columns.</summary>
    private int Amounts(in BatchRow row, CourseColumns columns, int course, BatchPlanner planner, Span<byte> destination)
    {
        if (!doseAmounts)
        {
            return 0;
        }
        destination[0] = (byte)',';
        int length = 1;
        if (row.Request.BodyWeightKilograms is not null)
        {
            columns.DoseInternationalUnits[course].TryFormat(destination[length..], out int written, provider: CultureInfo.InvariantCulture);
            length += written;
        }
        destination[length++] = (byte)',';
        if (row.Request.BodyWeightKilograms is not null && planner.Protocols[row.Request.ProtocolIndex].DoseMilligramsPerKilogram is not null)
        {
            columns.DoseMilligrams[course].TryFormat(destination[length..], out int written, provider: CultureInfo.InvariantCulture);
            length += written;
        }
        return length;
    }

    private static int Number(long value, Span<byte> destination)
    {
        value.TryFormat(destination, out int written, provider: CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, with quotes doubled.</summary>
    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
