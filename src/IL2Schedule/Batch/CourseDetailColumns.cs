using System;
using System.Globalization;
using NodaTime;

namespace IL2Schedule.Batch;

/// <summary>
/// Opt-in columns beside <see cref="CourseColumns"/> for the rest of what a <see cref="CourseSchedule"/>
/// holds: each cycle's start, window and bound, the course end date, the follow-up dates before
/// working days, the window's note and the dose amount's vials, diluent and concentration. Attach
/// them with <see cref="CourseColumns.WithDetails"/>; <see cref="BatchPlanner"/> then fills them
/// from the same rule results it writes into the columns (nothing is computed twice), so a writer can
/// give the JSON form of every course without planning it again.
/// </summary>
/// <remarks>
/// <para>
/// Course i's cycles are at <c>[i × CyclesPerCourse .. i × CyclesPerCourse + CycleCount]</c> of the
/// per-cycle columns (the protocol's <see cref="CourseProtocol.CycleCount"/>); its other values are at
/// index i. Times are Unix-epoch ticks in UTC, as in <see cref="CourseColumns"/>. A failed request's
/// row is cleared to zeros and nulls.
/// </para>
/// <para>
/// Planning allocates nothing per course for these columns except two texts, which are the
/// library's own: the window's note (<see cref="NextCourseWindow.Note"/>) of a course with a discharge
/// date that moved or emptied its window (a course without one shares its course end date's note),
/// and the dilution warning (<see cref="DoseAmount.ConcentrationWarning"/>) of a dose outside the
/// label's 0.03–0.07 mg/mL.
/// </para>
/// </remarks>
public sealed class CourseDetailColumns
{
    private readonly long[] cycleStarts;
    private readonly long[] cycleWindowEnds;
    private readonly int[] cycleWindowDoseCapacities;
    private readonly CycleBound[] cycleBounds;
    private readonly CycleStartResolution[] cycleStartResolutions;
    private readonly LocalDate[] courseEndDates;
    private readonly LocalDate[] responseAssessmentDatesUnadjusted;
    private readonly ResponseAssessmentDateReasons[] responseAssessmentDateReasons;
    private readonly LocalDate[] nextCourseWindowUnadjustedStarts;
    private readonly LocalDate[] nextCourseWindowUnadjustedEnds;
    private readonly NextCourseWindowReasons[] nextCourseWindowUnadjustedReasons;
    private readonly string?[] nextCourseWindowNotes;
    private readonly int[] doseVials;
    private readonly int[] doseDiluentMilliliters;
    private readonly decimal[] doseConcentrations;
    private readonly string?[] dilutionWarnings;
    private readonly decimal[] plannedCourseInternationalUnits;
    private readonly decimal[] plannedCourseMilligrams;

    private CourseDetailColumns(int courseCount, int cyclesPerCourse)
    {
        int slots = courseCount * cyclesPerCourse;
        CourseCount = courseCount;
        CyclesPerCourse = cyclesPerCourse;
        cycleStarts = new long[slots];
        cycleWindowEnds = new long[slots];
        cycleWindowDoseCapacities = new int[slots];
        cycleBounds = new CycleBound[slots];
        cycleStartResolutions = new CycleStartResolution[slots];
        courseEndDates = new LocalDate[courseCount];
        responseAssessmentDatesUnadjusted = new LocalDate[courseCount];
        responseAssessmentDateReasons = new ResponseAssessmentDateReasons[courseCount];
        nextCourseWindowUnadjustedStarts = new LocalDate[courseCount];
        nextCourseWindowUnadjustedEnds = new LocalDate[courseCount];
        nextCourseWindowUnadjustedReasons = new NextCourseWindowReasons[courseCount];
        nextCourseWindowNotes = new string?[courseCount];
        doseVials = new int[courseCount];
        doseDiluentMilliliters = new int[courseCount];
        doseConcentrations = new decimal[courseCount];
        dilutionWarnings = new string?[courseCount];
        plannedCourseInternationalUnits = new decimal[courseCount];
        plannedCourseMilligrams = new decimal[courseCount];
    }

    /// <summary>The number of courses the columns hold.</summary>
    public int CourseCount { get; }

    /// <summary>Cycle slots per course: the stride of the per-cycle columns.</summary>
    public int CyclesPerCourse { get; }

