using System;
using System.Threading;
using System.Threading.Tasks;
using IL2Schedule.Batch;
using NodaTime;
using NodaTime.TimeZones;
using Parquet;

namespace IL2Schedule.Parquet;

/// <summary>
/// One row group's worth of rows in the layout of <see cref="BatchParquetSchema"/>, one array per
/// column: filled course by course from the batch planner's columns, then written as a row group.
/// </summary>
internal sealed class ParquetRowBuffer
{
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    private readonly string[] patientIds;
    private readonly long[] courses;
    private readonly int[] cycles;
    private readonly int[] doses;
    private readonly DateTime[] starts;
    private readonly DateTime[] ends;
    private readonly int[] startOffsets;
    private readonly int[] endOffsets;
    private readonly string[] zones;
    private readonly DateTime[] courseEnds;
    private readonly DateOnly[] imagingDates;
    private readonly DateOnly?[] windowStarts;
    private readonly DateOnly?[] windowEnds;
    private readonly int[] windowReasons;
    private readonly double?[] doseUnits;
    private readonly double?[] doseMilligrams;

    internal ParquetRowBuffer(int rowGroupSize)
    {
        patientIds = new string[rowGroupSize];
        courses = new long[rowGroupSize];
        cycles = new int[rowGroupSize];
        doses = new int[rowGroupSize];
        starts = new DateTime[rowGroupSize];
        ends = new DateTime[rowGroupSize];
        startOffsets = new int[rowGroupSize];
        endOffsets = new int[rowGroupSize];
        zones = new string[rowGroupSize];
        courseEnds = new DateTime[rowGroupSize];
        imagingDates = new DateOnly[rowGroupSize];
        windowStarts = new DateOnly?[rowGroupSize];
        windowEnds = new DateOnly?[rowGroupSize];
        windowReasons = new int[rowGroupSize];
        doseUnits = new double?[rowGroupSize];
        doseMilligrams = new double?[rowGroupSize];
    }

    /// <summary>The rows buffered.</summary>
    internal int Count { get; private set; }

    /// <summary>Whether <paramref name="rows"/> more rows fit.</summary>
    internal bool Fits(int rows) => Count + rows <= starts.Length;

    /// <summary>Buffers one course's dose rows; the course's values are repeated on each.</summary>
    internal void Add(string patientId, long courseNumber, DateTimeZone zone, string zoneId, CourseColumns columns, int course, Span<long> doseStarts, Span<long> doseEnds, Span<byte> cycleNumbers)
    {
        if (doseStarts.IsEmpty)
        {
            return;
        }
        var courseEnd = ToDateTime(columns.CourseEnds[course]);
        var imaging = ToDateOnly(columns.ResponseAssessmentDates[course]);
        var reasons = columns.NextCourseWindowReasons[course];
        bool emptyWindow = (reasons & (NextCourseWindowReasons.EmptiedByDischarge | NextCourseWindowReasons.NoWorkingDay)) != 0;
        DateOnly? windowStart = emptyWindow ? null : ToDateOnly(columns.NextCourseWindowStarts[course]);
        DateOnly? windowEnd = emptyWindow ? null : ToDateOnly(columns.NextCourseWindowEnds[course]);
        decimal units = columns.DoseInternationalUnits[course];
        decimal milligrams = columns.DoseMilligrams[course];
        double? unitsValue = units == 0 ? null : (double)units;
        double? milligramsValue = milligrams == 0 ? null : (double)milligrams;
        // A course meets one or two of its zone's intervals: look each up once, not per time.
        var interval = zone.GetZoneInterval(BatchTime.ToInstant(doseStarts[0]));
        for (int k = 0; k < doseStarts.Length; k++)
        {
            int row = Count++;
            patientIds[row] = patientId;
            courses[row] = courseNumber;
            cycles[row] = cycleNumbers[k];
            doses[row] = k + 1;
            starts[row] = ToDateTime(doseStarts[k]);
            ends[row] = ToDateTime(doseEnds[k]);
            startOffsets[row] = OffsetMinutes(zone, ref interval, BatchTime.ToInstant(doseStarts[k]));
            endOffsets[row] = OffsetMinutes(zone, ref interval, BatchTime.ToInstant(doseEnds[k]));
            zones[row] = zoneId;
            courseEnds[row] = courseEnd;
            imagingDates[row] = imaging;
            windowStarts[row] = windowStart;
            windowEnds[row] = windowEnd;
            windowReasons[row] = (int)reasons;
            doseUnits[row] = unitsValue;
            doseMilligrams[row] = milligramsValue;
        }
    }

    /// <summary>Writes the buffered rows as one row group and empties the buffer.</summary>
    internal async Task WriteAsync(ParquetWriter writer, CancellationToken cancellationToken)
    {
        int n = Count;
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAsync(BatchParquetSchema.PatientId, new ArraySegment<string>(patientIds, 0, n)).ConfigureAwait(false);
            await group.WriteAsync<long>(BatchParquetSchema.Course, courses.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<int>(BatchParquetSchema.Cycle, cycles.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<int>(BatchParquetSchema.Dose, doses.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<DateTime>(BatchParquetSchema.Start, starts.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<DateTime>(BatchParquetSchema.End, ends.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<int>(BatchParquetSchema.StartOffsetMinutes, startOffsets.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<int>(BatchParquetSchema.EndOffsetMinutes, endOffsets.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(BatchParquetSchema.Zone, new ArraySegment<string>(zones, 0, n)).ConfigureAwait(false);
            await group.WriteAsync<DateTime>(BatchParquetSchema.CourseEnd, courseEnds.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<DateOnly>(BatchParquetSchema.ImagingDate, imagingDates.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<DateOnly>(BatchParquetSchema.NextCourseWindowStart, windowStarts.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<DateOnly>(BatchParquetSchema.NextCourseWindowEnd, windowEnds.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<int>(BatchParquetSchema.NextCourseWindowReasons, windowReasons.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<double>(BatchParquetSchema.DoseIu, doseUnits.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<double>(BatchParquetSchema.DoseMg, doseMilligrams.AsMemory(0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            group.CompleteValidate();
        }
        // Drop the references the strings hold, so a finished group's ids can be collected.
        Array.Clear(patientIds, 0, n);
        Count = 0;
    }

    private static int OffsetMinutes(DateTimeZone zone, ref ZoneInterval interval, Instant instant)
    {
        if (!interval.Contains(instant))
        {
            interval = zone.GetZoneInterval(instant);
        }
        return interval.WallOffset.Seconds / 60;
    }

    /// <summary>Unix-epoch ticks (<see cref="BatchTime"/>) as a UTC <see cref="DateTime"/>; the column keeps microseconds.</summary>
    private static DateTime ToDateTime(long unixTicks) => new(UnixEpochTicks + unixTicks, DateTimeKind.Utc);

    private static DateOnly ToDateOnly(LocalDate date) => new(date.Year, date.Month, date.Day);
}
