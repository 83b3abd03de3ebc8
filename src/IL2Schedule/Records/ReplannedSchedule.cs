using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using IL2Schedule.Rules;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>
/// The schedule that follows from a <see cref="CourseRecord"/>: every cycle's slots with their
/// status, whether the course is complete, the course end (actual or projected) and the dates
/// that follow from it. Immutable; made by <see cref="CourseRecord.Schedule"/> and <see cref="CourseRecord.GetStatus(Instant)"/>.
/// </summary>
/// <remarks>Re-planning rules 1–4 (see CourseRecord); the follow-up rules are the planner's (<see cref="CoursePlanner"/>, rules 6–7).</remarks>
public sealed class ReplannedSchedule
{
    private readonly ReadOnlyCollection<ReplannedCycle> cycles;
    private readonly ReadOnlyCollection<DoseSlot> slots;

    internal ReplannedSchedule(CourseRecord record, Instant knownTime, ReplannedCycle[] cycles, bool isComplete, ZonedDateTime? courseEnd, LocalDate? dischargeDate)
    {
        Record = record;
        KnownTime = knownTime;
        this.cycles = Array.AsReadOnly(cycles);
        slots = Array.AsReadOnly(cycles.SelectMany(cycle => cycle.Slots).ToArray());
        IsComplete = isComplete;
        CourseEnd = courseEnd;
        DischargeDate = dischargeDate;
        if (courseEnd is { } end)
        {
            var plan = record.Plan;
            var followUp = FollowUpResults.For(plan.Protocol, CourseEndRule.Date(end), dischargeDate, plan.WorkingDayCalendar, plan.ImagingDateShift);
            ResponseAssessmentDateUnadjusted = followUp.ResponseAssessmentDateUnadjusted;
            ResponseAssessmentDate = followUp.ResponseAssessmentDate;
            ResponseAssessmentDateReasons = followUp.ResponseAssessmentDateReasons;
            NextCourseWindowUnadjusted = followUp.NextCourseWindowUnadjusted;
            NextCourseWindow = followUp.NextCourseWindow;
        }
    }

    /// <summary>The record this schedule was computed from.</summary>
    public CourseRecord Record { get; }

    /// <summary>
    /// The latest instant known to have passed: the status query's instant, or the latest recorded
    /// start, end or stop if later. Windows that closed by then count as closed; with no query and
    /// no events it is <see cref="Instant.MinValue"/>.
    /// </summary>
    public Instant KnownTime { get; }

    /// <summary>The cycles in order.</summary>
    public IReadOnlyList<ReplannedCycle> Cycles => cycles;

    /// <summary>Every listed slot of every cycle, in order, numbered from 1 by <see cref="DoseSlot.Number"/>.</summary>
    public IReadOnlyList<DoseSlot> Slots => slots;

    /// <summary>True once every cycle has ended or the course was stopped.</summary>
    public bool IsComplete { get; }

    /// <summary>
    /// For a complete course, the end of the last given dose (null if none was given); before
    /// that, the projected end of the last planned dose (or of the last given one, if later).
    /// </summary>
    /// <remarks>Re-planning rule 4; the label counts follow-up from the end of the course.</remarks>
    public ZonedDateTime? CourseEnd { get; }

    /// <summary>The local date of <see cref="CourseEnd"/>, or null.</summary>
    public LocalDate? CourseEndDate => CourseEnd?.Date;

    /// <summary>The recorded discharge date, or null.</summary>
    public LocalDate? DischargeDate { get; }

    /// <summary>
    /// The response-assessment (imaging) date: <see cref="ResponseAssessmentDateUnadjusted"/>, moved to
    /// a working day when the plan has a working-day calendar (<see cref="CourseSchedule.WithWorkingDays"/>);
    /// null without a course end.
    /// </summary>
    /// <remarks>Label, "Retreatment": evaluate for response about 4 weeks after the course.</remarks>
    public LocalDate? ResponseAssessmentDate { get; }

    /// <summary>Whether <see cref="ResponseAssessmentDate"/> was moved to a working day or could not be (<see cref="CourseSchedule.ResponseAssessmentDateReasons"/>); <see cref="IL2Schedule.ResponseAssessmentDateReasons.None"/> without a course end.</summary>
    public ResponseAssessmentDateReasons ResponseAssessmentDateReasons { get; }

    /// <summary>Course end date + the protocol's response-assessment delay (4 weeks), whatever the day; null without a course end.</summary>
    public LocalDate? ResponseAssessmentDateUnadjusted { get; }

    /// <summary>
    /// The next-course window from the course end date (6–12 weeks) and the discharge (at least 7
    /// weeks), on working days when the plan has a working-day calendar; null without a course end.
    /// </summary>
    /// <remarks>Atkins 1999 and Fyfe 1995; label, "Retreatment".</remarks>
    public NextCourseWindow? NextCourseWindow { get; }

    /// <summary>The next-course window before any working-day adjustment; null without a course end.</summary>
    public NextCourseWindow? NextCourseWindowUnadjusted { get; }

