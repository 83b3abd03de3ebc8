using System;

namespace IL2Schedule;

/// <summary>
/// A tzdb file (<c>.nzd</c>) given to <see cref="TimeZoneDatabase.FromFile"/> or
/// <see cref="TimeZoneDatabase.FromStream"/> cannot be read or is not NodaTime tzdb data.
/// </summary>
/// <remarks>
/// The message is one line: the file quoted, then <see cref="Reason"/>, for example
/// "'/etc/passwd' is not a NodaTime tzdb file (.nzd): it does not hold the time-zone data NodaTime
/// reads (a .nzd file from a NodaTime release, or one built by NodaTime's tzdb compiler)". The
/// reader's own words are left to <see cref="Exception.InnerException"/>.
/// </remarks>
public sealed class TzdbDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file's path or the stream's name.</param>
    /// <param name="reason">What is wrong, as the end of a sentence that starts with the quoted source, such as "does not exist".</param>
    /// <param name="innerException">What the reader threw, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="reason"/> is null.</exception>
    public TzdbDataException(string source, string reason, Exception? innerException)
        : base($"'{InputText.ForMessage(Preconditions.CheckNotNull(source, nameof(source)))}' {Preconditions.CheckNotNull(reason, nameof(reason))}", innerException)
    {
        FileName = source;
        Reason = reason;
    }

    /// <summary>The file's path or the stream's name, as given.</summary>
    public string FileName { get; }

    /// <summary>What is wrong with it, without the file's name: for example "is a directory, not a tzdb file (.nzd)".</summary>
    public string Reason { get; }
}
