using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using IL2Schedule.Protocols;
using NodaTime;

namespace IL2Schedule.Schedules;

/// <summary>
/// A planned high-dose IL-2 course: every cycle and dose with its start and end in the course's
/// time zone, the course end, the response-assessment (imaging) date and the window for the next
/// course. Immutable; made by <see cref="Planning.CoursePlanner"/>.
/// </summary>
/// <remarks>
/// Equality compares the inputs (protocol, canonical zone id, requested first dose, discharge
/// date) and every cycle and dose.
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
        LocalDate? dischargeDate)
    {
        Protocol = protocol;
        Zone = zone;
        ZoneId = zoneId;
        RequestedFirstDose = requestedFirstDose;
        this.cycles = cycles;
        readOnlyCycles = Array.AsReadOnly(cycles);
        doses = Array.AsReadOnly(cycles.SelectMany(cycle => cycle.Doses).ToArray());
        DischargeDate = dischargeDate;
        ResponseAssessmentDate = FollowUpRules.ResponseAssessmentDate(protocol, CourseEndDate);
        NextCourseWindow = FollowUpRules.NextCourseWindow(protocol, CourseEndDate, dischargeDate);
    }

    /// <summary>The protocol the course was planned with.</summary>
    public CourseProtocol Protocol { get; }

    /// <summary>The course's time zone; every <see cref="ZonedDateTime"/> in the schedule is in it.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The canonical IANA id of <see cref="Zone"/> ("America/New_York" even when planned with "US/Eastern").</summary>
    public string ZoneId { get; }

    /// <summary>The version of the tzdb data the schedule was computed with, for example "2025b".</summary>
    public string TzdbVersion { get; } = Zones.TimeZoneLookup.TzdbVersion;

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
    public LocalDate CourseEndDate => CourseEnd.Date;

    /// <summary>
    /// The response-assessment (imaging) date: <see cref="CourseEndDate"/> plus the protocol's
    /// <see cref="CourseProtocol.ResponseAssessmentDelay"/> (4 weeks by default), a local date.
    /// </summary>
    /// <remarks>Label, "Retreatment": evaluate for response about 4 weeks after the course.</remarks>
    public LocalDate ResponseAssessmentDate { get; }

    /// <summary>The hospital discharge date taken into account for <see cref="NextCourseWindow"/>, if given.</summary>
    public LocalDate? DischargeDate { get; }

    /// <summary>
    /// The window for the next course: the protocol's retreatment window after <see cref="CourseEndDate"/>
    /// (by default 6 to 12 weeks), both ends inclusive, starting no earlier than the protocol's
    /// minimum interval (by default 7 weeks) after <see cref="DischargeDate"/> when one is given.
    /// </summary>
    public NextCourseWindow NextCourseWindow { get; }

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
        if (dischargeDate is { } iso)
        {
            CalendarRange.CheckIso(iso, nameof(dischargeDate));
        }
        if (dischargeDate is { } discharge && discharge < CourseEndDate)
        {
            throw new ArgumentOutOfRangeException(nameof(dischargeDate), CalendarRange.Format(discharge),
                $"dischargeDate must not be before the course end date {CalendarRange.Format(CourseEndDate)}: the minimum interval counts from the discharge after the course; was {CalendarRange.Format(discharge)}");
        }
        return new CourseSchedule(Protocol, Zone, ZoneId, RequestedFirstDose, cycles, dischargeDate);
    }

    /// <inheritdoc/>
    public bool Equals(CourseSchedule? other) =>
        other is not null
        && Protocol.Equals(other.Protocol)
        && ZoneId == other.ZoneId
        && RequestedFirstDose == other.RequestedFirstDose
        && DischargeDate == other.DischargeDate
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
