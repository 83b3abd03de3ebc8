using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;

namespace IL2Schedule.Batch;

/// <summary>
/// Plans many courses at once: into caller-owned columns (<see cref="Plan"/>), on every core
/// (<see cref="PlanParallel"/>), or one course at a time as a stream (<see cref="PlanEach"/>).
/// Every value equals what <see cref="CoursePlanner"/> gives for the same course planned on its own,
/// with the request's discharge date and body weight and the planner's working days applied.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// The rules are <see cref="CoursePlanner"/>'s, and the code is too: both plan through the same
/// rule functions (Proleukin prescribing information, section 2 and Table 1; see
/// <see cref="CoursePlanner"/>'s remarks), for every protocol, dose timing and cycle window. The batch
/// differs only in how it maps local times: it caches, per batch and per zone object, the zone
/// intervals it has used, so that most local-to-instant mappings are one subtraction; near a
/// transition it resolves against the neighbouring intervals exactly as NodaTime does. The first dose
/// is mapped strictly, later cycle starts and clock times leniently. For a protocol with elapsed dose
/// timing and elapsed windows, a course whose cycles each lie inside one whole-minute zone interval is
/// written from the protocol's offsets, worked out once by the same rules, which is what the rules give
/// there; every other course is walked rule by rule.
/// </para>
/// <para>
/// The columns hold times as Unix-epoch ticks (<see cref="BatchTime"/>), the unit the rules compute
/// in, so a first dose must be a whole number of ticks (100 ns); one with a finer fraction of a
/// second is reported as a failure (the <see cref="ArgumentException"/> naming <c>firstDose</c> that
/// <see cref="CoursePlanner"/> throws for it) rather than rounded: this library's choice.
/// </para>
/// <para>
/// A request that cannot be planned does not stop the batch: it is reported as a
/// <see cref="CourseFailure"/> with its index and the exception <see cref="CoursePlanner"/> (or
/// <see cref="CourseSchedule.WithDischargeDate"/>, <see cref="CourseSchedule.WithBodyWeight"/>) throws for
/// it, its dose count is 0, and every other request is planned.
/// </para>
/// </remarks>
public sealed partial class BatchPlanner
{
    private const int ParallelChunkSize = 4096;

    private readonly ProtocolPlan[] plans;

    /// <summary>Creates a batch planner for one protocol (request protocol index 0).</summary>
    /// <param name="protocol">The course rules for every request.</param>
    /// <exception cref="ArgumentNullException"><paramref name="protocol"/> is null.</exception>
    public BatchPlanner(CourseProtocol protocol)
        : this([Preconditions.CheckNotNull(protocol, nameof(protocol))])
    {
    }

    /// <summary>Creates a batch planner for several protocols; each request names one by its index.</summary>
    /// <param name="protocols">The protocols, at least one; <see cref="CourseRequest.ProtocolIndex"/> indexes this list.</param>
    /// <exception cref="ArgumentNullException"><paramref name="protocols"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="protocols"/> is empty.</exception>
    public BatchPlanner(IReadOnlyList<CourseProtocol> protocols)
        : this(protocols, null, NonWorkingDayShift.Next)
    {
    }

