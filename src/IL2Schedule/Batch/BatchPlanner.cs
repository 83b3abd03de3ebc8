using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace IL2Schedule.Batch;

/// <summary>
/// Plans many courses at once: into caller-owned columns (<see cref="Plan"/>), on every core
/// (<see cref="PlanParallel"/>), or one course at a time as a stream (<see cref="PlanEach"/>).
/// Every value equals what <see cref="CoursePlanner"/> gives for the same course planned on its own.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// The rules are <see cref="CoursePlanner"/>'s (Proleukin prescribing information, section 2 and
/// Table 1; see its remarks): the first dose is mapped strictly, later cycle starts and wall-clock
/// doses leniently. The batch adds no rule of its own. It reaches the same instants faster by
/// caching, per batch and per zone object, the zone intervals it has used, so that most
/// local-to-instant mappings are one subtraction; near a transition it resolves against the
/// neighbouring intervals exactly as NodaTime does, and anything unusual (a first dose that is
/// skipped or repeated, a date near the ends of the calendar, an offset with seconds, a clock
/// change that makes a dose impossible) is handed to <see cref="CoursePlanner"/> itself, whose
/// result or exception is then reported for that course. This library's choice: the batch's
/// next-course window is the one counted from the course end date
/// (<see cref="NextCourseWindow.ByCourseEnd"/>); a discharge date is applied to a materialized
/// schedule with <see cref="CourseSchedule.WithDischargeDate"/>.
/// </para>
/// <para>
/// A request that cannot be planned does not stop the batch: it is reported as a
/// <see cref="CourseFailure"/> with its index and <see cref="CoursePlanner"/>'s exception, its dose
/// count is 0, and every other request is planned.
/// </para>
/// <para>
/// Supported protocols: those made with <see cref="CourseProtocolBuilder"/>'s settings as of this
/// version, with <see cref="DoseTiming.Elapsed"/> or <see cref="DoseTiming.WallClock"/>. A protocol
/// with any other dose timing or setting is rejected when the planner is made, never planned by
/// other rules.
/// </para>
/// </remarks>
public sealed class BatchPlanner
{
    private const int ParallelChunkSize = 4096;

    /// <summary>The presets whose other settings a supported protocol keeps.</summary>
    private static readonly CourseProtocol[] KnownBases = [CourseProtocol.Label, CourseProtocol.NciSurgeryBranch];

    private readonly ProtocolPlan[] plans;

    /// <summary>Creates a batch planner for one protocol (request protocol index 0).</summary>
    /// <param name="protocol">The course rules for every request.</param>
    /// <exception cref="ArgumentNullException"><paramref name="protocol"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="protocol"/> uses a dose timing or setting the batch planner does not support (see remarks).</exception>
    public BatchPlanner(CourseProtocol protocol)
        : this([Preconditions.CheckNotNull(protocol, nameof(protocol))])
    {
    }

    /// <summary>Creates a batch planner for several protocols; each request names one by its index.</summary>
    /// <param name="protocols">The protocols, at least one; <see cref="CourseRequest.ProtocolIndex"/> indexes this list.</param>
    /// <exception cref="ArgumentNullException"><paramref name="protocols"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="protocols"/> is empty, or one of them uses a dose timing or a setting the batch
    /// planner does not support (for example a dose timing added after this version); plan those
    /// courses one at a time with <see cref="CoursePlanner"/>.
    /// </exception>
    public BatchPlanner(IReadOnlyList<CourseProtocol> protocols)
    {
        Preconditions.CheckNotNull(protocols, nameof(protocols));
        if (protocols.Count == 0)
        {
            throw new ArgumentException("protocols must hold at least one protocol; was empty", nameof(protocols));
        }
        plans = new ProtocolPlan[protocols.Count];
        for (int i = 0; i < plans.Length; i++)
        {
            var protocol = protocols[i] ?? throw new ArgumentNullException(nameof(protocols), Invariant($"protocols[{i}] must not be null"));
            CheckSupported(protocol, i, nameof(protocols));
            plans[i] = new ProtocolPlan(protocol);
        }
        Protocols = Array.AsReadOnly(plans.Select(plan => plan.Protocol).ToArray());
        DosesPerCourse = plans.Max(plan => plan.DosesPerCourse);
    }

