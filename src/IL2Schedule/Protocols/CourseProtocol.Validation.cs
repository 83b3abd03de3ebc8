using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace IL2Schedule;

/// <content>Validation: every setting of a builder checked at once, every problem reported in one exception.</content>
public sealed partial class CourseProtocol
{
    /// <summary>The date from which a follow-up period's length in days is measured.</summary>
    private static readonly LocalDate PeriodReferenceDate = new(2001, 1, 1);

    /// <summary>The first course end date on which the retreatment window's end is compared with its start.</summary>
    private static readonly LocalDate FirstPeriodCheckDate = new(2000, 1, 1);

    internal static CourseProtocol Create(CourseProtocolBuilder builder)
    {
        var problems = Validate(builder);
        if (problems.Count > 0)
        {
            throw new InvalidCourseProtocolException(problems);
        }
        return new CourseProtocol(
            builder.DoseInternationalUnitsPerKilogram,
            builder.DoseMilligramsPerKilogram,
            builder.CycleCount,
            builder.CycleLengthDays,
            builder.RestPeriodDays,
            builder.DosingInterval,
            builder.InfusionDuration,
            builder.MaxDosesPerCycle,
            builder.DoseTiming,
            [.. builder.StandardAdministrationTimes!.Order()],
            builder.CycleWindowCounting,
            builder.ResponseAssessmentDelay!,
            builder.RetreatmentWindowStart!,
            builder.RetreatmentWindowEnd!,
            builder.MinimumIntervalAfterDischarge!,
            builder.StoppedInfusionCounting);
    }

    private static List<CourseProtocolProblem> Validate(CourseProtocolBuilder b)
    {
        var problems = new List<CourseProtocolProblem>();
        CheckRange(problems, nameof(DoseInternationalUnitsPerKilogram), b.DoseInternationalUnitsPerKilogram, 1, MaxDoseInternationalUnitsPerKilogram);
        if (b.DoseMilligramsPerKilogram is { } milligrams && (milligrams <= 0 || milligrams > MaxDoseMilligramsPerKilogram))
        {
            problems.Add(new(nameof(DoseMilligramsPerKilogram), string.Create(CultureInfo.InvariantCulture, $"must be null or in range (0, {MaxDoseMilligramsPerKilogram}]; was {milligrams}")));
        }
        CheckRange(problems, nameof(CycleCount), b.CycleCount, 1, MaxCycleCount);
        CheckRange(problems, nameof(CycleLengthDays), b.CycleLengthDays, 1, MaxCycleLengthDays);
        CheckRange(problems, nameof(RestPeriodDays), b.RestPeriodDays, 0, MaxRestPeriodDays);

        bool intervalValid = CheckWholeMinutes(problems, nameof(DosingInterval), b.DosingInterval, Duration.FromDays(1));
        bool infusionValid = CheckWholeMinutes(problems, nameof(InfusionDuration), b.InfusionDuration, Duration.FromDays(1));
        if (intervalValid && infusionValid && b.DosingInterval <= b.InfusionDuration)
        {
            problems.Add(new(nameof(DosingInterval), $"must be longer than {nameof(InfusionDuration)} ({Format(b.InfusionDuration)}); was {Format(b.DosingInterval)}", RuleBook.Planning(5)));
        }

        if (intervalValid && b.CycleLengthDays is >= 1 and <= MaxCycleLengthDays)
        {
            int slots = CountSlots(Duration.FromDays(b.CycleLengthDays), b.DosingInterval);
            CheckRange(problems, nameof(MaxDosesPerCycle), b.MaxDosesPerCycle, 1, slots,
                $" (the slots {Format(b.DosingInterval)} apart in a {b.CycleLengthDays}-day window)", RuleBook.Planning(4));
        }
        else if (b.MaxDosesPerCycle < 1)
        {
            problems.Add(new(nameof(MaxDosesPerCycle), string.Create(CultureInfo.InvariantCulture, $"must be at least 1; was {b.MaxDosesPerCycle}")));
        }

        if (!Enum.IsDefined(b.DoseTiming))
        {
            problems.Add(new(nameof(DoseTiming), $"must be one of {string.Join(", ", Enum.GetNames<DoseTiming>())}; was {b.DoseTiming}"));
        }
        if (b.StandardAdministrationTimes is null)
        {
            problems.Add(new(nameof(StandardAdministrationTimes), "must not be null"));
        }
        else if (b.DoseTiming == DoseTiming.StandardTimes && intervalValid && !AreStandardTimes(b.StandardAdministrationTimes, b.DosingInterval))
        {
            problems.Add(new(nameof(StandardAdministrationTimes), $"must be whole-minute clock times {nameof(DosingInterval)} ({Format(b.DosingInterval)}) apart around the day, for example 00:00, 08:00, 16:00 for 8 hours; was {FormatClockTimes(b.StandardAdministrationTimes)}", RuleBook.Planning(11)));
        }
        if (!Enum.IsDefined(b.CycleWindowCounting))
        {
            problems.Add(new(nameof(CycleWindowCounting), $"must be one of {string.Join(", ", Enum.GetNames<CycleWindowCounting>())}; was {b.CycleWindowCounting}"));
        }
        if (!Enum.IsDefined(b.StoppedInfusionCounting))
        {
            problems.Add(new(nameof(StoppedInfusionCounting), $"must be one of {string.Join(", ", Enum.GetNames<StoppedInfusionCounting>())}; was {b.StoppedInfusionCounting}"));
        }

        CheckFollowUpPeriod(problems, nameof(ResponseAssessmentDelay), b.ResponseAssessmentDelay);
        bool startValid = CheckFollowUpPeriod(problems, nameof(RetreatmentWindowStart), b.RetreatmentWindowStart);
        bool endValid = CheckFollowUpPeriod(problems, nameof(RetreatmentWindowEnd), b.RetreatmentWindowEnd);
        CheckFollowUpPeriod(problems, nameof(MinimumIntervalAfterDischarge), b.MinimumIntervalAfterDischarge);
        if (startValid && endValid && FirstDateWhereEndPrecedesStart(b.RetreatmentWindowStart!, b.RetreatmentWindowEnd!) is { } date)
        {
            problems.Add(new(nameof(RetreatmentWindowEnd), date == FirstPeriodCheckDate
                ? $"must not be shorter than {nameof(RetreatmentWindowStart)} ({b.RetreatmentWindowStart}); was {b.RetreatmentWindowEnd}"
                : $"must not end before {nameof(RetreatmentWindowStart)} ({b.RetreatmentWindowStart}) from any course end date, as it does from {date:uuuu-MM-dd}; was {b.RetreatmentWindowEnd}",
                RuleBook.Planning(8)));
        }
        return problems;
    }