    /// <summary>
    /// Creates a batch planner for several protocols whose follow-up dates are moved onto working
    /// days, as <see cref="CourseSchedule.WithWorkingDays"/> moves them.
    /// </summary>
    /// <param name="protocols">As for <see cref="BatchPlanner(IReadOnlyList{CourseProtocol})"/>.</param>
    /// <param name="workingDayCalendar">The working days for every course; null keeps the follow-up dates as the protocol gives them.</param>
    /// <param name="imagingDateShift">Where an imaging date on a non-working day moves.</param>
    /// <exception cref="ArgumentNullException"><paramref name="protocols"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="protocols"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="imagingDateShift"/> is not a defined value.</exception>
    public BatchPlanner(IReadOnlyList<CourseProtocol> protocols, WorkingDayCalendar? workingDayCalendar, NonWorkingDayShift imagingDateShift)
    {
        Preconditions.CheckNotNull(protocols, nameof(protocols));
        Preconditions.CheckDefined(imagingDateShift, nameof(imagingDateShift));
        if (protocols.Count == 0)
        {
            throw new ArgumentException("protocols must hold at least one protocol; was empty", nameof(protocols));
        }
        plans = new ProtocolPlan[protocols.Count];
        for (int i = 0; i < plans.Length; i++)
        {
            var protocol = protocols[i] ?? throw new ArgumentNullException(nameof(protocols), Invariant($"protocols[{i}] must not be null"));
            plans[i] = new ProtocolPlan(protocol, workingDayCalendar, imagingDateShift);
        }
        Protocols = Array.AsReadOnly(plans.Select(plan => plan.Protocol).ToArray());
        DosesPerCourse = plans.Max(plan => plan.Protocol.MaxDosesPerCourse);
        CyclesPerCourse = plans.Max(plan => plan.Protocol.CycleCount);
        WorkingDayCalendar = workingDayCalendar;
        ImagingDateShift = imagingDateShift;
    }

    /// <summary>The protocols, in the order <see cref="CourseRequest.ProtocolIndex"/> refers to.</summary>
    public IReadOnlyList<CourseProtocol> Protocols { get; }

    /// <summary>The most doses any of <see cref="Protocols"/> plans in a course: the least <see cref="CourseColumns.DosesPerCourse"/> the columns need.</summary>
    public int DosesPerCourse { get; }

    /// <summary>The most cycles any of <see cref="Protocols"/> plans in a course: the least <see cref="CourseDetailColumns.CyclesPerCourse"/> detail columns need.</summary>
    public int CyclesPerCourse { get; }

    /// <summary>The working days the follow-up dates are moved onto, or null.</summary>
    public WorkingDayCalendar? WorkingDayCalendar { get; }

    /// <summary>Where an imaging date on a non-working day moves; used only with a <see cref="WorkingDayCalendar"/>.</summary>
    public NonWorkingDayShift ImagingDateShift { get; }