    /// <summary>The protocols, in the order <see cref="CourseRequest.ProtocolIndex"/> refers to.</summary>
    public IReadOnlyList<CourseProtocol> Protocols { get; }

    /// <summary>The most doses any of <see cref="Protocols"/> plans in a course: the least <see cref="CourseColumns.DosesPerCourse"/> the columns need.</summary>
    public int DosesPerCourse { get; }

    /// <summary>
    /// Plans <paramref name="requests"/> in order into <paramref name="columns"/>: request i goes to
    /// course i of the columns. Allocates nothing per course on the fast path once the columns
    /// exist; the batch's zone caches take about 12 KB a zone. A course that falls back to
    /// <see cref="CoursePlanner"/> (a first dose the zone skips or repeats, a year outside 2–9990,
    /// an offset with seconds, more than one clock change in a course) or fails allocates as that does.
    /// </summary>
    /// <param name="requests">The courses to plan.</param>
    /// <param name="columns">Caller-owned columns with at least as many courses as <paramref name="requests"/> and at least <see cref="DosesPerCourse"/> slots per course.</param>
    /// <returns>How many were planned, and every failure with its index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="columns"/> holds fewer courses than <paramref name="requests"/> or fewer dose slots per course than <see cref="DosesPerCourse"/>.</exception>
    public BatchResult Plan(ReadOnlySpan<CourseRequest> requests, CourseColumns columns)
    {
        CheckColumns(requests.Length, columns);
        List<CourseFailure>? failures = null;
        PlanRange(requests, columns, 0, new ZoneCaches(), ref failures);
        return new BatchResult(requests.Length, failures is null ? [] : failures.AsReadOnly());
    }

    /// <summary>
    /// As <see cref="Plan"/>, split into chunks planned on every core; the columns and the failures
    /// (in index order) are identical to <see cref="Plan"/>'s.
    /// </summary>
    /// <param name="requests">The courses to plan.</param>
    /// <param name="columns">As for <see cref="Plan"/>.</param>
    /// <returns>As for <see cref="Plan"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Plan"/>.</exception>
    public BatchResult PlanParallel(ReadOnlyMemory<CourseRequest> requests, CourseColumns columns)
    {
        CheckColumns(requests.Length, columns);
        int chunks = (requests.Length + ParallelChunkSize - 1) / ParallelChunkSize;
        var failuresByChunk = new List<CourseFailure>?[chunks];
        Parallel.For(
            0,
            chunks,
            () => new ZoneCaches(),
            (chunk, _, caches) =>
            {
                int first = chunk * ParallelChunkSize;
                int length = Math.Min(ParallelChunkSize, requests.Length - first);
                PlanRange(requests.Span.Slice(first, length), columns, first, caches, ref failuresByChunk[chunk]);
                return caches;
            },
            _ => { });
        var failures = failuresByChunk.Where(list => list is not null).SelectMany(list => list!).ToList();
        return new BatchResult(requests.Length, failures.AsReadOnly());
    }

    /// <summary>
    /// Plans the requests one at a time, lazily, as they are enumerated: memory stays flat however
    /// many pass through. A failed request yields a course with its <see cref="PlannedCourse.Failure"/>.
    /// </summary>
    /// <param name="requests">The courses to plan; enumerated once.</param>
    /// <returns>One result per request, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> is null.</exception>
    public IEnumerable<PlannedCourse> PlanEach(IEnumerable<CourseRequest> requests)
    {
        Preconditions.CheckNotNull(requests, nameof(requests));
        return PlanEachCore(requests);
    }

    private IEnumerable<PlannedCourse> PlanEachCore(IEnumerable<CourseRequest> requests)
    {
        var caches = new ZoneCaches();
        long index = 0;
        foreach (var request in requests)
        {
            var starts = new Instant[DosesPerCourse];
            var outcome = PlanOne(request, caches, starts, index, out var failure);
            yield return failure is null
                ? new PlannedCourse(index, request, plans[request.ProtocolIndex].Protocol, starts.AsMemory(0, outcome.DoseCount), outcome, null)
                : new PlannedCourse(index, request, null, ReadOnlyMemory<Instant>.Empty, default, failure);
            index++;
        }
    }

