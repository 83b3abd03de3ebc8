using System;
using System.Globalization;

namespace IL2Schedule;

/// <summary>
/// Input is larger than one of the <see cref="InputLimits"/>: the message names the limit, its
/// value and what was found, and the reader stopped there. An <see cref="ArgumentException"/>, so
/// code that treats bad input as an argument error keeps working.
/// </summary>
public sealed class InputLimitExceededException : ArgumentException
{
    /// <summary>Creates the exception; the message is worded from the values.</summary>
    /// <param name="limitName">The limit's name, such as <c>nameof(InputLimits.MaxIcsEvents)</c>.</param>
    /// <param name="maximum">The limit's value.</param>
    /// <param name="found">What was found, in the same unit.</param>
    /// <param name="unit">The unit, plural: "bytes", "events", "lines".</param>
    /// <param name="atLeast">True when reading stopped at the limit, so only "more than <paramref name="maximum"/>" is known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="limitName"/> is null.</exception>
    public InputLimitExceededException(string limitName, long maximum, long found, string unit, bool atLeast = false)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"The input has {(atLeast ? "more than " : "")}{(atLeast ? maximum : found):N0} {unit}; the limit {nameof(InputLimits)}.{limitName} is {maximum:N0} {unit}{(atLeast ? ", and reading stopped there" : "")}."))
    {
        LimitName = limitName ?? throw new ArgumentNullException(nameof(limitName));
        Maximum = maximum;
        Found = found;
    }

    /// <summary>The limit's name: a constant of <see cref="InputLimits"/> or <see cref="WorkingDayCalendar"/>, such as <c>MaxRecordJsonBytes</c>.</summary>
    public string LimitName { get; }

    /// <summary>The limit's value, in its unit (bytes, events, lines, occurrences, levels).</summary>
    public long Maximum { get; }

    /// <summary>What was found, in the same unit; for a stream that was not read past the limit, <see cref="Maximum"/> + 1.</summary>
    public long Found { get; }

    internal static InputLimitExceededException Counted(string limitName, long maximum, long found, string unit) =>
        new(limitName, maximum, found, unit);

    internal static InputLimitExceededException MoreThan(string limitName, long maximum, string unit) =>
        new(limitName, maximum, maximum + 1, unit, atLeast: true);
}
