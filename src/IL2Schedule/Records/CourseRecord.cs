using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>
/// What really happened in a course: the plan (protocol, first dose, zone) and the ordered events
/// recorded since, from which the re-planned <see cref="Schedule"/> follows. Immutable: applying an
/// event returns a new record, and a rejected event leaves this one exactly as it was.
/// </summary>
/// <remarks>
/// <para>Re-planning rules (each is this library's reading where no source fixes it):</para>
/// <list type="number">
/// <item>Each cycle has <see cref="CourseProtocol.SlotsPerCycle"/> slots (15 for the
/// label's 8-hourly, 5-day window); the first <see cref="CourseProtocol.MaxDosesPerCycle"/> are planned, the rest reserve.
/// Elapsed timing: after a dose given at instant t the next slot is due at t + the dosing
/// interval, and later slots follow every interval; a held slot keeps its due time and is not made
/// up then. Wall-clock timing: slots keep their planned clock times, and a slot due less than half
/// an interval after the previous given dose's start is skipped (the pharmacy "50% rule",
/// Mass General Brigham order-entry help). Standard administration times: a late dose does not
/// move the standard times; the next slot is due at the next standard time after the given dose,
/// skipping one less than half an interval away (the same rule). With calendar-day windows
/// (<see cref="CycleWindowCounting.CalendarDays"/>) a cycle's window is its calendar days. A stopped
/// infusion (<see cref="DoseStopped"/>) is a dose given at its start for these timings.</item>
/// <item>A cycle ends at whichever comes first: the dose cap reached, its window closing (the
/// protocol's cycle length of elapsed time from its first slot, or its calendar days) or a stop
/// (NCI protocol NCT01160445). While the cap is not reached, reserve slots in the window become
/// planned; with <see cref="HeldDosePolicy.Forfeit"/> a held or skipped dose counts against the cap. A stopped
/// infusion counts as given or as held by <see cref="CourseProtocol.StoppedInfusionCounting"/> (this library's
/// choice; <see cref="StoppedInfusionCounting.CountsAsGiven"/> by default). A slot left unrecorded
/// before a later given slot, or due before its cycle was stopped or its window closed, is skipped:
/// it can no longer be given, so it is not overdue.</item>
/// <item>A later cycle keeps its planned start (day 15 for cycle 2) unless rescheduled; a
/// rescheduled cycle starts after the previous cycle's window closed and its own window closes
/// before the next cycle starts.</item>
/// <item>The course is complete when every cycle has ended or the course was stopped. Its end is
/// then the end of the last given dose; before that, the projected end of the last planned dose.
/// The response-assessment date and the next-course window follow by the planner's rules, and a
/// recorded discharge applies the label's 7-week minimum (Proleukin label, "Retreatment").</item>
/// <item>Rejected, with the record unchanged (<see cref="CourseEventRejectedException.Rule"/> says
/// which): an unknown cycle or slot; a slot, stop, reschedule or discharge already recorded; a given
/// dose overlapping the previous or next given infusion; a dose at or after its cycle's window
/// closed, or before it opened; a dose more than half an interval early; a dose beyond the cap; a
/// dose event at or after its cycle or the course was stopped; a stopped infusion ending at or after its
/// start plus the infusion duration; a reschedule of a cycle with
/// recorded doses or into a neighbouring cycle; a discharge before the course end date; an id
/// reused with other content. An end before its start is rejected when the event is created.</item>
/// <item><see cref="GetStatus(Instant)"/> lists what is due next and which planned slots are overdue.</item>
/// </list>
/// <para>The time known to have passed is the latest recorded start, end or stop (or the status
/// query's instant, if later): a cycle whose window closed by then has ended.</para>
/// </remarks>
public sealed class CourseRecord : IEquatable<CourseRecord>
{
    private readonly CourseEvent[] events;
    private readonly ReadOnlyCollection<CourseEvent> readOnlyEvents;
    private readonly RecordedEvent[] effective;
    private ReplannedSchedule? schedule;