    private void CheckColumns(int requestCount, CourseColumns columns)
    {
        Preconditions.CheckNotNull(columns, nameof(columns));
        if (columns.CourseCount < requestCount)
        {
            throw new ArgumentException(Invariant($"columns must hold at least the {requestCount} courses requested; was {columns.CourseCount}"), nameof(columns));
        }
        if (columns.DosesPerCourse < DosesPerCourse)
        {
            throw new ArgumentException(Invariant($"columns must hold at least {DosesPerCourse} dose slots per course (BatchPlanner.DosesPerCourse); was {columns.DosesPerCourse}"), nameof(columns));
        }
    }

    private void PlanRange(ReadOnlySpan<CourseRequest> requests, CourseColumns columns, int first, ZoneCaches caches, ref List<CourseFailure>? failures)
    {
        var doseCounts = columns.DoseCounts;
        var doseStarts = columns.DoseStarts;
        var courseEnds = columns.CourseEnds;
        var imagingDates = columns.ResponseAssessmentDates;
        var windowStarts = columns.NextCourseWindowStarts;
        var windowEnds = columns.NextCourseWindowEnds;
        int stride = columns.DosesPerCourse;
        for (int r = 0; r < requests.Length; r++)
        {
            int course = first + r;
            var slots = doseStarts.Slice(course * stride, stride);
            var outcome = PlanOne(requests[r], caches, slots, course, out var failure);
            if (failure is not null)
            {
                (failures ??= []).Add(failure);
            }
            slots[outcome.DoseCount..].Clear();
            doseCounts[course] = outcome.DoseCount;
            courseEnds[course] = outcome.CourseEnd;
            imagingDates[course] = outcome.ResponseAssessmentDate;
            windowStarts[course] = outcome.NextCourseWindowStart;
            windowEnds[course] = outcome.NextCourseWindowEnd;
        }
    }

    /// <summary>Plans one request into <paramref name="slots"/>: the fast path, else <see cref="CoursePlanner"/>.</summary>
    private CourseOutcome PlanOne(in CourseRequest request, ZoneCaches caches, Span<Instant> slots, long index, out CourseFailure? failure)
    {
        failure = null;
        if ((uint)request.ProtocolIndex >= (uint)plans.Length)
        {
            failure = new CourseFailure(index, ProtocolIndexOutOfRange(request.ProtocolIndex, plans.Length));
            return default;
        }
        var plan = plans[request.ProtocolIndex];
        if (request.Zone is { } zone && TryPlanFast(plan, request.FirstDose, caches.For(zone), slots, out var outcome))
        {
            return outcome;
        }
        try
        {
            var schedule = plan.Planner.Plan(request.FirstDose, request.Zone!);
            var doses = schedule.Doses;
            for (int k = 0; k < doses.Count; k++)
            {
                slots[k] = doses[k].Start.ToInstant();
            }
            var window = schedule.NextCourseWindow.ByCourseEnd;
            return new CourseOutcome(doses.Count, schedule.CourseEnd.ToInstant(), schedule.ResponseAssessmentDate, window.Start, window.End);
        }
        catch (ArgumentException e)
        {
            failure = new CourseFailure(index, e);
            return default;
        }
    }

