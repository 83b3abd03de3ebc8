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

    /// <summary>
    /// Refuses a file with no text, or only white space, before a reader's "no JSON tokens" wording
    /// can reach the user: "record file '/dev/null' is empty: a record is a JSON object (see docs/records.md)".
    /// </summary>
    /// <param name="text">The file's text.</param>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="what">What the file is, for example "record file".</param>
    /// <param name="expected">What such a file holds, with the page that describes it.</param>
    /// <exception cref="CliUsageException"><paramref name="text"/> is empty or white space.</exception>
    internal static void CheckNotEmpty(string text, string path, string what, string expected)
    {
        if (text.Trim().Length == 0)
        {
            throw new CliUsageException($"{what} '{InputText.ForMessage(path)}' {(text.Length == 0 ? "is empty" : "holds only white space")}: {expected}");
        }
    }
}