    /// <summary>
    /// Plans <paramref name="requests"/> in order into <paramref name="columns"/>: request i goes to
    /// course i of the columns. Allocates nothing per course once the columns exist (the batch's
    /// zone caches take about 12 KB a zone; each new course end date's follow-up dates are computed
    /// once); a course that fails allocates its exception.
    /// </summary>
    /// <param name="requests">The courses to plan.</param>
    /// <param name="columns">Caller-owned columns with at least as many courses as <paramref name="requests"/> and at least <see cref="DosesPerCourse"/> slots per course; with <see cref="CourseColumns.Details"/> attached, those are filled too.</param>
    /// <returns>How many were planned, and every failure with its index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="columns"/> holds fewer courses than <paramref name="requests"/> or fewer dose slots per course than <see cref="DosesPerCourse"/>, or its <see cref="CourseColumns.Details"/> fewer cycle slots per course than <see cref="CyclesPerCourse"/>.</exception>
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
        var ticks = new long[DosesPerCourse];
        long index = 0;
        foreach (var request in requests)
        {
            var sink = new SlotSink(ticks, default, default);
            var outcome = PlanOne(request, caches, ref sink, index, out var failure);
            var starts = new Instant[outcome.DoseCount];
            for (int k = 0; k < starts.Length; k++)
            {
                starts[k] = BatchTime.ToInstant(ticks[k]);
            }
            yield return failure is null
                ? new PlannedCourse(index, request, this, starts, outcome, null)
                : new PlannedCourse(index, request, null, ReadOnlyMemory<Instant>.Empty, default, failure);
            index++;
        }
    }

    /// <summary>
    /// The full schedule of one request, as <see cref="CoursePlanner.Plan(LocalDateTime, DateTimeZone)"/>
    /// gives it with the request's discharge date and body weight and this planner's working days:
    /// for output that needs every object (a JSON document, a table) of a course the batch planned.
    /// It plans the course again, allocating the schedule's objects.
    /// </summary>
    /// <param name="request">A request of this planner; its protocol index in range, its zone set.</param>
    /// <returns>The schedule; its doses equal the batch's for the request.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="request"/>'s protocol index is not in [0, <see cref="Protocols"/>.Count).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="request"/>'s zone is null.</exception>
    /// <exception cref="ArgumentException">The request cannot be planned: the exception its <see cref="CourseFailure"/> holds.</exception>
    public CourseSchedule ScheduleOf(in CourseRequest request)
    {
        if ((uint)request.ProtocolIndex >= (uint)plans.Length)
        {
            throw ProtocolIndexOutOfRange(request.ProtocolIndex, plans.Length);
        }
        return new CoursePlanner(plans[request.ProtocolIndex].Protocol)
            .Plan(request.FirstDose, request.Zone ?? throw ZoneIsNull(request.Zone))
            .WithDischargeDate(request.DischargeDate)
            .WithBodyWeight(request.BodyWeightKilograms)
            .WithWorkingDays(WorkingDayCalendar, ImagingDateShift);
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
        if (columns.Details is { } details && details.CyclesPerCourse < CyclesPerCourse)
        {
            throw new ArgumentException(Invariant($"columns.Details must hold at least {CyclesPerCourse} cycle slots per course (BatchPlanner.CyclesPerCourse); was {details.CyclesPerCourse}"), nameof(columns));
        }
    }

    private void PlanRange(ReadOnlySpan<CourseRequest> requests, CourseColumns columns, int first, ZoneCaches caches, ref List<CourseFailure>? failures)
    {
        var doseCounts = columns.DoseCounts;
        var doseStarts = columns.DoseStarts;
        var doseEnds = columns.DoseEnds;
        var doseCycles = columns.DoseCycleNumbers;
        var courseEnds = columns.CourseEnds;
        var imagingDates = columns.ResponseAssessmentDates;
        var windowStarts = columns.NextCourseWindowStarts;
        var windowEnds = columns.NextCourseWindowEnds;
        var windowReasons = columns.NextCourseWindowReasons;
        var doseUnits = columns.DoseInternationalUnits;
        var doseMilligrams = columns.DoseMilligrams;
        int stride = columns.DosesPerCourse;
        var details = columns.Details;
        for (int r = 0; r < requests.Length; r++)
        {
            int course = first + r;
            var sink = doseEnds.IsEmpty
                ? new SlotSink(doseStarts.Slice(course * stride, stride), default, default) { Details = details, Course = course }
                : new SlotSink(doseStarts.Slice(course * stride, stride), doseEnds.Slice(course * stride, stride), doseCycles.Slice(course * stride, stride)) { Details = details, Course = course };
            ref readonly var request = ref requests[r];
            CourseFailure? failure = null;
            if (details is not null || !TryPlanPlain(request, caches, ref sink, out var outcome))
            {
                sink.Restart();
                outcome = PlanOne(request, caches, ref sink, course, out failure);
            }
            if (failure is not null)
            {
                (failures ??= []).Add(failure);
                details?.Clear(course);
            }
            sink.ClearFrom(outcome.DoseCount);
            doseCounts[course] = outcome.DoseCount;
            courseEnds[course] = outcome.CourseEnd;
            imagingDates[course] = outcome.ResponseAssessmentDate;
            windowStarts[course] = outcome.NextCourseWindowStart;
            windowEnds[course] = outcome.NextCourseWindowEnd;
            windowReasons[course] = outcome.NextCourseWindowReasons;
            doseUnits[course] = outcome.DoseInternationalUnits;
            doseMilligrams[course] = outcome.DoseMilligrams;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
