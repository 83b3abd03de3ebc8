using System;
using System.Collections.Generic;
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
/// <para>
/// Every value is the batch planner's (its columns); the writer only converts instants to UTC
/// timestamps and looks up each instant's UTC offset in the course's zone. Not thread-safe: add
/// courses from one thread, in the order the file should hold them. Call <see cref="CompleteAsync"/>
/// once after the last course; a file disposed without it has no footer and no reader accepts it.
/// </para>
/// <para>
/// A full row group is encoded and compressed on the thread pool while the next one fills (two
/// buffers; Parquet.Net writes the columns of one group one after another, so a group is not split
/// across threads). An error writing a group is thrown by the next call that waits for it:
/// <see cref="AddCourseAsync"/> when the next group is full, or <see cref="CompleteAsync"/>.
/// </para>
/// <para>
/// The file's key-value metadata holds <see cref="TzdbVersionKey"/>: the tzdb version of the
/// courses' zones (<see cref="TimeZoneDatabase.TzdbVersion"/>), or several, comma-separated in the
/// order first met, if the zones came from several; absent from a file with no course.
/// </para>
/// </remarks>
public sealed class BatchParquetWriter : IAsyncDisposable
{
    /// <summary>
    /// Rows per row group unless the caller says otherwise: 32,768 (two buffers of about 4 MB, one
    /// filling while the other is written). This library's choice, measured on 1,000,000 courses:
    /// peak RSS grows with the group (see docs/batch-output.md) while the file grows by under 1 %
    /// from 262,144 rows down to this.
    /// </summary>
    public const int DefaultRowGroupSize = 32_768;

    /// <summary>The fewest rows a row group may be given: 1,024 (a course's doses must fit in one).</summary>
    public const int MinRowGroupSize = 1024;

    /// <summary>The most rows a row group may be given: 4,194,304.</summary>
    public const int MaxRowGroupSize = 4_194_304;

    /// <summary>The file's key-value metadata key for the tzdb version the courses were planned with.</summary>
    public const string TzdbVersionKey = "il2schedule.tzdb_version";

    /// <summary>What Parquet.Net's stream pools may keep free: 1 MiB small, 4 MiB large (its defaults, 16 and 64 MiB, let a run's peak grow by tens of MB).</summary>
    private const int PoolFreeBytes = 1 << 20;

    private readonly ParquetWriter writer;
    private readonly ParquetRowBuffer first;
    private readonly ParquetRowBuffer second;
    private readonly List<string> tzdbVersions = [];
    private ParquetRowBuffer filling;
    private Task writing = Task.CompletedTask;
    private DateTimeZone? lastZone;
    private string lastZoneId = "";
    private bool completed;