    /// <summary>
    /// True if <paramref name="times"/>, in ascending order, are whole minutes and each is
    /// <paramref name="interval"/> after the one before, the first also after the last across
    /// midnight: so they fill the day with one dosing interval between each pair.
    /// </summary>
    private static bool AreStandardTimes(IReadOnlyList<LocalTime> times, Duration interval)
    {
        if (times.Count == 0 || times.Any(time => time.Second != 0 || time.NanosecondOfSecond != 0))
        {
            return false;
        }
        var sorted = times.Order().ToArray();
        long intervalMinutes = (long)interval.TotalMinutes;
        for (int i = 0; i < sorted.Length; i++)
        {
            long from = (sorted[i].Hour * 60) + sorted[i].Minute;
            long to = i + 1 < sorted.Length ? (sorted[i + 1].Hour * 60) + sorted[i + 1].Minute : (sorted[0].Hour * 60) + sorted[0].Minute + (24 * 60);
            if (to - from != intervalMinutes)
            {
                return false;
            }
        }
        return true;
    }

    private static void CheckRange(List<CourseProtocolProblem> problems, string name, int value, int min, int max, string why = "", RuleText? rule = null)
    {
        if (value < min || value > max)
        {
            problems.Add(new(name, string.Create(CultureInfo.InvariantCulture, $"must be in range [{min}, {max}]{why}; was {value}"), rule));
        }
    }

    private static bool CheckWholeMinutes(List<CourseProtocolProblem> problems, string name, Duration value, Duration max)
    {
        if (value <= Duration.Zero || value > max || value.SubsecondNanoseconds != 0 || value.Seconds != 0)
        {
            problems.Add(new(name, $"must be a positive whole number of minutes, at most {Format(max)}; was {Format(value)}"));
            return false;
        }
        return true;
    }

    private static bool CheckFollowUpPeriod(List<CourseProtocolProblem> problems, string name, Period? value)
    {
        if (value is null)
        {
            problems.Add(new(name, "must not be null"));
            return false;
        }
        bool valid = !value.HasTimeComponent
            && value.Years >= 0 && value.Months >= 0 && value.Weeks >= 0 && value.Days >= 0
            && value.Years <= 1 && value.Months <= 12 && value.Weeks <= 53 && value.Days <= MaxFollowUpDays;
        if (valid)
        {
            int days = Period.Between(PeriodReferenceDate, PeriodReferenceDate.Plus(value), PeriodUnits.Days).Days;
            valid = days is >= 1 and <= MaxFollowUpDays;
        }
        if (!valid)
        {
            problems.Add(new(name, $"must be whole days, weeks, months or years, between 1 day and 1 year; was {value}"));
        }
        return valid;
    }

    /// <summary>
    /// The first date on which adding <paramref name="end"/> gives an earlier date than adding
    /// <paramref name="start"/> (possible when months and days are mixed), or null if there is none.
    /// A leap year and a common year hold every combination of month length and day of month.
    /// </summary>
    private static LocalDate? FirstDateWhereEndPrecedesStart(Period start, Period end)
    {
        bool calendarMonths = start.Months != 0 || start.Years != 0 || end.Months != 0 || end.Years != 0;
        var lastDate = calendarMonths ? new LocalDate(2001, 12, 31) : FirstPeriodCheckDate;
        for (var date = FirstPeriodCheckDate; date <= lastDate; date = date.PlusDays(1))
        {
            if (date.Plus(end) < date.Plus(start))
            {
                return date;
            }
        }
        return null;
    }
}