    /// <summary>Per cycle slot: the cycle's start (its first dose, <see cref="CycleSchedule.Start"/>) in Unix-epoch ticks.</summary>
    public Span<long> CycleStarts => cycleStarts;

    /// <summary>Per cycle slot: the exclusive end of the cycle's dosing window (<see cref="CycleSchedule.WindowEnd"/>) in Unix-epoch ticks.</summary>
    public Span<long> CycleWindowEnds => cycleWindowEnds;

    /// <summary>Per cycle slot: the dose times the cycle's window holds (<see cref="CycleSchedule.WindowDoseCapacity"/>).</summary>
    public Span<int> CycleWindowDoseCapacities => cycleWindowDoseCapacities;

    /// <summary>Per cycle slot: what ended the cycle's planned doses, the cap or the window (<see cref="CycleSchedule.BoundBy"/>).</summary>
    public Span<CycleBound> CycleBounds => cycleBounds;

    /// <summary>Per cycle slot: how the cycle's start was resolved in the zone (<see cref="CycleSchedule.StartResolution"/>; rule 2 of docs/rules.md).</summary>
    public Span<CycleStartResolution> CycleStartResolutions => cycleStartResolutions;

    /// <summary>Per course: the local date of the course end in its zone (<see cref="CourseSchedule.CourseEndDate"/>), from which the follow-up dates count.</summary>
    public Span<LocalDate> CourseEndDates => courseEndDates;

    /// <summary>Per course: the imaging date before working days (<see cref="CourseSchedule.ResponseAssessmentDateUnadjusted"/>).</summary>
    public Span<LocalDate> ResponseAssessmentDatesUnadjusted => responseAssessmentDatesUnadjusted;

    /// <summary>Per course: what moved the imaging date, or kept it from moving (<see cref="CourseSchedule.ResponseAssessmentDateReasons"/>).</summary>
    public Span<ResponseAssessmentDateReasons> ResponseAssessmentDateReasons => responseAssessmentDateReasons;

    /// <summary>Per course: the first day (inclusive) of the next-course window before working days (<see cref="CourseSchedule.NextCourseWindowUnadjusted"/>); <c>default</c> when it is empty.</summary>
    public Span<LocalDate> NextCourseWindowUnadjustedStarts => nextCourseWindowUnadjustedStarts;

    /// <summary>Per course: the last day (inclusive) of the next-course window before working days; <c>default</c> when it is empty.</summary>
    public Span<LocalDate> NextCourseWindowUnadjustedEnds => nextCourseWindowUnadjustedEnds;

    /// <summary>Per course: what moved or emptied the next-course window before working days (the discharge rule).</summary>
    public Span<NextCourseWindowReasons> NextCourseWindowUnadjustedReasons => nextCourseWindowUnadjustedReasons;

    /// <summary>Per course: the note that words the next-course window in force (<see cref="NextCourseWindow.Note"/>); null when there is none.</summary>
    public Span<string?> NextCourseWindowNotes => nextCourseWindowNotes;

    /// <summary>Per course: the vials one dose needs (<see cref="DoseAmount.Vials"/>); 0 without a body weight.</summary>
    public Span<int> DoseVials => doseVials;

    /// <summary>Per course: the diluent volume of one dose in mL (<see cref="DoseAmount.DiluentMilliliters"/>); 0 without a body weight.</summary>
    public Span<int> DoseDiluentMilliliters => doseDiluentMilliliters;

    /// <summary>Per course: the final concentration of one dose in mg/mL (<see cref="DoseAmount.ConcentrationMilligramsPerMilliliter"/>); 0 without a body weight or without the protocol's mg figure.</summary>
    public Span<decimal> DoseConcentrations => doseConcentrations;

    /// <summary>Per course: the warning for a concentration outside the label's range (<see cref="DoseAmount.ConcentrationWarning"/>); null when there is none.</summary>
    public Span<string?> DilutionWarnings => dilutionWarnings;

    /// <summary>Per course: the planned course's total in IU (<see cref="CourseSchedule.PlannedCourseInternationalUnits"/>); 0 without a body weight.</summary>
    public Span<decimal> PlannedCourseInternationalUnits => plannedCourseInternationalUnits;