    /// <summary>
    /// The common case, computed with <see cref="CoursePlanner"/>'s rules and checks; false whenever
    /// it could differ from <see cref="CoursePlanner"/> (the caller then asks it).
    /// </summary>
    private static bool TryPlanFast(ProtocolPlan plan, LocalDateTime firstDose, ZoneIntervalCache zone, Span<Instant> slots, out CourseOutcome outcome)
    {
        outcome = default;
        // CoursePlanner's range and calendar checks cannot fail inside these years (a course and its
        // follow-up span under four years).
        if (firstDose.Calendar != CalendarSystem.Iso || firstDose.Year < 2 || firstDose.Year > 9990)
        {
            return false;
        }
        // Local date-times as local instants (read as UTC): adding days or minutes of clock time to
        // a local date-time is adding them to its local instant, since local time has no gaps.
        var firstLocal = firstDose.InUtc().ToInstant();
        Instant firstStart = default;
        Instant previousEnd = Instant.MinValue;
        Instant windowEnd = default;
        int i = 0;
        for (int c = 0; c < plan.CycleCount; c++)
        {
            var nominal = firstLocal + plan.CycleOffsets[c];
            var cycleStart = zone.MapLeniently(nominal, out bool unique);
            if (c == 0)
            {
                if (!unique)
                {
                    return false;
                }
                firstStart = cycleStart;
            }
            if (cycleStart < previousEnd)
            {
                return false;
            }
            windowEnd = cycleStart + plan.CycleWindow;
            if (plan.Elapsed)
            {
                // CoursePlanner's per-dose checks hold by construction here: the protocol's interval
                // is longer than its infusion and its dose cap fits the window's slots (both checked
                // when the protocol was built), so only the cycle start needed checking.
                var start = cycleStart;
                var interval = plan.DosingInterval;
                var cycleSlots = slots.Slice(i, plan.DosesPerCycle);
                for (int k = 0; k < cycleSlots.Length; k++)
                {
                    cycleSlots[k] = start;
                    start += interval;
                }
                i += cycleSlots.Length;
                previousEnd = slots[i - 1] + plan.InfusionDuration;
                continue;
            }
            for (int k = 0; k < plan.DosesPerCycle; k++)
            {
                var start = k == 0 ? cycleStart : zone.MapLeniently(nominal + plan.DoseOffsets[k], out _);
                if (start < previousEnd || start >= windowEnd)
                {
                    return false;
                }
                previousEnd = start + plan.InfusionDuration;
                slots[i++] = start;
            }
        }
        // The last infusion can end after the last window closes (a custom protocol's long
        // infusion), so the offsets are checked up to whichever is later.
        var lastInstant = previousEnd > windowEnd ? previousEnd : windowEnd;
        if (!zone.TryGetWholeMinuteOffsets(firstStart, lastInstant, previousEnd, out var endOffset))
        {
            return false;
        }
        // The course end date as days since 1970-01-01: the local ticks, floored to whole days.
        long localTicks = previousEnd.ToUnixTimeTicks() + endOffset.Ticks;
        long courseEndDay = (localTicks / TimeSpan.TicksPerDay) - (localTicks % TimeSpan.TicksPerDay < 0 ? 1 : 0);
        var followUp = plan.FollowUpFrom(courseEndDay);
        outcome = new CourseOutcome(i, previousEnd, followUp.ResponseAssessmentDate, followUp.NextCourseWindowStart, followUp.NextCourseWindowEnd);
        return true;
    }

    private static ArgumentOutOfRangeException ProtocolIndexOutOfRange(int protocolIndex, int protocolCount) =>
        new(nameof(protocolIndex), protocolIndex, Invariant($"protocolIndex must be in range [0, {protocolCount}); was {protocolIndex}"));

    private static void CheckSupported(CourseProtocol protocol, int index, string protocols)
    {
        if (protocol.DoseTiming is not (DoseTiming.Elapsed or DoseTiming.WallClock))
        {
            throw new ArgumentException(
                Invariant($"protocols[{index}].DoseTiming must be Elapsed or WallClock for the batch planner; was {protocol.DoseTiming}. Plan such courses one at a time with CoursePlanner."),
                protocols);
        }
        // Rebuilt, from each preset, with the settings this version knows: a protocol equal to
        // neither uses a setting added later (another kind of cycle window, say), which the batch
        // must not plan by other rules.
        if (!Array.Exists(KnownBases, preset => Rebuild(preset, protocol).Equals(protocol)))
        {
            throw new ArgumentException(
                Invariant($"protocols[{index}] uses a setting the batch planner does not support (it plans the settings of CourseProtocolBuilder as of IL2Schedule {typeof(BatchPlanner).Assembly.GetName().Version}: dose timing Elapsed or WallClock, the cycle window as elapsed time). Plan such courses one at a time with CoursePlanner."),
                protocols);
        }
    }

