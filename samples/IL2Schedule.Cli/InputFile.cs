using System;
using System.IO;

namespace IL2Schedule.Cli;

/// <summary>Reads a text file the user named; a file that cannot be read is a usage error, worded by the caller.</summary>
internal static class InputFile
{
    /// <summary>The file's text.</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="cannotRead">The message's start, for example "--holidays cannot read 'x.ics'"; the system's reason follows after ": ".</param>
    /// <exception cref="CliUsageException">The file cannot be read (missing, a directory, no permission).</exception>
    internal static string ReadAllText(string path, string cannotRead)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{cannotRead}: {CliApplication.OneLine(e.Message)}");
        }
    }
}