    private BatchParquetWriter(ParquetWriter writer, int rowGroupSize)
    {
        this.writer = writer;
        first = new ParquetRowBuffer(rowGroupSize);
        second = new ParquetRowBuffer(rowGroupSize);
        filling = first;
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
    /// (none for a failed request, whose dose count is 0). When the buffer cannot hold the course's
    /// rows, waits for the row group being written (if any) and starts writing this one.
    /// </summary>
    /// <param name="patientId">The patient id for every row of the course.</param>
    /// <param name="courseNumber">The course number for every row, from 1.</param>
    /// <param name="zone">The zone the course was planned in (its request's <see cref="CourseRequest.Zone"/>): the offsets and the <c>zone</c> column come from it.</param>
    /// <param name="columns">Columns the batch planner filled, with dose ends and cycles (<see cref="CourseColumns.Allocate"/> with <c>withDoseEndsAndCycles: true</c>).</param>
    /// <param name="course">The course's index in <paramref name="columns"/>, from 0.</param>
    /// <param name="cancellationToken">Cancels writing a row group.</param>
    /// <returns>A task that completes when the rows are buffered (and any full row group handed to be written).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patientId"/>, <paramref name="zone"/> or <paramref name="columns"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="course"/> is not in [0, <see cref="CourseColumns.CourseCount"/>).</exception>
    /// <exception cref="InvalidOperationException">The columns hold no dose ends or cycles, or <see cref="CompleteAsync"/> was called.</exception>
    /// <exception cref="IOException">Writing the previous row group failed (and whatever else Parquet.Net or the stream throws for it).</exception>
    public ValueTask AddCourseAsync(string patientId, long courseNumber, DateTimeZone zone, CourseColumns columns, int course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(columns);
        CheckNotCompleted();
        var doseStarts = columns.DoseStartsOf(course);
        var doseEnds = columns.DoseEndsOf(course);
        var cycleNumbers = columns.DoseCycleNumbersOf(course);
        var flush = filling.Fits(doseStarts.Length) ? default : StartRowGroupAsync(cancellationToken);
        if (!flush.IsCompletedSuccessfully)
        {
            return AddAfterFlushAsync(flush, patientId, courseNumber, zone, columns, course);
        }
        Add(patientId, courseNumber, zone, columns, course, doseStarts, doseEnds, cycleNumbers);
        return default;
    }

    /// <summary>Writes the buffered rows as a last row group and the file's footer.</summary>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <returns>A task that completes when the file is whole.</returns>
    /// <exception cref="InvalidOperationException">Called twice.</exception>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        CheckNotCompleted();
        await writing.ConfigureAwait(false);
        if (filling.Count > 0 || RowGroupCount == 0)
        {
            RowGroupCount++;
            await filling.WriteAsync(writer, cancellationToken).ConfigureAwait(false);
        }
        if (tzdbVersions.Count > 0)
        {
            writer.CustomMetadata = new Dictionary<string, string> { [TzdbVersionKey] = string.Join(",", tzdbVersions) };
        }
        completed = true;
        await writer.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Releases the Parquet writer; after <see cref="CompleteAsync"/> this does nothing more.</summary>
    /// <returns>A task that completes when released (after a row group still being written, whose failure it does not report).</returns>
    public async ValueTask DisposeAsync()
    {
        if (!completed)
        {
            completed = true;
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask AddAfterFlushAsync(ValueTask flush, string patientId, long courseNumber, DateTimeZone zone, CourseColumns columns, int course)
    {
        await flush.ConfigureAwait(false);
        Add(patientId, courseNumber, zone, columns, course, columns.DoseStartsOf(course), columns.DoseEndsOf(course), columns.DoseCycleNumbersOf(course));
    }

    private void Add(string patientId, long courseNumber, DateTimeZone zone, CourseColumns columns, int course, Span<long> doseStarts, Span<long> doseEnds, Span<byte> cycleNumbers)
    {
        if (!ReferenceEquals(zone, lastZone))
        {
            lastZoneId = TimeZoneLookup.GetCanonicalId(zone);
            lastZone = zone;
            string version = TimeZoneDatabase.Of(zone).TzdbVersion;
            if (!tzdbVersions.Contains(version))
            {
                tzdbVersions.Add(version);
            }
        }
        filling.Add(patientId, courseNumber, zone, lastZoneId, columns, course, doseStarts, doseEnds, cycleNumbers);
        RowCount += doseStarts.Length;
    }

    /// <summary>
    /// Hands the full buffer to a row group written on the thread pool and fills the other one
    /// meanwhile, so encoding and compressing a group overlaps the planning and buffering of the
    /// next; waits first for the group before it, whose buffer this one becomes.
    /// </summary>
    private async ValueTask StartRowGroupAsync(CancellationToken cancellationToken)
    {
        await writing.ConfigureAwait(false);
        var full = filling;
        filling = ReferenceEquals(full, first) ? second : first;
        RowGroupCount++;
        writing = Task.Run(() => full.WriteAsync(writer, cancellationToken), cancellationToken);
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
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = CompressionLevel.Fastest, MaximumSmallPoolFreeBytes = PoolFreeBytes, MaximumLargePoolFreeBytes = 4 * PoolFreeBytes };
        foreach (var field in new global::Parquet.Schema.DataField[] { BatchParquetSchema.PatientId, BatchParquetSchema.Zone })
        {
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        }
        return options;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
