using System;
using System.CommandLine;
using System.IO;

namespace IL2Schedule.Cli;

/// <summary>
/// The <c>--output FILE</c> of <c>plan</c> and <c>replay</c>: results go to standard output, or to
/// a file that is written whole to a temporary file beside it and then renamed over it, so a
/// failed or killed run never leaves a file that looks complete.
/// </summary>
internal static class OutputFile
{
    internal static Option<string?> CreateOption() => new("--output")
    {
        Description = "Write the result to this file instead of standard output (written to a temporary file beside it, then renamed, so no partial file is left).",
    };

    /// <summary>Checks an <c>--output</c> path before any work is done.</summary>
    /// <returns>The path, or null for standard output.</returns>
    /// <exception cref="CliUsageException">The path is empty, a directory, or in a folder that does not exist.</exception>
    internal static string? Check(string? path)
    {
        if (path is null)
        {
            return null;
        }
        if (path.Trim().Length == 0)
        {
            throw new CliUsageException("--output must name a file; was empty");
        }
        if (Directory.Exists(path))
        {
            throw new CliUsageException($"--output must name a file; '{path}' is a directory");
        }
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Directory.Exists(folder)
            ? path
            : throw new CliUsageException($"--output '{path}': the folder '{folder}' does not exist");
    }

    /// <summary>
    /// Checks before any work is done that a binary <c>--format</c> (png) has somewhere to go: a
    /// file, or a standard output redirected away from the terminal.
    /// </summary>
    /// <exception cref="CliUsageException">The format is binary, there is no <c>--output</c> and standard output is the terminal or not the console.</exception>
    internal static void CheckBinary(string format, string? path, TextWriter stdout)
    {
        if (format == "png" && path is null && !IsRedirectedConsole(stdout))
        {
            throw new CliUsageException($"--format {format} writes binary data: give --output FILE or redirect standard output to a file");
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> through a <see cref="PendingFile"/>, or to the redirected standard output when the path is null.</summary>
    /// <exception cref="CliUsageException">The file cannot be written (no permission, a read-only folder).</exception>
    internal static void Write(TextWriter stdout, string? path, byte[] bytes)
    {
        if (path is not null)
        {
            using var file = PendingFile.Create(path, "--output");
            try
            {
                file.Writer.Flush();
                file.Writer.BaseStream.Write(bytes);
                file.Commit();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"--output '{path}' cannot be written: {CliApplication.OneLine(e.Message)}");
            }
            return;
        }
        if (!IsRedirectedConsole(stdout))
        {
            throw new InvalidOperationException("binary output to a terminal must be refused by CheckBinary before any work is done");
        }
        stdout.Flush();
        using var stream = Console.OpenStandardOutput();
        stream.Write(bytes);
    }

    private static bool IsRedirectedConsole(TextWriter stdout) => ReferenceEquals(stdout, Console.Out) && Console.IsOutputRedirected;

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> (UTF-8, no BOM) through a <see cref="PendingFile"/>, or to <paramref name="stdout"/> when the path is null.</summary>
    /// <exception cref="CliUsageException">The file cannot be written (no permission, a read-only folder).</exception>
    internal static void Write(TextWriter stdout, string? path, string text)
    {
        if (path is null)
        {
            stdout.Write(text);
            return;
        }
        using var file = PendingFile.Create(path, "--output");
        try
        {
            file.Writer.Write(text);
            file.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--output '{path}' cannot be written: {CliApplication.OneLine(e.Message)}");
        }
    }
}
