using System.Collections.Generic;
using System.IO;
using IL2Schedule.Batch;
using IL2Schedule.Parquet;

namespace IL2Schedule.Cli;

/// <summary>
/// Parquet, one row per dose with the course's values on each row (<see cref="BatchParquetSchema"/>),
/// written by IL2Schedule.Parquet in row groups as the chunks come.
/// </summary>
/// <remarks>
/// The writer's methods are asynchronous; a console program has no synchronization context, so
/// waiting on them here cannot deadlock.
/// </remarks>
internal sealed class ParquetOutput(Stream stream) : BatchOutput
{
    private readonly BatchParquetWriter writer = BatchParquetWriter.CreateAsync(stream).GetAwaiter().GetResult();

    internal override void WriteHeader()
    {
    }

    internal override void WriteCourses(IReadOnlyList<PlannedRow> courses, CourseColumns columns, BatchPlanner planner)
    {
        foreach (var planned in courses)
        {
            var row = planned.Row;
            var pending = writer.AddCourseAsync(row.PatientId, row.Course, row.Request.Zone!, columns, planned.Index);
            if (!pending.IsCompletedSuccessfully)
            {
                pending.AsTask().GetAwaiter().GetResult();
            }
        }
    }

    internal override void Complete()
    {
        writer.CompleteAsync().GetAwaiter().GetResult();
        stream.Flush();
    }

    public override void Dispose()
    {
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.Dispose();
    }
}
