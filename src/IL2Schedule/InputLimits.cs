using System;
using System.IO;
using System.Text;

namespace IL2Schedule;

/// <summary>
/// The named limits on input that this library and its packages read: each reader refuses input
/// past its limit with an <see cref="InputLimitExceededException"/> that names the limit and the
/// value found, and a stream is read no further than one byte past its limit.
/// </summary>
/// <remarks>
/// Every value is this library's choice: far above what a real course produces (a course has at
/// most 30 doses and a few dozen events; a year of closures is a few dozen dates), and small enough
/// that hostile or mistaken input (an endless stream, a deeply nested document) is refused in well
/// under a second and a few hundred megabytes. docs/limits.md lists them with where each applies.
/// </remarks>
public static class InputLimits
{
    /// <summary>The largest record JSON document (<c>CourseRecordJson.Deserialize</c>), in bytes of UTF-8: 16 MiB.</summary>
    public const int MaxRecordJsonBytes = 16 * 1024 * 1024;

    /// <summary>The largest planned-course JSON document (<c>CourseScheduleJson.Deserialize</c>), in bytes of UTF-8: 16 MiB.</summary>
    public const int MaxPlanJsonBytes = 16 * 1024 * 1024;

    /// <summary>The deepest nesting of objects and arrays in a record or planned-course JSON document: 64 (the documents themselves need 5).</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>The most events in a record JSON document's <c>events</c> array: 10,000.</summary>
    public const int MaxRecordEvents = 10_000;

    /// <summary>The largest iCalendar (.ics) holidays document (<c>ICalendarHolidays.Read</c>), in bytes of UTF-8: 4 MiB.</summary>
    public const int MaxIcsBytes = 4 * 1024 * 1024;

    /// <summary>The most events (<c>VEVENT</c>) in an iCalendar holidays document: 10,000.</summary>
    public const int MaxIcsEvents = 10_000;

    /// <summary>The most occurrences the events of an iCalendar holidays document may expand to over the range asked for: 100,000.</summary>
    public const int MaxIcsOccurrences = 100_000;

    /// <summary>The largest holidays text file (one <c>yyyy-MM-dd</c> a line; <see cref="WorkingDayCalendar.ParseHolidayText(string)"/>), in bytes of UTF-8: 1 MiB.</summary>
    public const int MaxHolidaysTextBytes = 1024 * 1024;

    /// <summary>The most lines in a holidays text file: 100,000.</summary>
    public const int MaxHolidaysTextLines = 100_000;

    /// <summary>The largest FHIR JSON input (<c>FhirCourseMapper.ApplyAdministrations</c>), in bytes of UTF-8: 16 MiB.</summary>
    public const int MaxFhirJsonBytes = 16 * 1024 * 1024;

    /// <summary>The longest row of a batch CSV file, in bytes of UTF-8: 64 KiB (the widest row of valid values is under 1 KiB).</summary>
    public const int MaxCsvRecordBytes = 64 * 1024;

    /// <summary>The longest patient id in a batch CSV file, in characters (UTF-16 code units): 128.</summary>
    public const int MaxPatientIdLength = 128;

    /// <summary>The longest value of every other batch CSV column, in characters (UTF-16 code units): 64.</summary>
    public const int MaxCsvFieldLength = 64;

    /// <summary>
    /// Reads a stream as UTF-8 text (invalid bytes become U+FFFD), stopping one byte past
    /// <paramref name="maxBytes"/>: an endless stream such as <c>/dev/zero</c> is refused after
    /// that many bytes, never read whole.
    /// </summary>
    /// <param name="stream">The stream, read from its current position; not closed.</param>
    /// <param name="maxBytes">The most bytes accepted; at least 0. One of this class's byte limits.</param>
    /// <param name="limitName">The limit's name for the message, for example <c>nameof(InputLimits.MaxRecordJsonBytes)</c>.</param>
    /// <returns>The text, without a UTF-8 byte order mark.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="limitName"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is negative.</exception>
    /// <exception cref="InputLimitExceededException">The stream holds more than <paramref name="maxBytes"/> bytes.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static string ReadUtf8(Stream stream, int maxBytes, string limitName)
    {
        Preconditions.CheckNotNull(stream, nameof(stream));
        Preconditions.CheckNotNull(limitName, nameof(limitName));
        if (maxBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, $"maxBytes must be at least 0; was {maxBytes}");
        }
        var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        long total = 0;
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, (long)maxBytes + 1 - total))) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw InputLimitExceededException.MoreThan(limitName, maxBytes, "bytes");
            }
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Checks a text's UTF-8 length against a byte limit without encoding it.</summary>
    /// <exception cref="InputLimitExceededException">The text is longer than <paramref name="maxBytes"/> bytes of UTF-8.</exception>
    internal static void CheckUtf8Length(string text, int maxBytes, string limitName)
    {
        // Every UTF-16 code unit takes one to three UTF-8 bytes, so only a long text needs counting.
        if ((long)text.Length * 3 > maxBytes && Encoding.UTF8.GetByteCount(text) is var bytes && bytes > maxBytes)
        {
            throw InputLimitExceededException.Counted(limitName, maxBytes, bytes, "bytes");
        }
    }

    /// <summary>Checks a count against a limit.</summary>
    /// <exception cref="InputLimitExceededException"><paramref name="count"/> is above <paramref name="max"/>.</exception>
    internal static void CheckCount(long count, int max, string limitName, string unit)
    {
        if (count > max)
        {
            throw InputLimitExceededException.Counted(limitName, max, count, unit);
        }
    }
}
