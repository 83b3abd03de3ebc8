using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule;

/// <content>The guards on each setting (against typing errors, not clinical limits) and the text of settings in messages.</content>
public sealed partial class CourseProtocol
{
    /// <summary>Largest allowed <see cref="CycleCount"/> (the smallest is 1). A guard against typing errors: the label and NCI protocols use 2.</summary>
    internal const int MaxCycleCount = 10;

    /// <summary>Largest allowed <see cref="CycleLengthDays"/>. A guard: the label's cycles last 5 days.</summary>
    internal const int MaxCycleLengthDays = 14;

    /// <summary>Largest allowed <see cref="RestPeriodDays"/>. A guard: the label's rest lasts 9 days.</summary>
    internal const int MaxRestPeriodDays = 90;

    /// <summary>Largest allowed <see cref="DoseInternationalUnitsPerKilogram"/>. A guard: the highest dose in use is 720,000 IU/kg.</summary>
    internal const int MaxDoseInternationalUnitsPerKilogram = 1_000_000;

    /// <summary>Longest allowed follow-up period, in days. A guard: the longest in the sources is 12 weeks.</summary>
    internal const int MaxFollowUpDays = 366;

    /// <summary>Largest allowed <see cref="DoseMilligramsPerKilogram"/>. A guard: the label's figure is 0.037 mg/kg.</summary>
    internal const decimal MaxDoseMilligramsPerKilogram = 0.1m;

    internal static readonly DurationPattern DurationText = DurationPattern.CreateWithInvariantCulture("-H:mm:ss.FFFFFFFFF");

    internal static readonly LocalTimePattern ClockTimeText = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    internal static string FormatClockTimes(IEnumerable<LocalTime> times)
    {
        string text = string.Join(", ", times.Select(time => time.Second == 0 && time.NanosecondOfSecond == 0
            ? ClockTimeText.Format(time)
            : time.ToString("HH:mm:ss.FFFFFFFFF", CultureInfo.InvariantCulture)));
        return text.Length == 0 ? "(none)" : text;
    }

    private static int CountSlots(Duration window, Duration interval) =>
        checked((int)((window.TotalTicks + interval.TotalTicks - 1) / interval.TotalTicks));

    internal static string Format(Duration duration) => DurationText.Format(duration);
}
