using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule;

/// <summary>
/// The rules of one high-dose IL-2 course as validated values: how many cycles, how long each is,
/// the rest between them, the dosing interval, the infusion length, the dose cap, the dose timing
/// (with the ward's standard administration times), how the cycle window is counted, the dose per
/// kilogram and the follow-up periods. Immutable; every instance is valid.
/// </summary>
/// <remarks>
/// <para>
/// Start from a preset, <see cref="Label"/> (the default) or <see cref="NciSurgeryBranch"/>, and
/// change settings with <see cref="ToBuilder"/>; <see cref="CourseProtocolBuilder.Build"/> checks
/// every setting and reports every problem in one message.
/// </para>
/// <para>
/// Source of the defaults: Proleukin (aldesleukin) prescribing information, section 2 and Table 1:
/// 600,000 IU/kg as a 15-minute intravenous infusion every 8 hours, days 1–5 and 15–19 (two
/// cycles of at most 14 doses, a 9-day rest), response assessment about 4 weeks after the
/// course, retreatment no sooner than 7 weeks after hospital discharge. The 6–12 week
/// retreatment window is from Atkins 1999 (J Clin Oncol 17:2105) and Fyfe 1995.
/// </para>
/// <para>Equality compares every setting.</para>
/// </remarks>
public sealed class CourseProtocol : IEquatable<CourseProtocol>
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

    private static readonly LocalDate PeriodReferenceDate = new(2001, 1, 1);

    private static readonly LocalDate FirstPeriodCheckDate = new(2000, 1, 1);

    /// <summary>Largest allowed <see cref="DoseMilligramsPerKilogram"/>. A guard: the label's figure is 0.037 mg/kg.</summary>
    internal const decimal MaxDoseMilligramsPerKilogram = 0.1m;

    internal static readonly DurationPattern DurationText = DurationPattern.CreateWithInvariantCulture("-H:mm:ss.FFFFFFFFF");

    internal static readonly LocalTimePattern ClockTimeText = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>00:00, 08:00 and 16:00: the standard administration times of both presets.</summary>
    private static readonly LocalTime[] DefaultStandardTimes = [new(0, 0), new(8, 0), new(16, 0)];

    private readonly ReadOnlyCollection<LocalTime> standardAdministrationTimes;

    /// <summary>
    /// The prescribing information's course: 600,000 IU/kg, 2 cycles of 5 days with a 9-day rest,
    /// a 15-minute infusion every 8 hours, at most 14 doses a cycle (28 a course), elapsed dose
    /// timing, response assessment 4 weeks after the course, the next course 6–12 weeks after it
    /// and at least 7 weeks after discharge.
    /// </summary>
    /// <remarks>Proleukin prescribing information, section 2.1 and Table 1; Atkins 1999 and Fyfe 1995 for 6–12 weeks.</remarks>
    public static CourseProtocol Label { get; } = new(
        doseInternationalUnitsPerKilogram: 600_000,
        doseMilligramsPerKilogram: 0.037m,
        cycleCount: 2,
        cycleLengthDays: 5,
        restPeriodDays: 9,
        dosingInterval: Duration.FromHours(8),
        infusionDuration: Duration.FromMinutes(15),
        maxDosesPerCycle: 14,
        doseTiming: DoseTiming.Elapsed,
        standardAdministrationTimes: DefaultStandardTimes,
        cycleWindowCounting: CycleWindowCounting.Elapsed,
        responseAssessmentDelay: Period.FromWeeks(4),
        retreatmentWindowStart: Period.FromWeeks(6),
        retreatmentWindowEnd: Period.FromWeeks(12),
        minimumIntervalAfterDischarge: Period.FromWeeks(7));

    /// <summary>
    /// The NCI Surgery Branch course: as <see cref="Label"/> but 720,000 IU/kg and up to 15 doses
    /// a cycle (every 8-hour slot of the 5-day window). The follow-up periods stay the label's. It
    /// has no dose in milligrams (<see cref="DoseMilligramsPerKilogram"/> is null): the NCI sources
    /// give the dose in IU/kg only.
    /// </summary>
    /// <remarks>
    /// Rosenberg, JAMA 1994; NCI protocol NCT01160445 ("up to 15 doses within at most 5 days").
    /// That protocol also evaluates about 2 weeks after treatment and retreats 6–8 weeks after the
    /// last dose; a centre that follows it sets <see cref="ResponseAssessmentDelay"/> and
    /// <see cref="RetreatmentWindowEnd"/> with <see cref="CourseProtocolBuilder"/>. The preset
    /// keeps the label's follow-up so that only the dose and the cap differ from <see cref="Label"/>.
    /// </remarks>
    public static CourseProtocol NciSurgeryBranch { get; } = new(
        doseInternationalUnitsPerKilogram: 720_000,
        doseMilligramsPerKilogram: null,
        cycleCount: 2,
        cycleLengthDays: 5,
        restPeriodDays: 9,
        dosingInterval: Duration.FromHours(8),
        infusionDuration: Duration.FromMinutes(15),
        maxDosesPerCycle: 15,
        doseTiming: DoseTiming.Elapsed,
        standardAdministrationTimes: DefaultStandardTimes,
        cycleWindowCounting: CycleWindowCounting.Elapsed,
        responseAssessmentDelay: Period.FromWeeks(4),
        retreatmentWindowStart: Period.FromWeeks(6),
        retreatmentWindowEnd: Period.FromWeeks(12),
        minimumIntervalAfterDischarge: Period.FromWeeks(7));

    private CourseProtocol(
        int doseInternationalUnitsPerKilogram,
        decimal? doseMilligramsPerKilogram,
        int cycleCount,
        int cycleLengthDays,
        int restPeriodDays,
        Duration dosingInterval,
        Duration infusionDuration,
        int maxDosesPerCycle,
        DoseTiming doseTiming,
        LocalTime[] standardAdministrationTimes,
        CycleWindowCounting cycleWindowCounting,
        Period responseAssessmentDelay,
        Period retreatmentWindowStart,
        Period retreatmentWindowEnd,
        Period minimumIntervalAfterDischarge)
    {
        DoseInternationalUnitsPerKilogram = doseInternationalUnitsPerKilogram;
        DoseMilligramsPerKilogram = doseMilligramsPerKilogram;
        CycleCount = cycleCount;
        CycleLengthDays = cycleLengthDays;
        RestPeriodDays = restPeriodDays;
        DosingInterval = dosingInterval;
        InfusionDuration = infusionDuration;
        MaxDosesPerCycle = maxDosesPerCycle;
        DoseTiming = doseTiming;
        this.standardAdministrationTimes = Array.AsReadOnly(standardAdministrationTimes);
        CycleWindowCounting = cycleWindowCounting;
        ResponseAssessmentDelay = responseAssessmentDelay;
        RetreatmentWindowStart = retreatmentWindowStart;
        RetreatmentWindowEnd = retreatmentWindowEnd;
        MinimumIntervalAfterDischarge = minimumIntervalAfterDischarge;
    }

    /// <summary>The dose per kilogram of body weight, in international units (IU/kg). Range [1, 1,000,000].</summary>
    /// <remarks>Label: 600,000 IU/kg (section 2.1). NCI Surgery Branch: 720,000 IU/kg. Doses are withheld for toxicity, never reduced (label section 2.4).</remarks>
    public int DoseInternationalUnitsPerKilogram { get; }

    /// <summary>
    /// The dose per kilogram of body weight in milligrams (mg/kg), or null when the protocol's source
    /// gives none. Range (0, 0.1] when set. 0.037 for <see cref="Label"/>; null for <see cref="NciSurgeryBranch"/>.
    /// </summary>
    /// <remarks>
    /// Label, section 2.1: 600,000 IU/kg (0.037 mg/kg). The label's IU and mg figures are not exactly
    /// proportional (a vial is 22 million IU or 1.3 mg), so the dose in mg is computed from this figure,
    /// never converted from the dose in IU (domain facts). The NCI Surgery Branch sources give only
    /// 720,000 IU/kg; converting it to mg would be this library's invention, so that preset has none.
    /// Keep this figure paired with <see cref="DoseInternationalUnitsPerKilogram"/> when changing either.
    /// </remarks>
    public decimal? DoseMilligramsPerKilogram { get; }

    /// <summary>The number of cycles in the course. Range [1, 10]; 2 in both presets.</summary>
    /// <remarks>Label, Table 1: cycle 1 on days 1–5, cycle 2 on days 15–19.</remarks>
    public int CycleCount { get; }

    /// <summary>
    /// The length of a cycle, in days. Range [1, 14]; 5 in both presets. Used twice: as calendar
    /// days between cycle starts (with <see cref="RestPeriodDays"/>) and as elapsed time for the
    /// cycle's dosing window (<see cref="CycleWindow"/>).
    /// </summary>
    /// <remarks>Label, Table 1: "days 1–5".</remarks>
    public int CycleLengthDays { get; }

    /// <summary>The rest between cycles, in calendar days. Range [0, 90]; 9 in both presets.</summary>
    /// <remarks>Label, Table 1: rest on days 6–14, so cycle 2 starts on day 15.</remarks>
    public int RestPeriodDays { get; }

    /// <summary>
    /// The elapsed time from the start of one dose to the start of the next (8 hours in both
    /// presets). A whole number of minutes, longer than <see cref="InfusionDuration"/>, at most 24 hours.
    /// </summary>
    /// <remarks>Label, section 2.1: "every 8 hours".</remarks>
    public Duration DosingInterval { get; }

    /// <summary>The elapsed length of each infusion (15 minutes in both presets). A positive whole number of minutes.</summary>
    /// <remarks>Label, section 2.1: "a 15-minute intravenous infusion".</remarks>
    public Duration InfusionDuration { get; }

    /// <summary>
    /// The dose cap of a cycle: the number of doses planned in each cycle. Range [1, <see cref="SlotsPerCycle"/>];
    /// 14 for the label, 15 for the NCI Surgery Branch.
    /// </summary>
    /// <remarks>Label, Table 1: "a maximum of 14 doses"; NCT01160445: "up to 15 doses".</remarks>
    public int MaxDosesPerCycle { get; }

    /// <summary>How doses are spaced across a daylight-saving change; <see cref="DoseTiming.Elapsed"/> in both presets.</summary>
    public DoseTiming DoseTiming { get; }

    /// <summary>
    /// The ward's standard administration times, local clock times that repeat every day, in
    /// ascending order: 00:00, 08:00 and 16:00 in both presets. Used only with
    /// <see cref="DoseTiming.StandardTimes"/>, and then checked: whole minutes, exactly
    /// <see cref="DosingInterval"/> apart around the day (the last to the first across midnight too).
    /// </summary>
    /// <remarks>HemOnc.org example orders for high-dose IL-2: 00:00, 08:00, 16:00 (domain facts, "Clock time").</remarks>
    public IReadOnlyList<LocalTime> StandardAdministrationTimes => standardAdministrationTimes;

    /// <summary>How a cycle's dosing window is counted; <see cref="CycleWindowCounting.Elapsed"/> (120 hours) in both presets.</summary>
    /// <remarks>Label, Table 1 ("days 1–5"); see <see cref="CycleWindowCounting"/> for why this is a choice.</remarks>
    public CycleWindowCounting CycleWindowCounting { get; }

    /// <summary>
    /// The calendar period from the course end date to the response-assessment (imaging) date:
    /// 4 weeks in both presets. Whole days, weeks, months or years; between 1 day and 1 year.
    /// </summary>
    /// <remarks>Label, "Retreatment": evaluate about 4 weeks after the course; "about a month" can be chosen as <c>Period.FromMonths(1)</c>.</remarks>
    public Period ResponseAssessmentDelay { get; }

    /// <summary>
    /// The calendar period from the course end date to the first day of the next-course window
    /// (inclusive): 6 weeks in both presets. Whole days, weeks, months or years; between 1 day and 1 year.
    /// </summary>
    /// <remarks>Atkins 1999 and Fyfe 1995: courses "every 6–12 weeks".</remarks>
    public Period RetreatmentWindowStart { get; }

    /// <summary>
    /// The calendar period from the course end date to the last day of the next-course window
    /// (inclusive): 12 weeks in both presets. Whole days, weeks, months or years; between 1 day
    /// and 1 year, and not shorter than <see cref="RetreatmentWindowStart"/>.
    /// </summary>
    /// <remarks>Atkins 1999 and Fyfe 1995: courses "every 6–12 weeks".</remarks>
    public Period RetreatmentWindowEnd { get; }

    /// <summary>
    /// The calendar period from the hospital discharge date to the earliest day of the next course:
    /// 7 weeks in both presets. Whole days, weeks, months or years; between 1 day and 1 year.
    /// </summary>
    /// <remarks>Label, "Retreatment": "at least 7 weeks from the date of hospital discharge".</remarks>
    public Period MinimumIntervalAfterDischarge { get; }

    /// <summary>
    /// The elapsed length of a cycle's dosing window, measured from the cycle's first dose:
    /// <see cref="CycleLengthDays"/> × 24 hours (120 hours in both presets). The window is half-open:
    /// a dose may start at its first instant, not at its end. Used when <see cref="CycleWindowCounting"/>
    /// is <see cref="CycleWindowCounting.Elapsed"/>.
    /// </summary>
    public Duration CycleWindow => Duration.FromDays(CycleLengthDays);

    /// <summary>
    /// The number of dosing-interval slots that start inside <see cref="CycleWindow"/>: 15 for
    /// 8-hour slots in 120 hours. <see cref="MaxDosesPerCycle"/> may not exceed it.
    /// </summary>
    /// <remarks>Five days counted as 120 elapsed hours hold 15 eight-hourly slots (domain facts: "14 or 15 doses per cycle").</remarks>
    public int SlotsPerCycle => CountSlots(CycleWindow, DosingInterval);

    /// <summary>The most doses a course can hold: <see cref="CycleCount"/> × <see cref="MaxDosesPerCycle"/> (28 for the label).</summary>
    public int MaxDosesPerCourse => checked(CycleCount * MaxDosesPerCycle);

    /// <summary>
    /// The calendar days from one cycle's start to the next: <see cref="CycleLengthDays"/> +
    /// <see cref="RestPeriodDays"/> (14 in both presets, so cycles start on days 1 and 15).
    /// </summary>
    public int DaysBetweenCycleStarts => checked(CycleLengthDays + RestPeriodDays);

    /// <summary>Returns a builder holding this protocol's settings, to change some and build a new protocol.</summary>
    /// <returns>A new, independent builder.</returns>
    public CourseProtocolBuilder ToBuilder() => new(this);

    /// <summary>Returns a protocol equal to this one except for its dose timing.</summary>
    /// <param name="doseTiming">The dose timing of the new protocol.</param>
    /// <returns>This instance if <paramref name="doseTiming"/> is unchanged, otherwise a new protocol.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="doseTiming"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="doseTiming"/> is <see cref="DoseTiming.StandardTimes"/> and <see cref="StandardAdministrationTimes"/>
    /// are not whole minutes one <see cref="DosingInterval"/> apart around the day (the message is <see cref="CourseProtocolBuilder.Build"/>'s).
    /// </exception>
    public CourseProtocol WithDoseTiming(DoseTiming doseTiming)
    {
        Preconditions.CheckDefined(doseTiming, nameof(doseTiming));
        return doseTiming == DoseTiming ? this : new CourseProtocolBuilder(this) { DoseTiming = doseTiming }.Build();
    }

    internal static CourseProtocol Create(CourseProtocolBuilder builder)
    {
        var problems = Validate(builder);
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid course protocol: " + string.Join(". ", problems) + ".");
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
            builder.MinimumIntervalAfterDischarge!);
    }

    private static List<string> Validate(CourseProtocolBuilder b)
    {
        var problems = new List<string>();
        CheckRange(problems, nameof(DoseInternationalUnitsPerKilogram), b.DoseInternationalUnitsPerKilogram, 1, MaxDoseInternationalUnitsPerKilogram);
        if (b.DoseMilligramsPerKilogram is { } milligrams && (milligrams <= 0 || milligrams > MaxDoseMilligramsPerKilogram))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(DoseMilligramsPerKilogram)} must be null or in range (0, {MaxDoseMilligramsPerKilogram}]; was {milligrams}"));
        }
        CheckRange(problems, nameof(CycleCount), b.CycleCount, 1, MaxCycleCount);
        CheckRange(problems, nameof(CycleLengthDays), b.CycleLengthDays, 1, MaxCycleLengthDays);
        CheckRange(problems, nameof(RestPeriodDays), b.RestPeriodDays, 0, MaxRestPeriodDays);

        bool intervalValid = CheckWholeMinutes(problems, nameof(DosingInterval), b.DosingInterval, Duration.FromDays(1));
        bool infusionValid = CheckWholeMinutes(problems, nameof(InfusionDuration), b.InfusionDuration, Duration.FromDays(1));
        if (intervalValid && infusionValid && b.DosingInterval <= b.InfusionDuration)
        {
            problems.Add($"{nameof(DosingInterval)} must be longer than {nameof(InfusionDuration)} ({Format(b.InfusionDuration)}); was {Format(b.DosingInterval)}");
        }

        if (intervalValid && b.CycleLengthDays is >= 1 and <= MaxCycleLengthDays)
        {
            int slots = CountSlots(Duration.FromDays(b.CycleLengthDays), b.DosingInterval);
            CheckRange(problems, nameof(MaxDosesPerCycle), b.MaxDosesPerCycle, 1, slots,
                $" (the slots {Format(b.DosingInterval)} apart in a {b.CycleLengthDays}-day window)");
        }
        else if (b.MaxDosesPerCycle < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxDosesPerCycle)} must be at least 1; was {b.MaxDosesPerCycle}"));
        }

        if (!Enum.IsDefined(b.DoseTiming))
        {
            problems.Add($"{nameof(DoseTiming)} must be one of {string.Join(", ", Enum.GetNames<DoseTiming>())}; was {b.DoseTiming}");
        }
        if (b.StandardAdministrationTimes is null)
        {
            problems.Add($"{nameof(StandardAdministrationTimes)} must not be null");
        }
        else if (b.DoseTiming == DoseTiming.StandardTimes && intervalValid && !AreStandardTimes(b.StandardAdministrationTimes, b.DosingInterval))
        {
            problems.Add($"{nameof(StandardAdministrationTimes)} must be whole-minute clock times {nameof(DosingInterval)} ({Format(b.DosingInterval)}) apart around the day, for example 00:00, 08:00, 16:00 for 8 hours; was {FormatClockTimes(b.StandardAdministrationTimes)}");
        }
        if (!Enum.IsDefined(b.CycleWindowCounting))
        {
            problems.Add($"{nameof(CycleWindowCounting)} must be one of {string.Join(", ", Enum.GetNames<CycleWindowCounting>())}; was {b.CycleWindowCounting}");
        }

        CheckFollowUpPeriod(problems, nameof(ResponseAssessmentDelay), b.ResponseAssessmentDelay);
        bool startValid = CheckFollowUpPeriod(problems, nameof(RetreatmentWindowStart), b.RetreatmentWindowStart);
        bool endValid = CheckFollowUpPeriod(problems, nameof(RetreatmentWindowEnd), b.RetreatmentWindowEnd);
        CheckFollowUpPeriod(problems, nameof(MinimumIntervalAfterDischarge), b.MinimumIntervalAfterDischarge);
        if (startValid && endValid && FirstDateWhereEndPrecedesStart(b.RetreatmentWindowStart!, b.RetreatmentWindowEnd!) is { } date)
        {
            problems.Add(date == FirstPeriodCheckDate
                ? $"{nameof(RetreatmentWindowEnd)} must not be shorter than {nameof(RetreatmentWindowStart)} ({b.RetreatmentWindowStart}); was {b.RetreatmentWindowEnd}"
                : $"{nameof(RetreatmentWindowEnd)} must not end before {nameof(RetreatmentWindowStart)} ({b.RetreatmentWindowStart}) from any course end date, as it does from {date:uuuu-MM-dd}; was {b.RetreatmentWindowEnd}");
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

    internal static string FormatClockTimes(IEnumerable<LocalTime> times)
    {
        string text = string.Join(", ", times.Select(time => time.Second == 0 && time.NanosecondOfSecond == 0
            ? ClockTimeText.Format(time)
            : time.ToString("HH:mm:ss.FFFFFFFFF", CultureInfo.InvariantCulture)));
        return text.Length == 0 ? "(none)" : text;
    }

    private static void CheckRange(List<string> problems, string name, int value, int min, int max, string why = "")
    {
        if (value < min || value > max)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be in range [{min}, {max}]{why}; was {value}"));
        }
    }

    private static bool CheckWholeMinutes(List<string> problems, string name, Duration value, Duration max)
    {
        if (value <= Duration.Zero || value > max || value.SubsecondNanoseconds != 0 || value.Seconds != 0)
        {
            problems.Add($"{name} must be a positive whole number of minutes, at most {Format(max)}; was {Format(value)}");
            return false;
        }
        return true;
    }

    private static bool CheckFollowUpPeriod(List<string> problems, string name, Period? value)
    {
        if (value is null)
        {
            problems.Add($"{name} must not be null");
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
            problems.Add($"{name} must be whole days, weeks, months or years, between 1 day and 1 year; was {value}");
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

    private static int CountSlots(Duration window, Duration interval) =>
        checked((int)((window.TotalTicks + interval.TotalTicks - 1) / interval.TotalTicks));

    internal static string Format(Duration duration) => DurationText.Format(duration);

    /// <inheritdoc/>
    public bool Equals(CourseProtocol? other) =>
        other is not null
        && DoseInternationalUnitsPerKilogram == other.DoseInternationalUnitsPerKilogram
        && DoseMilligramsPerKilogram == other.DoseMilligramsPerKilogram
        && CycleCount == other.CycleCount
        && CycleLengthDays == other.CycleLengthDays
        && RestPeriodDays == other.RestPeriodDays
        && DosingInterval == other.DosingInterval
        && InfusionDuration == other.InfusionDuration
        && MaxDosesPerCycle == other.MaxDosesPerCycle
        && DoseTiming == other.DoseTiming
        && standardAdministrationTimes.SequenceEqual(other.standardAdministrationTimes)
        && CycleWindowCounting == other.CycleWindowCounting
        && ResponseAssessmentDelay == other.ResponseAssessmentDelay
        && RetreatmentWindowStart == other.RetreatmentWindowStart
        && RetreatmentWindowEnd == other.RetreatmentWindowEnd
        && MinimumIntervalAfterDischarge == other.MinimumIntervalAfterDischarge;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CourseProtocol);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(DoseInternationalUnitsPerKilogram);
        hash.Add(CycleCount);
        hash.Add(CycleLengthDays);
        hash.Add(RestPeriodDays);
        hash.Add(DosingInterval);
        hash.Add(InfusionDuration);
        hash.Add(MaxDosesPerCycle);
        hash.Add(DoseTiming);
        hash.Add(CycleWindowCounting);
        hash.Add(ResponseAssessmentDelay);
        hash.Add(RetreatmentWindowStart);
        hash.Add(RetreatmentWindowEnd);
        hash.Add(MinimumIntervalAfterDischarge);
        return hash.ToHashCode();
    }

    /// <summary>Compares two protocols setting by setting.</summary>
    /// <param name="left">The first protocol, or null.</param>
    /// <param name="right">The second protocol, or null.</param>
    /// <returns>True if both are null or every setting is equal.</returns>
    public static bool operator ==(CourseProtocol? left, CourseProtocol? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two protocols setting by setting.</summary>
    /// <param name="left">The first protocol, or null.</param>
    /// <param name="right">The second protocol, or null.</param>
    /// <returns>True if exactly one is null or any setting differs.</returns>
    public static bool operator !=(CourseProtocol? left, CourseProtocol? right) => !(left == right);

    /// <summary>
    /// An invariant description of every setting, for logs, for example
    /// "2 cycles of 5 days, 9 days' rest; 0:15:00 infusion every 8:00:00; at most 14 doses a cycle; 600000 IU/kg (0.037 mg/kg); Elapsed timing (standard times 00:00, 08:00, 16:00); Elapsed cycle window; imaging P4W; next course P6W–P12W, discharge +P7W".
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{CycleCount} cycles of {CycleLengthDays} days, {RestPeriodDays} days' rest; {Format(InfusionDuration)} infusion every {Format(DosingInterval)}; at most {MaxDosesPerCycle} doses a cycle; {DoseInternationalUnitsPerKilogram} IU/kg ({(DoseMilligramsPerKilogram is { } milligrams ? milligrams.ToString(CultureInfo.InvariantCulture) : "no")} mg/kg); {DoseTiming} timing (standard times {FormatClockTimes(standardAdministrationTimes)}); {CycleWindowCounting} cycle window; imaging {ResponseAssessmentDelay}; next course {RetreatmentWindowStart}–{RetreatmentWindowEnd}, discharge +{MinimumIntervalAfterDischarge}");
}
