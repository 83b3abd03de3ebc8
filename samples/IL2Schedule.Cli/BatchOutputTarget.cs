using System;
using System.IO;
using System.Text;

namespace IL2Schedule.Cli;

/// <summary>
/// Where the batch's schedules go, as bytes: the <c>--output</c> file's stream, the process's
/// standard output stream, or (for an in-process caller such as the tests) a <see cref="TextWriter"/>
/// given the same bytes decoded.
/// </summary>
internal sealed class BatchOutputTarget
{
    private readonly Stream? stream;
    private readonly TextWriter? writer;
    private readonly bool seekable;

    private BatchOutputTarget(Stream? stream, TextWriter? writer, bool seekable)
    {
        this.stream = stream;
        this.writer = writer;
        this.seekable = seekable;
    }

    /// <summary>The <c>--output</c> file: its <see cref="PendingFile.Writer"/>'s stream, written directly.</summary>
    internal static BatchOutputTarget ForFile(PendingFile file)
    {
        file.Writer.Flush();
        return new BatchOutputTarget(file.Writer.BaseStream, null, seekable: true);
    }

    /// <summary>Standard output: the process's own stream when <paramref name="stdout"/> is the console's writer, else the writer.</summary>
    internal static BatchOutputTarget ForStandardOutput(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out)
            ? new BatchOutputTarget(Console.OpenStandardOutput(), null, seekable: false)
            : new BatchOutputTarget(null, stdout, seekable: false);

    /// <summary>Writes whole UTF-8 text (complete characters) to the target.</summary>
    internal void Write(ReadOnlySpan<byte> utf8)
    {
        if (stream is not null)
        {
            stream.Write(utf8);
        }
        else
        {
            writer!.Write(Encoding.UTF8.GetString(utf8));
        }
    }

    /// <summary>Flushes the stream or writer.</summary>
    internal void Flush()
    {
        if (stream is not null)
        {
            stream.Flush();
        }
        else
        {
            writer!.Flush();
        }
    }

    /// <summary>The file's stream, for a format that writes its footer last (Parquet).</summary>
    /// <exception cref="InvalidOperationException">The target is standard output; <see cref="BatchCommand"/> refuses that before any work is done.</exception>
    internal Stream SeekableStream() =>
        seekable ? stream! : throw new InvalidOperationException("a binary batch format needs --output FILE; the command must refuse standard output before any work is done");
}