    private static CourseProtocol Rebuild(CourseProtocol preset, CourseProtocol protocol) =>
        new CourseProtocolBuilder(preset)
        {
            DoseInternationalUnitsPerKilogram = protocol.DoseInternationalUnitsPerKilogram,
            CycleCount = protocol.CycleCount,
            CycleLengthDays = protocol.CycleLengthDays,
            RestPeriodDays = protocol.RestPeriodDays,
            DosingInterval = protocol.DosingInterval,
            InfusionDuration = protocol.InfusionDuration,
            MaxDosesPerCycle = protocol.MaxDosesPerCycle,
            DoseTiming = protocol.DoseTiming,
            ResponseAssessmentDelay = protocol.ResponseAssessmentDelay,
            RetreatmentWindowStart = protocol.RetreatmentWindowStart,
            RetreatmentWindowEnd = protocol.RetreatmentWindowEnd,
            MinimumIntervalAfterDischarge = protocol.MinimumIntervalAfterDischarge,
        }.Build();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A protocol's settings in the form the fast path reads, computed once per planner.</summary>
    private sealed class ProtocolPlan
    {
        /// <summary>Slots of the follow-up table: over 22 years of course end dates without a collision.</summary>
        private const int FollowUpSlots = 8192;

        private static readonly LocalDate UnixEpochDate = new(1970, 1, 1);

        private readonly FollowUpDates?[] followUps = new FollowUpDates?[FollowUpSlots];

        internal ProtocolPlan(CourseProtocol protocol)
        {
            Protocol = protocol;
            Planner = new CoursePlanner(protocol);
            CycleCount = protocol.CycleCount;
            DosesPerCycle = protocol.MaxDosesPerCycle;
            DosesPerCourse = protocol.MaxDosesPerCourse;
            DaysBetweenCycleStarts = protocol.DaysBetweenCycleStarts;
            CycleWindow = protocol.CycleWindow;
            InfusionDuration = protocol.InfusionDuration;
            Elapsed = protocol.DoseTiming == DoseTiming.Elapsed;
            DosingInterval = protocol.DosingInterval;
            CycleOffsets = Enumerable.Range(0, CycleCount).Select(c => Duration.FromDays(c * DaysBetweenCycleStarts)).ToArray();
            DoseOffsets = Enumerable.Range(0, DosesPerCycle).Select(k => protocol.DosingInterval * k).ToArray();
        }

        internal CourseProtocol Protocol { get; }

        internal CoursePlanner Planner { get; }

        internal int CycleCount { get; }

        internal int DosesPerCycle { get; }

        internal int DosesPerCourse { get; }

        internal int DaysBetweenCycleStarts { get; }

        internal Duration CycleWindow { get; }

        internal Duration InfusionDuration { get; }

        internal bool Elapsed { get; }

        /// <summary>Cycle c's start from the first dose, in local time: c × (cycle length + rest) days.</summary>
        internal Duration[] CycleOffsets { get; }

        /// <summary>Dose k's start from its cycle's start: k dosing intervals (of clock time for wall-clock timing).</summary>
        internal Duration[] DoseOffsets { get; }

        internal Duration DosingInterval { get; }

        /// <summary>
        /// The follow-up dates of a course end date given as days since 1970-01-01, computed as
        /// <see cref="CourseSchedule"/> computes them (the date plus each <see cref="Period"/>) and
        /// kept in a small direct-mapped table: a batch's course end dates span a few thousand days,
        /// so each is computed once and later courses read it. Entries are immutable, so parallel
        /// workers share the table safely.
        /// </summary>
        internal FollowUpDates FollowUpFrom(long courseEndDay)
        {
            ref var slot = ref followUps[courseEndDay & (FollowUpSlots - 1)];
            var entry = Volatile.Read(ref slot);
            if (entry is null || entry.CourseEndDay != courseEndDay)
            {
                var date = UnixEpochDate.PlusDays(checked((int)courseEndDay));
                entry = new FollowUpDates(
                    courseEndDay,
                    date.Plus(Protocol.ResponseAssessmentDelay),
                    date.Plus(Protocol.RetreatmentWindowStart),
                    date.Plus(Protocol.RetreatmentWindowEnd));
                Volatile.Write(ref slot, entry);
            }
            return entry;
        }
    }

    /// <summary>The follow-up dates of one course end date (days since 1970-01-01).</summary>
    private sealed record FollowUpDates(long CourseEndDay, LocalDate ResponseAssessmentDate, LocalDate NextCourseWindowStart, LocalDate NextCourseWindowEnd);
}

/// <summary>What planning one course produced (the columns' per-course values).</summary>
internal readonly record struct CourseOutcome(
    int DoseCount,
    Instant CourseEnd,
    LocalDate ResponseAssessmentDate,
    LocalDate NextCourseWindowStart,
    LocalDate NextCourseWindowEnd);
