using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using IL2Schedule.Rules;
using NodaTime;

namespace IL2Schedule;

/// <summary>
/// A planned high-dose IL-2 course: every cycle and dose with its start and end in the course's
/// time zone, the course end, the response-assessment (imaging) date and the window for the next
/// course; with a body weight, the dose amounts; with a working-day calendar, the follow-up dates
/// moved onto working days next to the unadjusted ones. Immutable; made by <see cref="CoursePlanner"/>.
/// </summary>
/// <remarks>
/// Equality compares the inputs (protocol, canonical zone id, requested first dose, discharge
/// date, body weight, working-day calendar and imaging shift) and every cycle and dose.
/// </remarks>
public sealed class CourseSchedule : IEquatable<CourseSchedule>
{
    private readonly CycleSchedule[] cycles;
    private readonly ReadOnlyCollection<CycleSchedule> readOnlyCycles;
    private readonly ReadOnlyCollection<ScheduledDose> doses;

    internal CourseSchedule(
        CourseProtocol protocol,
        DateTimeZone zone,
        string zoneId,
        LocalDateTime requestedFirstDose,
        CycleSchedule[] cycles,
        LocalDate? dischargeDate,
        decimal? bodyWeightKilograms,
        WorkingDayCalendar? workingDayCalendar,
        NonWorkingDayShift imagingDateShift)
    {
        Protocol = protocol;
        Zone = zone;
        ZoneId = zoneId;
        RequestedFirstDose = requestedFirstDose;
        this.cycles = cycles;
        readOnlyCycles = Array.AsReadOnly(cycles);
        doses = Array.AsReadOnly(cycles.SelectMany(cycle => cycle.Doses).ToArray());
        DischargeDate = dischargeDate;
        DoseAmount = bodyWeightKilograms is { } weight ? DoseAmount.For(protocol, weight) : null;
        WorkingDayCalendar = workingDayCalendar;
        ImagingDateShift = imagingDateShift;
        var followUp = FollowUpResults.For(protocol, CourseEndDate, dischargeDate, workingDayCalendar, imagingDateShift);
        ResponseAssessmentDateUnadjusted = followUp.ResponseAssessmentDateUnadjusted;
        ResponseAssessmentDate = followUp.ResponseAssessmentDate;
        ResponseAssessmentDateReasons = followUp.ResponseAssessmentDateReasons;
        NextCourseWindowUnadjusted = followUp.NextCourseWindowUnadjusted;
        NextCourseWindow = followUp.NextCourseWindow;
    }

    /// <summary>The protocol the course was planned with.</summary>
    public CourseProtocol Protocol { get; }

    /// <summary>The course's time zone; every <see cref="ZonedDateTime"/> in the schedule is in it.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The canonical IANA id of <see cref="Zone"/> ("America/New_York" even when planned with "US/Eastern").</summary>
    public string ZoneId { get; }

    /// <summary>The version of the tzdb data the schedule was computed with, for example "2025b".</summary>
    /// <remarks>The version of the <see cref="TimeZoneDatabase"/> the zone came from (<see cref="TimeZoneDatabase.Of"/>).</remarks>
    public string TzdbVersion => TimeZoneDatabase.Of(Zone).TzdbVersion;

    /// <summary>
    /// The first dose's local date-time as requested. Cycle starts are counted from it in calendar
    /// days even when a resolver moved the first dose itself (because the zone skips or repeats it).
    /// </summary>
    public LocalDateTime RequestedFirstDose { get; }

    /// <summary>How doses are spaced across a DST change (from <see cref="Protocol"/>).</summary>
    public DoseTiming DoseTiming => Protocol.DoseTiming;

    /// <summary>The cycles in order (2 for the label's course).</summary>
    public IReadOnlyList<CycleSchedule> Cycles => readOnlyCycles;

    /// <summary>Every dose of the course in order, numbered from 1 (28 for the label's course).</summary>
    public IReadOnlyList<ScheduledDose> Doses => doses;

    /// <summary>The end of the last infusion of the last cycle.</summary>
    /// <remarks>Label, Table 1: the course ends with the last dose of cycle 2 (days 15–19).</remarks>
    public ZonedDateTime CourseEnd => doses[^1].End;

    /// <summary>The local date of <see cref="CourseEnd"/> in the course's zone; follow-up dates count from it.</summary>
    public LocalDate CourseEndDate => CourseEndRule.Date(CourseEnd);

    /// <summary>
    /// The response-assessment (imaging) date: <see cref="ResponseAssessmentDateUnadjusted"/>, moved
    /// to a working day by <see cref="ImagingDateShift"/> when a <see cref="WorkingDayCalendar"/> is
    /// set (see <see cref="WithWorkingDays"/>); a local date.
    /// </summary>
    /// <remarks>Label, "Retreatment": evaluate for response about 4 weeks after the course.</remarks>
    public LocalDate ResponseAssessmentDate { get; }