    private CourseRecord(CourseSchedule plan, int courseNumber, HeldDosePolicy heldDosePolicy, string? retreatmentOverrideReason, CourseEvent[] events, RecordedEvent[] effective)
    {
        Plan = plan;
        CourseNumber = courseNumber;
        HeldDosePolicy = heldDosePolicy;
        RetreatmentOverrideReason = retreatmentOverrideReason;
        this.events = events;
        readOnlyEvents = Array.AsReadOnly(events);
        this.effective = effective;
    }

    /// <summary>The plan the course started from: protocol, zone, first dose and planned times.</summary>
    public CourseSchedule Plan { get; }

    /// <summary>The course's number for the patient, from 1.</summary>
    public int CourseNumber { get; }

    /// <summary>Whether a held dose can be replaced by a reserve slot.</summary>
    public HeldDosePolicy HeldDosePolicy { get; }

    /// <summary>
    /// Why this course was planned outside the previous course's next-course window, as the caller
    /// gave it to <see cref="PlanNextCourse(LocalDateTime, string)"/>; null when it was inside, or for a first course.
    /// </summary>
    public string? RetreatmentOverrideReason { get; }

    /// <summary>Every event applied, in order, corrections and the events they replaced included.</summary>
    public IReadOnlyList<CourseEvent> Events => readOnlyEvents;

    /// <summary>
    /// The events in effect: corrections applied, each replacement in the place of the event it
    /// replaced. A replacement created without an id is listed as created; it is known by the
    /// corrected event's id (as in <see cref="DoseSlot.EventId"/> and in messages).
    /// </summary>
    public IReadOnlyList<CourseEvent> EffectiveEvents => Array.AsReadOnly(effective.Select(entry => entry.Event).ToArray());

    /// <summary>The re-planned schedule from the recorded events (as of the latest recorded instant).</summary>
    public ReplannedSchedule Schedule => schedule ??= Replanner.Replan(this, effective, clock: null, applied: null);

