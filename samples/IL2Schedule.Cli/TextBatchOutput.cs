using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading.Tasks;
using IL2Schedule.Batch;

namespace IL2Schedule.Cli;

/// <summary>
/// A text format written as UTF-8 straight from the columns: a chunk's courses are cut into pieces
/// of <see cref="PieceSize"/> courses, each piece is formatted into a buffer of its own (on every
/// core with <c>--parallel</c>), and the buffers are written in input order, a wave of pieces at a
/// time so memory stays flat. A course's bytes depend on nothing but the course, so the output is
/// the same byte for byte however the pieces are scheduled.
/// </summary>
internal abstract class TextBatchOutput(BatchOutputTarget output, bool parallel) : BatchOutput
{
    /// <summary>Courses per piece: a few hundred kilobytes of CSV.</summary>
    private const int PieceSize = 512;

    private readonly ArrayBufferWriter<byte>[] buffers = CreateBuffers(parallel ? 2 * Environment.ProcessorCount : 1);

    internal sealed override void WriteCourses(IReadOnlyList<PlannedRow> courses, CourseColumns columns, BatchPlanner planner)
    {
        Prepare(courses, planner);
        int pieces = (courses.Count + PieceSize - 1) / PieceSize;
        for (int wave = 0; wave < pieces; wave += buffers.Length)
        {
            int count = Math.Min(buffers.Length, pieces - wave);
            if (count == 1)
            {
                FormatPiece(courses, columns, planner, wave, buffers[0]);
            }
            else
            {
                Parallel.For(0, count, i => FormatPiece(courses, columns, planner, wave + i, buffers[i]));
            }
            for (int i = 0; i < count; i++)
            {
                output.Write(buffers[i].WrittenSpan);
            }
        }
    }

    internal override void Complete() => output.Flush();

    /// <summary>Called once per chunk, on one thread, before its courses are formatted.</summary>
    protected virtual void Prepare(IReadOnlyList<PlannedRow> courses, BatchPlanner planner)
    {
    }

    /// <summary>Formats one planned course (the library's values, nothing recomputed) as UTF-8 into <paramref name="buffer"/>.</summary>
    /// <remarks>Called on several threads at once with <c>--parallel</c>: it must read only its arguments and immutable state.</remarks>
    protected abstract void FormatCourse(in BatchRow row, CourseColumns columns, int course, BatchPlanner planner, IBufferWriter<byte> buffer);

    /// <summary>Writes the header's or footer's text.</summary>
    protected void WriteText(ReadOnlySpan<byte> utf8) => output.Write(utf8);

    private void FormatPiece(IReadOnlyList<PlannedRow> courses, CourseColumns columns, BatchPlanner planner, int piece, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        int end = Math.Min(courses.Count, (piece + 1) * PieceSize);
        for (int i = piece * PieceSize; i < end; i++)
        {
            var planned = courses[i];
            FormatCourse(planned.Row, columns, planned.Index, planner, buffer);
        }
    }

    private static ArrayBufferWriter<byte>[] CreateBuffers(int count)
    {
        var buffers = new ArrayBufferWriter<byte>[count];
        for (int i = 0; i < count; i++)
        {
            buffers[i] = new ArrayBufferWriter<byte>(1 << 20);
        }
        return buffers;
    }
}
