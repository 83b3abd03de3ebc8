using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;
using IL2Schedule.Batch;
using NodaTime;
using NodaTime.TimeZones;
using Parquet;

namespace IL2Schedule.Parquet;

/// <summary>
/// Writes courses planned by <see cref="BatchPlanner"/> to a Parquet file as you go: one row per
/// dose in the layout of <see cref="BatchParquetSchema"/>, buffered into row groups of at most
/// <c>rowGroupSize</c> rows, so memory stays flat however many courses pass through.
/// </summary>
/// <remarks>
/// Every value is the batch planner's (its columns); the writer only converts instants to UTC
/// timestamps and looks up each instant's UTC offset in the course's zone. Not thread-safe: add
/// courses from one thread, in the order the file should hold them. Call <see cref="CompleteAsync"/>
/// once after the last course; a file disposed without it has no footer and no reader accepts it.
/// </remarks>
public sealed class BatchParquetWriter : IAsyncDisposable
{
    /// <summary>Rows per row group unless the caller says otherwise: 262,144 (about 20 MB of buffers).</summary>
    public const int DefaultRowGroupSize = 262_144;

    /// <summary>The fewest rows a row group may be given: 1,024 (a course's doses must fit in one).</summary>
    public const int MinRowGroupSize = 1024;

    /// <summary>The most rows a row group may be given: 4,194,304.</summary>
    public const int MaxRowGroupSize = 4_194_304;

    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    private readonly ParquetWriter writer;
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
    private int buffered;
    private bool completed;

    private BatchParquetWriter(ParquetWriter writer, int rowGroupSize)
    {
        this.writer = writer;
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

    /// <summary>The dose rows added so far (written or still buffered).</summary>
    public long RowCount { get; private set; }

    /// <summary>The row groups written so far.</summary>
    public int RowGroupCount { get; private set; }

    /// <summary>Starts a Parquet file on <paramref name="output"/> (Zstandard-compressed pages).</summary>
    /// <param name="output">A writable, seekable stream; the writer does not own it (dispose it after <see cref="DisposeAsync"/>).</param>
    /// <param name="rowGroupSize">Rows per row group, in [<see cref="MinRowGroupSize"/>, <see cref="MaxRowGroupSize"/>]; a course's rows never straddle two groups, so a group may hold a few rows fewer.</param>
    /// <param name="cancellationToken">Cancels writing the file's header.</param>
    /// <returns>The writer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowGroupSize"/> is outside its range.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not writable or not seekable.</exception>
    public static async Task<BatchParquetWriter> CreateAsync(Stream output, int rowGroupSize = DefaultRowGroupSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (rowGroupSize is < MinRowGroupSize or > MaxRowGroupSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(rowGroupSize), rowGroupSize, Invariant($"rowGroupSize must be in range [{MinRowGroupSize}, {MaxRowGroupSize}]; was {rowGroupSize}"));
        }
        if (!output.CanWrite || !output.CanSeek)
        {
            throw new ArgumentException("output must be a writable, seekable stream (Parquet writes its footer last); was not", nameof(output));
        }
        var writer = await ParquetWriter.CreateAsync(BatchParquetSchema.Schema, output, Options(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return new BatchParquetWriter(writer, rowGroupSize);
    }

    /// <summary>
    /// Adds course <paramref name="course"/> of <paramref name="columns"/>: one row per planned dose
    /// (none for a failed request, whose dose count is 0). Writes a row group first when the buffer
    /// cannot hold the course's rows.
    /// </summary>
    /// <param name="patientId">The patient id for every row of the course.</param>
    /// <param name="courseNumber">The course number for every row, from 1.</param>
    /// <param name="zone">The zone the course was planned in (its request's <see cref="CourseRequest.Zone"/>): the offsets and the <c>zone</c> column come from it.</param>
    /// <param name="columns">Columns the batch planner filled, with dose ends and cycles (<see cref="CourseColumns.Allocate"/> with <c>withDoseEndsAndCycles: true</c>).</param>
    /// <param name="course">The course's index in <paramref name="columns"/>, from 0.</param>
    /// <param name="cancellationToken">Cancels writing a row group.</param>
    /// <returns>A task that completes when the rows are buffered (and any full row group written).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patientId"/>, <paramref name="zone"/> or <paramref name="columns"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="course"/> is not in [0, <see cref="CourseColumns.CourseCount"/>).</exception>
    /// <exception cref="InvalidOperationException">The columns hold no dose ends or cycles, or <see cref="CompleteAsync"/> was called.</exception>
    public ValueTask AddCourseAsync(string patientId, long courseNumber, DateTimeZone zone, CourseColumns columns, int course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(columns);
        CheckNotCompleted();
        var doseStarts = columns.DoseStartsOf(course);
        var doseEnds = columns.DoseEndsOf(course);
        var cycleNumbers = columns.DoseCycleNumbersOf(course);
        var flush = buffered + doseStarts.Length > starts.Length ? WriteRowGroupAsync(cancellationToken) : default;
        if (!flush.IsCompletedSuccessfully)
        {
            return AddAfterFlushAsync(flush, patientId, courseNumber, zone, columns, course);
        }
        Buffer(patientId, courseNumber, zone, columns, course, doseStarts, doseEnds, cycleNumbers);
        return default;
    }

    /// <summary>Writes the buffered rows as a last row group and the file's footer.</summary>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <returns>A task that completes when the file is whole.</returns>
    /// <exception cref="InvalidOperationException">Called twice.</exception>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        CheckNotCompleted();
        if (buffered > 0 || RowGroupCount == 0)
        {
            await WriteRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }
        completed = true;
        await writer.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Releases the Parquet writer; after <see cref="CompleteAsync"/> this does nothing more.</summary>
    /// <returns>A task that completes when released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (!completed)
        {
            completed = true;
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask AddAfterFlushAsync(ValueTask flush, string patientId, long courseNumber, DateTimeZone zone, CourseColumns columns, int course)
    {
        await flush.ConfigureAwait(false);
        Buffer(patientId, courseNumber, zone, columns, course, columns.DoseStartsOf(course), columns.DoseEndsOf(course), columns.DoseCycleNumbersOf(course));
    }

    private void Buffer(string patientId, long courseNumber, DateTimeZone zone, CourseColumns columns, int course, Span<long> doseStarts, Span<long> doseEnds, Span<byte> cycleNumbers)
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
        string zoneId = TimeZoneLookup.GetCanonicalId(zone);
        // A course meets one or two of its zone's intervals: look each up once, not per time.
        var interval = zone.GetZoneInterval(BatchTime.ToInstant(doseStarts[0]));
        for (int k = 0; k < doseStarts.Length; k++)
        {
            int row = buffered++;
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
        RowCount += doseStarts.Length;
    }

    private async ValueTask WriteRowGroupAsync(CancellationToken cancellationToken)
    {
        int n = buffered;
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
        buffered = 0;
        RowGroupCount++;
    }

    private void CheckNotCompleted()
    {
        if (completed)
        {
            throw new InvalidOperationException("The Parquet file is complete (CompleteAsync or DisposeAsync was called); no course can be added.");
        }
    }

    /// <summary>
    /// Zstandard pages; the times delta-encoded (a course's doses are hours apart, so each is a few
    /// bits after the one before), the strings dictionary-encoded (a course's rows repeat its id and zone).
    /// </summary>
    private static ParquetOptions Options()
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = CompressionLevel.Fastest };
        foreach (var field in new global::Parquet.Schema.DataField[] { BatchParquetSchema.PatientId, BatchParquetSchema.Zone })
        {
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        }
        return options;
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

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