    /// <summary>Per course: the planned course's total in mg (<see cref="CourseSchedule.PlannedCourseMilligrams"/>); 0 without a body weight or without the protocol's mg figure.</summary>
    public Span<decimal> PlannedCourseMilligrams => plannedCourseMilligrams;

    /// <summary>Allocates new arrays for <paramref name="courseCount"/> courses of up to <paramref name="cyclesPerCourse"/> cycles.</summary>
    /// <param name="courseCount">The number of courses; at least 0; the <see cref="CourseColumns"/> they go with must hold as many.</param>
    /// <param name="cyclesPerCourse">Cycle slots per course, for example <see cref="BatchPlanner.CyclesPerCourse"/>; at least 1.</param>
    /// <returns>The columns, all zero and null.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="courseCount"/> is negative, <paramref name="cyclesPerCourse"/> is less than 1, or their product exceeds <see cref="Array.MaxLength"/>.</exception>
    public static CourseDetailColumns Allocate(int courseCount, int cyclesPerCourse)
    {
        if (courseCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(courseCount), courseCount, Invariant($"courseCount must be at least 0; was {courseCount}"));
        }
        if (cyclesPerCourse < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(cyclesPerCourse), cyclesPerCourse, Invariant($"cyclesPerCourse must be at least 1; was {cyclesPerCourse}"));
        }
        long slots = (long)courseCount * cyclesPerCourse;
        if (slots > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(courseCount), courseCount, Invariant($"courseCount × cyclesPerCourse must be at most {Array.MaxLength}; was {slots}"));
        }
        return new CourseDetailColumns(courseCount, cyclesPerCourse);
    }

    /// <summary>Writes one planned cycle (the walker's values, as <see cref="CycleSchedule"/> holds them).</summary>
    internal void Cycle(int course, int cycleIndex, long start, CycleStartResolution resolution, long windowEnd, int capacity, int planned, int cap)
    {
        int slot = (course * CyclesPerCourse) + cycleIndex;
        cycleStarts[slot] = start;
        cycleWindowEnds[slot] = windowEnd;
        cycleWindowDoseCapacities[slot] = capacity;
        cycleBounds[slot] = planned < cap ? CycleBound.Window : CycleBound.Cap;
        cycleStartResolutions[slot] = resolution;
    }

    /// <summary>Writes one planned course's values.</summary>
    internal void Course(int course, LocalDate courseEndDate, in Rules.FollowUpDates followUp, string? note, DoseAmountValues amount)
    {
        courseEndDates[course] = courseEndDate;
        responseAssessmentDatesUnadjusted[course] = followUp.ResponseAssessmentDateUnadjusted;
        responseAssessmentDateReasons[course] = followUp.ResponseAssessmentDateReasons;
        var unadjusted = followUp.WindowUnadjusted;
        nextCourseWindowUnadjustedStarts[course] = unadjusted.IsEmpty ? default : unadjusted.Start;
        nextCourseWindowUnadjustedEnds[course] = unadjusted.IsEmpty ? default : unadjusted.End;
        nextCourseWindowUnadjustedReasons[course] = unadjusted.Reasons;
        nextCourseWindowNotes[course] = note;
        doseVials[course] = amount.Vials;
        doseDiluentMilliliters[course] = amount.DiluentMilliliters;
        doseConcentrations[course] = amount.Concentration;
        dilutionWarnings[course] = amount.Warning;
        plannedCourseInternationalUnits[course] = amount.CourseInternationalUnits;
        plannedCourseMilligrams[course] = amount.CourseMilligrams;
    }

    /// <summary>Clears a failed request's row, so that nothing of an earlier course remains.</summary>
    internal void Clear(int course)
    {
        int first = course * CyclesPerCourse;
        cycleStarts.AsSpan(first, CyclesPerCourse).Clear();
        cycleWindowEnds.AsSpan(first, CyclesPerCourse).Clear();
        cycleWindowDoseCapacities.AsSpan(first, CyclesPerCourse).Clear();
        cycleBounds.AsSpan(first, CyclesPerCourse).Clear();
        cycleStartResolutions.AsSpan(first, CyclesPerCourse).Clear();
        Course(course, default, default, null, default);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A dose amount's derived values as the batch stores them; all zero without a body weight.</summary>
internal readonly record struct DoseAmountValues(int Vials, int DiluentMilliliters, decimal Concentration, string? Warning, decimal CourseInternationalUnits, decimal CourseMilligrams);