    /// <summary>Starts the record of a course from its plan.</summary>
    /// <param name="plan">
    /// The planned course, without a discharge date (record discharge as a <see cref="Discharged"/> event).
    /// Its body weight and working-day calendar, if any, carry over to the re-planned dose amounts and follow-up dates.
    /// </param>
    /// <param name="courseNumber">The course's number for the patient, from 1.</param>
    /// <param name="heldDosePolicy">Whether held doses can be replaced by reserve slots; <see cref="HeldDosePolicy.UseReserveSlots"/> by default.</param>
    /// <returns>A record with no events.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="plan"/> has a discharge date.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="courseNumber"/> is less than 1, or <paramref name="heldDosePolicy"/> is not defined.</exception>
    public static CourseRecord Start(CourseSchedule plan, int courseNumber = 1, HeldDosePolicy heldDosePolicy = HeldDosePolicy.UseReserveSlots)
    {
        Preconditions.CheckNotNull(plan, nameof(plan));
        if (plan.DischargeDate is { } discharge)
        {
            throw new ArgumentException($"plan must not have a discharge date; record the discharge as a Discharged event instead; was {ScheduleText.Format(discharge)}", nameof(plan));
        }
        if (courseNumber < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(courseNumber), courseNumber, string.Create(CultureInfo.InvariantCulture, $"courseNumber must be at least 1; was {courseNumber}"));
        }
        Preconditions.CheckDefined(heldDosePolicy, nameof(heldDosePolicy));
        return new CourseRecord(plan, courseNumber, heldDosePolicy, null, [], []);
    }

    /// <summary>Returns the record with one more event, re-planned.</summary>
    /// <param name="courseEvent">The event. With an id already in the record: the same content is a no-op (messages from hospital systems arrive twice); other content is rejected.</param>
    /// <returns>The new record, or this one when the event repeats an earlier one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="courseEvent"/> is null.</exception>
    /// <exception cref="CourseEventRejectedException">The event breaks a rule (see the class remarks, rule 5); this record is unchanged.</exception>
    public CourseRecord Apply(CourseEvent courseEvent)
    {
        Preconditions.CheckNotNull(courseEvent, nameof(courseEvent));
        if (courseEvent.Id is { } id && events.FirstOrDefault(e => e.Id == id) is { } earlier)
        {
            if (earlier.Equals(courseEvent))
            {
                return this;
            }
            throw Reject(courseEvent, CourseEventRule.IdAlreadyUsed,
                $"id {id} was already used by {earlier.Describe(Plan.Zone)}; apply a Corrected event to change it");
        }

        var newEffective = new List<RecordedEvent>(effective);
        if (courseEvent is Corrected correction)
        {
            int index = newEffective.FindIndex(e => e.Id == correction.CorrectedEventId);
            if (index < 0)
            {
                throw Reject(courseEvent, CourseEventRule.UnknownCorrectedEvent,
                    $"no earlier event (other than a correction) has id {correction.CorrectedEventId}");
            }
            CheckReschedule(courseEvent, correction.Replacement, newEffective.Where((_, i) => i != index));
            newEffective[index] = new RecordedEvent(correction.CorrectedEventId, correction.Replacement);
        }
        else
        {
            CheckReschedule(courseEvent, courseEvent, newEffective);
            newEffective.Add(new RecordedEvent(courseEvent.Id, courseEvent));
        }

        var record = new CourseRecord(Plan, CourseNumber, HeldDosePolicy, RetreatmentOverrideReason, [.. events, courseEvent], [.. newEffective]);
        record.schedule = Replanner.Replan(record, record.effective, clock: null, applied: courseEvent);
        return record;
    }

    /// <summary>Returns the record with the plan's body weight set (see <see cref="CourseSchedule.WithBodyWeight"/>), events unchanged.</summary>
    /// <param name="bodyWeightKilograms">The weight the prescriber doses by, in kg; null removes it.</param>
    /// <returns>A new record; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The weight is not above 0 and at most 350 kg.</exception>
    public CourseRecord WithBodyWeight(decimal? bodyWeightKilograms) => WithPlan(Plan.WithBodyWeight(bodyWeightKilograms));

    /// <summary>Returns the record with the plan's working-day calendar set (see <see cref="CourseSchedule.WithWorkingDays"/>), events unchanged.</summary>
    /// <param name="calendar">The working days; null removes the adjustment.</param>
    /// <param name="imagingDateShift">Where an imaging date on a non-working day moves.</param>
    /// <returns>A new record; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="imagingDateShift"/> is not defined.</exception>
    public CourseRecord WithWorkingDays(WorkingDayCalendar? calendar, NonWorkingDayShift imagingDateShift) =>
        WithPlan(Plan.WithWorkingDays(calendar, imagingDateShift));

    /// <summary>Applies events in order; all or nothing.</summary>
    /// <param name="courseEvents">The events, in the order they were recorded.</param>
    /// <returns>The new record; equal to applying the events one at a time.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="courseEvents"/> or one of its events is null.</exception>
    /// <exception cref="CourseEventRejectedException">An event breaks a rule; the message names it, and this record is unchanged.</exception>
    public CourseRecord ApplyAll(IEnumerable<CourseEvent> courseEvents)
    {
        Preconditions.CheckNotNull(courseEvents, nameof(courseEvents));
        var record = this;
        foreach (var courseEvent in courseEvents)
        {
            record = record.Apply(courseEvent);
        }
        return record;
    }

    /// <summary>The course's state at an instant: the schedule as known then, what is due next and what is overdue.</summary>
    /// <param name="at">The instant, for example now.</param>
    /// <returns>The status.</returns>
    /// <remarks>Re-planning rule 6: overdue means planned, with nothing recorded, and due before <paramref name="at"/>.</remarks>
    public CourseStatus GetStatus(Instant at) => new(at, Replanner.Replan(this, effective, at, applied: null));

    /// <summary>The course's state at an offset date-time, as a feed or a web request carries it.</summary>
    /// <param name="at">The moment, for example now. Only the instant counts: an offset that differs from the course zone's offset at that instant is accepted as the same instant.</param>
    /// <returns>The status; equal in every value to <see cref="GetStatus(Instant)"/> of <see cref="Instant.FromDateTimeOffset(DateTimeOffset)"/>.</returns>
    public CourseStatus GetStatus(DateTimeOffset at) => GetStatus(Instant.FromDateTimeOffset(at));

    /// <summary>The course's state at a zoned date-time.</summary>
    /// <param name="at">The moment. Only the instant counts: a zone other than the course's is accepted as the same instant.</param>
    /// <returns>The status; equal in every value to <see cref="GetStatus(Instant)"/> of <see cref="ZonedDateTime.ToInstant"/>.</returns>
    public CourseStatus GetStatus(ZonedDateTime at) => GetStatus(at.ToInstant());

    /// <summary>The course's state at the clock's current instant.</summary>
    /// <param name="clock">The clock (NodaTime's <c>SystemClock.Instance</c> in production, a <c>FakeClock</c> in tests).</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public CourseStatus GetStatus(IClock clock) => GetStatus(Preconditions.CheckNotNull(clock, nameof(clock)).GetCurrentInstant());

    /// <summary>Plans the patient's next course, whose first dose must fall inside this course's next-course window.</summary>
    /// <param name="firstDose">The next course's first dose, local date-time in this course's zone.</param>
    /// <returns>A record for course <see cref="CourseNumber"/> + 1 with the same protocol, zone and held-dose policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="firstDose"/>'s date is outside <see cref="ReplannedSchedule.NextCourseWindow"/> (inclusive), the
    /// window is empty, or this course has no end because no dose was given; pass an override reason to plan it anyway.
    /// Or the first dose is not after this course's end and everything recorded in it.
    /// </exception>
    /// <exception cref="InvalidOperationException">This is course <see cref="int.MaxValue"/>: no next course can be numbered.</exception>
    /// <exception cref="LocalTimeMappingException">The zone skips or repeats <paramref name="firstDose"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="CoursePlanner.Plan(LocalDateTime, DateTimeZone)"/>.</exception>
    /// <remarks>The window comes from the course end, actual or projected (Atkins 1999, Fyfe 1995: every 6–12 weeks; label: at least 7 weeks after discharge).</remarks>
    public CourseRecord PlanNextCourse(LocalDateTime firstDose) => PlanNext(firstDose, null);

    /// <summary>Plans the patient's next course outside this course's next-course window, for a reason that is kept on the new course.</summary>
    /// <param name="firstDose">The next course's first dose, local date-time in this course's zone.</param>
    /// <param name="overrideReason">Why the window is overridden, for example "trial protocol: retreat at 4 weeks"; not empty.</param>
    /// <returns>
    /// A record for course <see cref="CourseNumber"/> + 1, with <see cref="RetreatmentOverrideReason"/> set when
    /// the first dose is outside the window (inside it nothing is overridden, and the reason is not kept).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="overrideReason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="overrideReason"/> is empty or white space; or as for <see cref="CoursePlanner.Plan(LocalDateTime, DateTimeZone)"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The first dose is not after this course's end and everything recorded in it (such as a stop after the last dose).</exception>
    /// <exception cref="InvalidOperationException">This is course <see cref="int.MaxValue"/>: no next course can be numbered.</exception>
    /// <exception cref="LocalTimeMappingException">The zone skips or repeats <paramref name="firstDose"/>.</exception>
    public CourseRecord PlanNextCourse(LocalDateTime firstDose, string overrideReason)
    {
        Preconditions.CheckNotNull(overrideReason, nameof(overrideReason));
        if (string.IsNullOrWhiteSpace(overrideReason))
        {
            throw new ArgumentException($"overrideReason must not be empty or white space; was '{overrideReason}'", nameof(overrideReason));
        }
        return PlanNext(firstDose, overrideReason);
    }

    /// <inheritdoc/>
    public bool Equals(CourseRecord? other) =>
        other is not null
        && Plan.Equals(other.Plan)
        && CourseNumber == other.CourseNumber
        && HeldDosePolicy == other.HeldDosePolicy
        && RetreatmentOverrideReason == other.RetreatmentOverrideReason
        && events.SequenceEqual(other.events);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CourseRecord);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Plan, CourseNumber, HeldDosePolicy, events.Length);

    /// <summary>An invariant one-line summary such as "course 1 in America/New_York: 12 given, 2 held, complete; ends 2027-03-28T16:15:00-04:00" ("1 stopped" follows the held count when any infusion was stopped).</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var s = Schedule;
        return string.Create(CultureInfo.InvariantCulture,
            $"course {CourseNumber} in {Plan.ZoneId}: {s.DosesGiven} given, {s.DosesHeld} held, {(s.DosesStopped > 0 ? s.DosesStopped.ToString(CultureInfo.InvariantCulture) + " stopped, " : "")}{(s.IsComplete ? "complete" : "in progress")}; ends {(s.CourseEnd is { } end ? ScheduleText.Format(end) : "without a dose given")}");
    }

    /// <summary>The same events on a plan that differs only in weight or working days, which no rule depends on.</summary>
    private CourseRecord WithPlan(CourseSchedule plan) =>
        new(plan, CourseNumber, HeldDosePolicy, RetreatmentOverrideReason, events, effective);

    internal static CourseRecord Restore(CourseSchedule plan, int courseNumber, HeldDosePolicy heldDosePolicy, string? retreatmentOverrideReason) =>
        new(plan, courseNumber, heldDosePolicy, retreatmentOverrideReason, [], []);

    private CourseRecord PlanNext(LocalDateTime firstDose, string? overrideReason)
    {
        if (CourseNumber == int.MaxValue)
        {
            throw new InvalidOperationException($"course {CourseNumber} is the last number a course can have; no next course can be numbered");
        }
        var current = Schedule;
        var next = new CoursePlanner(Plan.Protocol).Plan(firstDose, Plan.Zone);
        var nextStart = next.Cycles[0].Start.ToInstant();
        // After the course's end and after everything recorded in it (a stop can follow the last dose).
        var notBefore = new[] { current.CourseEnd?.ToInstant() ?? Instant.MinValue, current.KnownTime }.Max();
        if (nextStart <= notBefore)
        {
            throw new ArgumentOutOfRangeException(nameof(firstDose), ScheduleText.Format(next.Cycles[0].Start),
                $"firstDose must be after course {CourseNumber} ends at {ScheduleText.Format(notBefore.InZone(Plan.Zone))}; was {ScheduleText.Format(next.Cycles[0].Start)}");
        }
        var window = current.NextCourseWindow;
        bool insideWindow = window?.Dates is { } dates && dates.Contains(firstDose.Date);
        if (overrideReason is null && !insideWindow)
        {
            string where = window is null
                ? $"course {CourseNumber} has no next-course window because no dose was given"
                : window.Dates is null
                    ? $"course {CourseNumber}'s next-course window is empty ({window.Note})"
                    : $"firstDose must be within course {CourseNumber}'s next-course window {ScheduleText.Format(window.Dates.Start)} to {ScheduleText.Format(window.Dates.End)} (inclusive)";
            throw new ArgumentOutOfRangeException(nameof(firstDose), ScheduleText.Format(firstDose.Date),
                $"{where}; was {ScheduleText.Format(firstDose.Date)}. Pass an override reason to plan outside the window.");
        }
        return new CourseRecord(next, checked(CourseNumber + 1), HeldDosePolicy, insideWindow ? null : overrideReason, [], []);
    }

    /// <summary>A reschedule is rejected for a cycle that already has recorded doses (their slots would move under them).</summary>
    private void CheckReschedule(CourseEvent applied, CourseEvent candidate, IEnumerable<RecordedEvent> others)
    {
        if (candidate is not CycleRescheduled reschedule)
        {
            return;
        }
        var recorded = others.FirstOrDefault(e => e.Event switch
        {
            DoseGiven given => given.Cycle == reschedule.Cycle,
            DoseHeld held => held.Cycle == reschedule.Cycle,
            DoseStopped stopped => stopped.Cycle == reschedule.Cycle,
            _ => false,
        });
        if (recorded.Event is not null)
        {
            throw Reject(applied, CourseEventRule.CycleAlreadyStarted,
                string.Create(CultureInfo.InvariantCulture, $"cycle {reschedule.Cycle} already has a recorded dose, {recorded.Describe(Plan.Zone)}; correct or remove its doses first"));
        }
    }

    private CourseEventRejectedException Reject(CourseEvent applied, CourseEventRule rule, string detail) =>
        new(applied, rule, CourseEventRejectedException.FormatMessage(applied.Describe(Plan.Zone), rule, detail));
}

/// <summary>An event in effect, with the id it is known by (a replacement takes the corrected event's id).</summary>
internal readonly record struct RecordedEvent(string? Id, CourseEvent Event)
{
    internal string Describe(DateTimeZone zone) => Event.Describe(zone, Id);
}
