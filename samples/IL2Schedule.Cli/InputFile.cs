using System;
using System.IO;

namespace IL2Schedule.Cli;

/// <summary>Reads a text file the user named, no further than its limit; a file that cannot be read is a usage error naming the option.</summary>
internal static class InputFile
{
    /// <summary>The file's text (UTF-8), read through <see cref="InputLimits.ReadUtf8"/> so an endless or huge file is refused at the limit.</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="what">What names the file in the message, for example "--holidays file" or "the record file".</param>
    /// <param name="maxBytes">The limit, one of <see cref="InputLimits"/>' byte limits.</param>
    /// <param name="limitName">The limit's name.</param>
    /// <exception cref="CliUsageException">The file is a directory, cannot be read (missing, no permission), or is larger than the limit.</exception>
    internal static string ReadAllText(string path, string what, int maxBytes, string limitName)
    {
        string shown = InputText.ForMessage(path);
        if (path.Trim().Length == 0)
        {
            throw new CliUsageException($"{what} must name a file; was empty");
        }
        if (Directory.Exists(path))
        {
            throw new CliUsageException($"{what} '{shown}' is a directory, not a file");
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return InputLimits.ReadUtf8(stream, maxBytes, limitName);
        }
        catch (InputLimitExceededException e)
        {
            throw new CliUsageException($"{what} '{shown}' is too large: {e.Message}");
        }
        catch (FileNotFoundException)
        {
            throw new CliUsageException($"{what} '{shown}' does not exist");
        }
        catch (DirectoryNotFoundException)
        {
            throw new CliUsageException($"{what} '{shown}' is in a folder that does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{what} '{shown}' cannot be read: {CliApplication.OneLine(e.Message)}");
        }
    }
}
