using System;
using System.IO;
using System.Text;

namespace IL2Schedule.Cli;

/// <summary>
/// An output file written under a temporary name beside its target
/// (<c>.schedules.csv.&lt;32 hex digits&gt;.tmp</c>) and renamed over the target by
/// <see cref="Commit"/>, when the run is complete: a run that fails or is killed never leaves a
/// file that looks complete, and an earlier file at the target stays as it was until then.
/// Disposing without committing deletes the temporary file. Every output file of the CLI is
/// written this way.
/// </summary>
internal sealed class PendingFile : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string target;
    private readonly string temporary;
    private bool committed;

    private PendingFile(string target, string temporary, StreamWriter writer)
    {
        this.target = target;
        this.temporary = temporary;
        Writer = writer;
    }

    /// <summary>Where the file's text goes (UTF-8, no byte order mark).</summary>
    internal StreamWriter Writer { get; }

    /// <summary>Creates the temporary file beside <paramref name="path"/>.</summary>
    /// <param name="path">The output path.</param>
    /// <param name="option">The option that named it, for the message.</param>
    /// <exception cref="CliUsageException">The temporary file cannot be created there.</exception>
    internal static PendingFile Create(string path, string option)
    {
        string target = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var writer = new StreamWriter(temporary, Utf8, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 1 << 16 });
            return new PendingFile(target, temporary, writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{option} '{path}' cannot be written: {CliApplication.OneLine(e.Message)}");
        }
    }

    /// <summary>Closes the file and renames it over the target.</summary>
    /// <exception cref="IOException">The file cannot be written or renamed.</exception>
    internal void Commit()
    {
        Writer.Dispose();
        File.Move(temporary, target, overwrite: true);
        committed = true;
    }

    public void Dispose()
    {
        Writer.Dispose();
        if (!committed)
        {
            File.Delete(temporary);
        }
    }
}
