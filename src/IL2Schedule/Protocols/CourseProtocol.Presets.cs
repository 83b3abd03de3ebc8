using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using NodaTime;

namespace IL2Schedule;

/// <content>The presets: the prescribing information's course and the NCI Surgery Branch course, and both by name.</content>
public sealed partial class CourseProtocol
{
    /// <summary>00:00, 08:00 and 16:00: the standard administration times of both presets.</summary>
    private static readonly LocalTime[] DefaultStandardTimes = [new(0, 0), new(8, 0), new(16, 0)];

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
        minimumIntervalAfterDischarge: Period.FromWeeks(7),
        stoppedInfusionCounting: StoppedInfusionCounting.CountsAsGiven);

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
        minimumIntervalAfterDischarge: Period.FromWeeks(7),
        stoppedInfusionCounting: StoppedInfusionCounting.CountsAsGiven);

    /// <summary>
    /// The presets by the names a user types: <c>"label"</c> for <see cref="Label"/> and
    /// <c>"nci"</c> for <see cref="NciSurgeryBranch"/>. Names are matched exactly (ordinal, case-sensitive).
    /// </summary>
    /// <remarks>For command lines, forms and files that name a protocol; the sources are on each preset.</remarks>
    public static IReadOnlyDictionary<string, CourseProtocol> Presets => PresetTable.ByName;

    /// <summary>Holds the table apart, so that it is built after the presets themselves.</summary>
    private static class PresetTable
    {
        internal static readonly ReadOnlyDictionary<string, CourseProtocol> ByName = new(
            new Dictionary<string, CourseProtocol>(StringComparer.Ordinal)
            {
                ["label"] = Label,
                ["nci"] = NciSurgeryBranch,
            });
    }
}
