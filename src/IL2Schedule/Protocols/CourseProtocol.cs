using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace IL2Schedule;

/// <summary>
/// The rules of one high-dose IL-2 course as validated values: how many cycles, how long each is,
/// the rest between them, the dosing interval, the infusion length, the dose cap, the dose timing
/// (with the ward's standard administration times), how the cycle window is counted, the dose per
/// kilogram, the follow-up periods and how a stopped infusion counts towards the cap. Immutable; every instance is valid.
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
public sealed partial class CourseProtocol : IEquatable<CourseProtocol>
{
    private readonly ReadOnlyCollection<LocalTime> standardAdministrationTimes;

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
        Period minimumIntervalAfterDischarge,
        StoppedInfusionCounting stoppedInfusionCounting)
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
        StoppedInfusionCounting = stoppedInfusionCounting;
        DosingIntervalTicks = dosingInterval.BclCompatibleTicks;
        InfusionTicks = infusionDuration.BclCompatibleTicks;
        CycleWindowTicks = CycleWindow.BclCompatibleTicks;
        DaysBetweenCycleStartsTicks = (long)DaysBetweenCycleStarts * NodaConstants.TicksPerDay;
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
    /// How an infusion stopped before its planned end counts towards the dose cap when a course is
    /// re-planned; <see cref="StoppedInfusionCounting.CountsAsGiven"/> in both presets.
    /// </summary>
    /// <remarks>This library's choice: no source says how a partly given dose counts (see <see cref="StoppedInfusionCounting"/>); the label's cap is never exceeded (label section 2.1, Table 1).</remarks>
    public StoppedInfusionCounting StoppedInfusionCounting { get; }

    /// <summary>
    /// The elapsed length of a cycle's dosing window, measured from the cycle's first dose:
    /// <see cref="CycleLengthDays"/> × 24 hours (120 hours in both presets). The window is half-open:
    /// a dose may start at its first instant, not at its end. Used when <see cref="CycleWindowCounting"/>
    /// is <see cref="CycleWindowCounting.Elapsed"/>.
    /// </summary>
    public Duration CycleWindow => Duration.FromDays(CycleLengthDays);

    /// <summary><see cref="DosingInterval"/> in ticks (100 ns), the unit the rules compute in.</summary>
    internal long DosingIntervalTicks { get; }

    /// <summary><see cref="InfusionDuration"/> in ticks.</summary>
    internal long InfusionTicks { get; }

    /// <summary><see cref="CycleWindow"/> in ticks.</summary>
    internal long CycleWindowTicks { get; }

    /// <summary>The days from one cycle's nominal start to the next's (<see cref="DaysBetweenCycleStarts"/>) in ticks of clock time.</summary>
    internal long DaysBetweenCycleStartsTicks { get; }

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
    /// <exception cref="InvalidCourseProtocolException">
    /// <paramref name="doseTiming"/> is <see cref="DoseTiming.StandardTimes"/> and <see cref="StandardAdministrationTimes"/>
    /// are not whole minutes one <see cref="DosingInterval"/> apart around the day (as <see cref="CourseProtocolBuilder.Build"/> reports it).
    /// </exception>
    public CourseProtocol WithDoseTiming(DoseTiming doseTiming)
    {
        Preconditions.CheckDefined(doseTiming, nameof(doseTiming));
        return doseTiming == DoseTiming ? this : new CourseProtocolBuilder(this) { DoseTiming = doseTiming }.Build();
    }

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
        && MinimumIntervalAfterDischarge == other.MinimumIntervalAfterDischarge
        && StoppedInfusionCounting == other.StoppedInfusionCounting;

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
        hash.Add(StoppedInfusionCounting);
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
    /// "2 cycles of 5 days, 9 days' rest; 0:15:00 infusion every 8:00:00; at most 14 doses a cycle; 600000 IU/kg (0.037 mg/kg); Elapsed timing (standard times 00:00, 08:00, 16:00); Elapsed cycle window; imaging P4W; next course P6W–P12W, discharge +P7W; stopped infusions CountsAsGiven".
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{CycleCount} cycles of {CycleLengthDays} days, {RestPeriodDays} days' rest; {Format(InfusionDuration)} infusion every {Format(DosingInterval)}; at most {MaxDosesPerCycle} doses a cycle; {DoseInternationalUnitsPerKilogram} IU/kg ({(DoseMilligramsPerKilogram is { } milligrams ? milligrams.ToString(CultureInfo.InvariantCulture) : "no")} mg/kg); {DoseTiming} timing (standard times {FormatClockTimes(standardAdministrationTimes)}); {CycleWindowCounting} cycle window; imaging {ResponseAssessmentDelay}; next course {RetreatmentWindowStart}–{RetreatmentWindowEnd}, discharge +{MinimumIntervalAfterDischarge}; stopped infusions {StoppedInfusionCounting}");
}
