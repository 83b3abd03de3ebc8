using System;
using System.Text;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace IL2Schedule.Cli;

/// <summary>
/// Instants as the JSON form writes them, in UTF-8: RFC 3339 local time with the offset always as
/// <c>+HH:mm</c> ("2027-03-14T09:00:00-04:00"), with a fraction of a second only when there is one.
/// The calendar fields come from NodaTime; only the digits are written here.
/// </summary>
internal static class Rfc3339Utf8
{
    /// <summary>The longest text: a fraction of nine digits.</summary>
    internal const int MaxLength = 35;

    /// <summary>The JSON form's pattern, for the rare time with a fraction of a second.</summary>
    private static readonly OffsetDateTimePattern WithFraction =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");

    /// <summary>The zone's offset at <paramref name="instant"/>, keeping the interval last used: a course meets one or two.</summary>
    internal static Offset OffsetAt(DateTimeZone zone, ref ZoneInterval interval, Instant instant)
    {
        if (!interval.Contains(instant))
        {
            interval = zone.GetZoneInterval(instant);
        }
        return interval.WallOffset;
    }

    /// <summary>Writes "2027-03-14T09:00:00-04:00" into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes).</summary>
    /// <returns>The bytes written.</returns>
    internal static int Format(Instant instant, Offset offset, Span<byte> destination)
    {
        var local = instant.WithOffset(offset);
        if (local.NanosecondOfSecond != 0)
        {
            return Encoding.UTF8.GetBytes(WithFraction.Format(local), destination);
        }
        Digits(destination, 0, local.Year, 4);
        destination[4] = (byte)'-';
        Digits(destination, 5, local.Month, 2);
        destination[7] = (byte)'-';
        Digits(destination, 8, local.Day, 2);
        destination[10] = (byte)'T';
        Digits(destination, 11, local.Hour, 2);
        destination[13] = (byte)':';
        Digits(destination, 14, local.Minute, 2);
        destination[16] = (byte)':';
        Digits(destination, 17, local.Second, 2);
        int seconds = offset.Seconds;
        destination[19] = seconds < 0 ? (byte)'-' : (byte)'+';
        seconds = Math.Abs(seconds);
        Digits(destination, 20, seconds / 3600, 2);
        destination[22] = (byte)':';
        Digits(destination, 23, seconds / 60 % 60, 2);
        return 25;
    }

    /// <summary>Writes a local date-time as the JSON form does (NodaTime's extended ISO pattern), "2027-03-10T08:00:00", a fraction of a second only when there is one.</summary>
    /// <returns>The bytes written.</returns>
    internal static int Format(LocalDateTime local, Span<byte> destination)
    {
        if (local.NanosecondOfSecond != 0)
        {
            return Encoding.UTF8.GetBytes(LocalDateTimePattern.ExtendedIso.Format(local), destination);
        }
        int length = Format(local.Date, destination);
        destination[length] = (byte)'T';
        Digits(destination, 11, local.Hour, 2);
        destination[13] = (byte)':';
        Digits(destination, 14, local.Minute, 2);
        destination[16] = (byte)':';
        Digits(destination, 17, local.Second, 2);
        return 19;
    }

    /// <summary>Writes "2027-04-25".</summary>
    /// <returns>The bytes written: 10.</returns>
    internal static int Format(LocalDate date, Span<byte> destination)
    {
        Digits(destination, 0, date.Year, 4);
        destination[4] = (byte)'-';
        Digits(destination, 5, date.Month, 2);
        destination[7] = (byte)'-';
        Digits(destination, 8, date.Day, 2);
        return 10;
    }

    private static void Digits(Span<byte> destination, int at, int value, int count)
    {
        for (int i = at + count - 1; i >= at; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
