using System;
using System.Collections.Generic;
using IL2Schedule.Batch;

namespace IL2Schedule.Cli;

/// <summary>A planned course of a chunk: its input row and its index in the chunk's columns.</summary>
/// <param name="Row">The input row.</param>
/// <param name="Index">The course's index in the chunk's <see cref="CourseColumns"/>.</param>
internal readonly record struct PlannedRow(BatchRow Row, int Index);

/// <summary>
/// Writes planned courses, chunk by chunk, in input order: CSV (one row per dose), NDJSON (one line
/// per course) or Parquet (one row per dose, see <c>docs/batch-output.md</c>). Every value is the
/// library's: the batch planner's columns.
/// </summary>
internal abstract class BatchOutput : IDisposable
{
    /// <summary>The <c>--format</c> names.</summary>
    internal static readonly string[] Formats = ["csv", "ndjson", "parquet"];

    /// <summary>Whether the format needs the planner's <see cref="CourseDetailColumns"/> beside the columns (NDJSON's cycles, follow-up dates and notes).</summary>
    internal virtual bool NeedsDetails => false;

    /// <summary>Writes what comes before the first course (the CSV header).</summary>
    internal abstract void WriteHeader();

    /// <summary>Writes a chunk's planned courses, in the order given.</summary>
    /// <param name="courses">The chunk's planned courses, in input order.</param>
    /// <param name="columns">The planned chunk.</param>
    /// <param name="planner">The planner that planned it.</param>
    internal abstract void WriteCourses(IReadOnlyList<PlannedRow> courses, CourseColumns columns, BatchPlanner planner);

    /// <summary>Writes what comes after the last course and flushes.</summary>
    internal abstract void Complete();

    public virtual void Dispose()
    {
    }

    /// <param name="format">One of <see cref="Formats"/>.</param>
    /// <param name="output">Where the output goes.</param>
    /// <param name="doseAmounts">With csv, whether each row gives the dose amounts (<c>doseIu,doseMg</c>).</param>
    /// <param name="parallel">Whether text is formatted on every core (the bytes are the same either way).</param>
    internal static BatchOutput Create(string format, BatchOutputTarget output, bool doseAmounts, bool parallel) => format switch
    {
        "ndjson" => new NdjsonOutput(output, parallel),
        "parquet" => new ParquetOutput(output.SeekableStream()),
        _ => new CsvOutput(output, doseAmounts, parallel),
    };
}
