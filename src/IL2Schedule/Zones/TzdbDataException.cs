using System;

namespace IL2Schedule;

/// <summary>
/// A tzdb file (<c>.nzd</c>) given to <see cref="TimeZoneDatabase.FromFile"/> or
/// <see cref="TimeZoneDatabase.FromStream"/> cannot be read or is not NodaTime tzdb data.
/// </summary>
/// <remarks>The message names the file and the reason, in one line.</remarks>
public sealed class TzdbDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file's path or the stream's name.</param>
    /// <param name="reason">Why it is unusable, such as "the file cannot be read (...)".</param>
    /// <param name="innerException">What the reader threw.</param>
    public TzdbDataException(string source, string reason, Exception? innerException)
        : base($"tzdb file '{source}' is not usable: {reason}", innerException)
    {
        FileName = source;
    }

    /// <summary>The file's path or the stream's name.</summary>
    public string FileName { get; }
}
