using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule.Batch;

/// <summary>
/// The time unit of <see cref="CourseColumns"/>: ticks (100 ns) since the Unix epoch,
/// 1970-01-01T00:00:00Z, in UTC — the layout of an Apache Arrow timestamp column (a signed 64-bit
/// count from the epoch, in UTC) at a unit of 100 ns, and NodaTime's <see cref="Instant.ToUnixTimeTicks"/>.
/// </summary>
/// <remarks>
/// A tick is this library's choice of unit: it is the finest unit whose 64-bit range covers every
/// date the planner accepts (years 1 to 9999; nanoseconds would end in 2262), it is exact for every
/// batch time (protocol durations are whole minutes, zone offsets whole seconds, first doses are
/// required to be whole ticks), and it is .NET's and NodaTime's unit for <see cref="DateTime.Ticks"/>
/// and <see cref="Instant.ToUnixTimeTicks"/>.
/// </remarks>
public static class BatchTime
{
    /// <summary>Ticks in one second: 10,000,000 (a tick is 100 ns).</summary>
    public const long TicksPerSecond = NodaConstants.TicksPerSecond;

    /// <summary>The instant of a column value.</summary>
    /// <param name="unixTicks">Ticks since 1970-01-01T00:00:00Z.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value lies outside NodaTime's range of instants (years −9998 to 9999).</exception>
    public static Instant ToInstant(long unixTicks) => Instant.FromUnixTimeTicks(unixTicks);

    /// <summary>The column value of an instant.</summary>
    /// <param name="instant">An instant that is a whole number of ticks since the epoch.</param>
    /// <returns>Ticks since 1970-01-01T00:00:00Z.</returns>
    /// <exception cref="ArgumentException"><paramref name="instant"/> has a part of a tick (nanoseconds not a multiple of 100), which a column cannot hold exactly.</exception>
    public static long ToUnixTicks(Instant instant)
    {
        long ticks = instant.ToUnixTimeTicks();
        if (Instant.FromUnixTimeTicks(ticks) != instant)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"instant must be a whole number of ticks (100 ns) since the Unix epoch to fit a batch column; was {InstantPattern.ExtendedIso.Format(instant)}"),
                nameof(instant));
        }
        return ticks;
    }
}