    /// <summary>The amount of each dose, from the plan's body weight (<see cref="CourseSchedule.WithBodyWeight"/>); null without one.</summary>
    /// <remarks>Every dose has the same amount: doses are withheld, never reduced (label section 2.4).</remarks>
    public DoseAmount? DoseAmount => Record.Plan.DoseAmount;

    /// <summary>
    /// The cumulative given dose in IU: <see cref="DoseAmount"/>'s IU times <see cref="DosesGiven"/>; null without a body weight.
    /// Stopped infusions are not in it: the part of a stopped dose that ran is not recorded (this library's choice not to estimate it).
    /// </summary>
    public decimal? GivenCourseInternationalUnits => DoseAmount is { } amount ? DoseAmount.Normalize(amount.InternationalUnits * DosesGiven) : null;

    /// <summary>The cumulative given dose in mg; null without a body weight or a mg figure (the NCI protocol gives none).</summary>
    public decimal? GivenCourseMilligrams => DoseAmount?.Milligrams is { } milligrams ? DoseAmount.Normalize(milligrams * DosesGiven) : null;

    /// <summary>The cumulative dose in IU if every planned slot is given: given plus planned doses times the dose; null without a body weight.</summary>
    public decimal? ProjectedCourseInternationalUnits => DoseAmount is { } amount ? DoseAmount.Normalize(amount.InternationalUnits * (DosesGiven + DosesPlanned)) : null;

    /// <summary>
    /// The cumulative dose in mg if every planned slot is given: given plus planned doses times <see cref="DoseAmount"/>'s mg
    /// (the protocol's own mg/kg figure, not converted from IU); null without a body weight or a mg figure (the NCI protocol gives none).
    /// </summary>
    /// <remarks>Label section 2.1: 0.037 mg/kg per dose; the label's IU and mg figures are not exactly proportional, so each total comes from its own figure.</remarks>
    public decimal? ProjectedCourseMilligrams => DoseAmount?.Milligrams is { } milligrams ? DoseAmount.Normalize(milligrams * (DosesGiven + DosesPlanned)) : null;

    /// <summary>
    /// How every computed value of the re-planned course was derived: each cycle's start (and its
    /// gap or overlap resolution, or its reschedule), window and end, each slot's due time and
    /// status, the course end and its date, the imaging date, each end of the next-course window
    /// (and the discharge rule), and with a body weight the dose amounts, final concentration and given total.
    /// </summary>
    /// <returns>The derivations (see <see cref="Derivation"/>); a new list on each call.</returns>
    public IReadOnlyList<Derivation> Explain() => ReplannedExplanation.For(this).AsReadOnly();

    /// <summary>
    /// Every event a correction replaced, in the order of the corrections, each with the correction
    /// that replaced it (the audit trail; both stay in <see cref="CourseRecord.Events"/>).
    /// </summary>
    public IReadOnlyList<SupersededEvent> Superseded
    {
        get
        {
            var current = new Dictionary<string, CourseEvent>(StringComparer.Ordinal);
            var superseded = new List<SupersededEvent>();
            foreach (var courseEvent in Record.Events)
            {
                if (courseEvent is Corrected correction)
                {
                    if (current.TryGetValue(correction.CorrectedEventId, out var replaced))
                    {
                        superseded.Add(new SupersededEvent(replaced, correction, Record.Plan.Zone));
                    }
                    current[correction.CorrectedEventId] = correction.Replacement;
                }
                else if (courseEvent.Id is { } id)
                {
                    current[id] = courseEvent;
                }
            }
            return superseded.AsReadOnly();
        }
    }

    /// <summary>How many slots are still planned.</summary>
    public int DosesPlanned => slots.Count(slot => slot.Status == DoseSlotStatus.Planned);

    /// <summary>How many doses of the course were given in full (stopped infusions are counted in <see cref="DosesStopped"/>).</summary>
    public int DosesGiven => cycles.Sum(cycle => cycle.DosesGiven);

    /// <summary>How many infusions of the course were stopped before their planned end.</summary>
    public int DosesStopped => cycles.Sum(cycle => cycle.DosesStopped);

    /// <summary>How many doses of the course were held.</summary>
    public int DosesHeld => cycles.Sum(cycle => cycle.DosesHeld);

    /// <summary>
    /// An invariant summary in the course's zone, such as "2 given, 1 held, 25 planned; in progress; projected end
    /// 2027-03-28T16:15:00-04:00; imaging 2027-04-25"; a complete course says "complete; ends", one with no dose given "no course end",
    /// and "1 stopped" follows the held count when any infusion was stopped.
    /// </summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        string end = CourseEnd is { } courseEnd
            ? $"{(IsComplete ? "ends" : "projected end")} {ScheduleText.Format(courseEnd)}; imaging {ScheduleText.Format(ResponseAssessmentDate!.Value)}"
            : "no course end";
        return string.Create(CultureInfo.InvariantCulture,
            $"{DosesGiven} given, {DosesHeld} held, {(DosesStopped > 0 ? DosesStopped.ToString(CultureInfo.InvariantCulture) + " stopped, " : "")}{DosesPlanned} planned; {(IsComplete ? "complete" : "in progress")}; {end}");
    }
}