    /// <summary>
    /// Whether <see cref="ResponseAssessmentDate"/> was moved to a working day, or could not be because
    /// no working day lies within <see cref="WorkingDayCalendar.MaxShiftDays"/> days
    /// (<see cref="IL2Schedule.ResponseAssessmentDateReasons.NotShiftable"/>: the date is then the unadjusted one).
    /// </summary>
    public ResponseAssessmentDateReasons ResponseAssessmentDateReasons { get; }

    /// <summary>
    /// The response-assessment date by the protocol alone: <see cref="CourseEndDate"/> plus
    /// <see cref="CourseProtocol.ResponseAssessmentDelay"/> (4 weeks by default), whether or not it is a working day.
    /// </summary>
    public LocalDate ResponseAssessmentDateUnadjusted { get; }

    /// <summary>The hospital discharge date taken into account for <see cref="NextCourseWindow"/>, if given.</summary>
    public LocalDate? DischargeDate { get; }

    /// <summary>
    /// The window for the next course: <see cref="NextCourseWindowUnadjusted"/>, and with a
    /// <see cref="WorkingDayCalendar"/> its start moved forward and its end back to working days
    /// (empty, with the reason in its note, if no working day is left).
    /// </summary>
    public NextCourseWindow NextCourseWindow { get; }

    /// <summary>
    /// The window for the next course by the protocol alone: the retreatment window after
    /// <see cref="CourseEndDate"/> (by default 6 to 12 weeks), both ends inclusive, starting no
    /// earlier than the protocol's minimum interval (by default 7 weeks) after <see cref="DischargeDate"/>
    /// when one is given; working days are not considered.
    /// </summary>
    public NextCourseWindow NextCourseWindowUnadjusted { get; }

    /// <summary>The calendar of working days the follow-up dates are moved onto, or null (the default) to keep them as the protocol gives them.</summary>
    public WorkingDayCalendar? WorkingDayCalendar { get; }

    /// <summary>Where <see cref="ResponseAssessmentDate"/> moves when it falls on a non-working day (<see cref="NonWorkingDayShift.Next"/> by default); used only with a <see cref="WorkingDayCalendar"/>.</summary>
    public NonWorkingDayShift ImagingDateShift { get; }

    /// <summary>The amount of each dose for the body weight given with <see cref="WithBodyWeight"/>, or null without one.</summary>
    /// <remarks>Every dose has the same amount: doses are withheld for toxicity, never reduced (label section 2.4).</remarks>
    public DoseAmount? DoseAmount { get; }

    /// <summary>
    /// The cumulative planned dose of the course in IU: <see cref="DoseAmount"/>'s IU times the
    /// number of planned doses (1,218,000,000 IU for 28 doses at 72.5 kg and 600,000 IU/kg); null without a body weight.
    /// </summary>
    public decimal? PlannedCourseInternationalUnits => DoseAmount is { } amount ? DoseAmount.CourseTotal(amount.InternationalUnits, doses.Count) : null;

    /// <summary>
    /// The cumulative planned dose of the course in mg: <see cref="DoseAmount"/>'s mg times the number
    /// of planned doses (75.11 mg for 28 doses at 72.5 kg and 0.037 mg/kg); null without a body weight or without a mg figure.
    /// </summary>
    public decimal? PlannedCourseMilligrams => DoseAmount?.Milligrams is { } milligrams ? DoseAmount.CourseTotal(milligrams, doses.Count) : null;

    /// <summary>
    /// Returns this schedule with a hospital discharge date, which moves the next-course window's
    /// start to no earlier than discharge + <see cref="CourseProtocol.MinimumIntervalAfterDischarge"/> (7 weeks).
    /// </summary>
    /// <param name="dischargeDate">
    /// The local date of the hospital discharge after the course, on or after <see cref="CourseEndDate"/>
    /// (a discharge between cycles is not the one the rule counts from); null removes it.
    /// </param>
    /// <returns>A new schedule; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dischargeDate"/> is before <see cref="CourseEndDate"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="dischargeDate"/> is not in the ISO calendar.</exception>
    /// <remarks>Label, "Retreatment": at least 7 weeks from the date of hospital discharge. A window emptied by the rule (even one whose earliest start would pass 9999-12-31) is reported, not thrown.</remarks>
    public CourseSchedule WithDischargeDate(LocalDate? dischargeDate)
    {
        FollowUpRules.CheckDischarge(dischargeDate, CourseEndDate, nameof(dischargeDate));
        return new CourseSchedule(Protocol, Zone, ZoneId, RequestedFirstDose, cycles, dischargeDate, DoseAmount?.BodyWeightKilograms, WorkingDayCalendar, ImagingDateShift);
    }

    /// <summary>Returns this schedule with the dose amounts for a body weight (see <see cref="DoseAmount"/>).</summary>
    /// <param name="bodyWeightKilograms">
    /// The body weight in kilograms, in (0, 350]; which weight (actual, ideal, adjusted) is the
    /// prescriber's choice. Null removes the amounts.
    /// </param>
    /// <returns>A new schedule; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bodyWeightKilograms"/> is zero, negative or above 350.</exception>
    public CourseSchedule WithBodyWeight(decimal? bodyWeightKilograms)
    {
        if (bodyWeightKilograms is { } weight)
        {
            DoseAmount.CheckBodyWeight(weight, nameof(bodyWeightKilograms));
        }
        return new CourseSchedule(Protocol, Zone, ZoneId, RequestedFirstDose, cycles, DischargeDate, bodyWeightKilograms, WorkingDayCalendar, ImagingDateShift);
    }

    /// <summary>
    /// Returns this schedule with its follow-up dates moved onto working days: the imaging date as
    /// <paramref name="imagingDateShift"/> says, and the next-course window's start forward and end
    /// back. The unadjusted dates stay available (<see cref="ResponseAssessmentDateUnadjusted"/>,
    /// <see cref="NextCourseWindowUnadjusted"/>).
    /// </summary>
    /// <param name="calendar">The working days; null removes the adjustment.</param>
    /// <param name="imagingDateShift">Where an imaging date on a non-working day moves (<see cref="NonWorkingDayShift.Next"/> is the usual choice).</param>
    /// <returns>A new schedule; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="imagingDateShift"/> is not a defined value, or moving the imaging date would pass 9999-12-31 (or 0001-01-01).
    /// </exception>
    /// <remarks>A next-course window left with no working day is reported empty, with the reason in its note, never thrown.</remarks>
    public CourseSchedule WithWorkingDays(WorkingDayCalendar? calendar, NonWorkingDayShift imagingDateShift)
    {
        Preconditions.CheckDefined(imagingDateShift, nameof(imagingDateShift));
        return new CourseSchedule(Protocol, Zone, ZoneId, RequestedFirstDose, cycles, DischargeDate, DoseAmount?.BodyWeightKilograms, calendar, imagingDateShift);
    }

    /// <summary>
    /// How every computed value of the course was derived, in the order the rules compute them: each
    /// cycle's start (with how the zone resolved it), window end and planned doses (bound by the cap
    /// or the window), each dose's start and end, the course end and its date, the imaging date (and
    /// its working-day move), each end of the next-course window (and the discharge rule when a
    /// discharge date is set) and, with a body weight, the dose amounts and final concentration.
    /// </summary>
    /// <returns>
    /// The derivations, each naming its value, the rule (number and name in the documentation's
    /// rules table), the inputs the rule used and its source. A new list on each call.
    /// </returns>
    public IReadOnlyList<Derivation> Explain() => CourseExplanation.For(this).AsReadOnly();

    /// <inheritdoc/>
    public bool Equals(CourseSchedule? other) =>
        other is not null
        && Protocol.Equals(other.Protocol)
        && ZoneId == other.ZoneId
        && RequestedFirstDose == other.RequestedFirstDose
        && DischargeDate == other.DischargeDate
        && DoseAmount == other.DoseAmount
        && WorkingDayCalendar == other.WorkingDayCalendar
        && ImagingDateShift == other.ImagingDateShift
        && cycles.SequenceEqual(other.cycles)
        && ResponseAssessmentDate == other.ResponseAssessmentDate
        && NextCourseWindow.Equals(other.NextCourseWindow);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CourseSchedule);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Protocol, ZoneId, RequestedFirstDose, DischargeDate, CourseEnd);

    /// <summary>Compares two schedules by inputs, cycles and doses.</summary>
    /// <param name="left">The first schedule, or null.</param>
    /// <param name="right">The second schedule, or null.</param>
    /// <returns>True if both are null or all values are equal.</returns>
    public static bool operator ==(CourseSchedule? left, CourseSchedule? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two schedules by inputs, cycles and doses.</summary>
    /// <param name="left">The first schedule, or null.</param>
    /// <param name="right">The second schedule, or null.</param>
    /// <returns>True if exactly one is null or any value differs.</returns>
    public static bool operator !=(CourseSchedule? left, CourseSchedule? right) => !(left == right);

    /// <summary>
    /// An invariant one-line summary, for example
    /// "28 doses in America/New_York from 2027-03-10T08:00:00-05:00 to 2027-03-28T16:15:00-04:00; imaging 2027-04-25; next course 2027-05-09 to 2027-06-20".
    /// </summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{doses.Count} doses in {ZoneId} from {ScheduleText.Format(doses[0].Start)} to {ScheduleText.Format(CourseEnd)}; imaging {ScheduleText.Format(ResponseAssessmentDate)}; next course {NextCourseWindow}");
}
