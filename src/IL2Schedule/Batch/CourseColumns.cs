using System;
using System.Globalization;
using NodaTime;

namespace IL2Schedule.Batch;

/// <summary>
/// Caller-owned buffers, one column per value, that <see cref="BatchPlanner"/> writes a batch into:
/// course i's dose starts, ends and cycle numbers are at <c>[i × DosesPerCourse .. i × DosesPerCourse + DoseCounts[i]]</c>
/// of the per-dose columns, and its other values are at index i of the per-course columns.
/// </summary>
/// <remarks>
/// <para>
/// Times are <c>long</c>s: ticks (100 ns each, <see cref="NodaConstants.TicksPerSecond"/> to a second)
/// since the Unix epoch, 1970-01-01T00:00:00Z, in UTC — Apache Arrow's timestamp layout (a 64-bit
/// signed count from the epoch, in UTC) at a unit of 100 ns, and the value of
/// <see cref="Instant.ToUnixTimeTicks"/>. Half the size of an <see cref="Instant"/>, and the form a
/// columnar writer stores (divide by 10 for Arrow's or Parquet's microseconds; a batch's times are
/// whole minutes when its first doses are). <see cref="BatchTime.ToInstant"/>, <see cref="DoseStartInstant"/>,
/// <see cref="DoseEndInstant"/> and <see cref="CourseEndInstant"/> give them as instants. The local
/// time and offset of a value are the zone's at that instant (<see cref="DateTimeZone.GetZoneInterval"/>).
/// </para>
/// <para>
/// Create the buffers once (<see cref="Allocate"/>, or wrap arrays or native memory you own) and
/// reuse them for batch after batch: planning writes into them and allocates nothing per course.
/// The columns are views: this object holds no data of its own.
/// </para>
/// </remarks>
public sealed class CourseColumns
{
    /// <summary>Wraps caller-owned buffers.</summary>
    /// <param name="dosesPerCourse">The stride of <paramref name="doseStarts"/>: dose slots per course; at least 1.</param>
    /// <param name="doseCounts">Per course: how many doses were planned; 0 for a request that failed.</param>
    /// <param name="doseStarts">Dose starts in Unix-epoch ticks (UTC, 100 ns), <paramref name="dosesPerCourse"/> slots per course; length = courses × <paramref name="dosesPerCourse"/>.</param>
    /// <param name="doseEnds">Per dose slot, as <paramref name="doseStarts"/>: the infusion's end (<see cref="ScheduledDose.End"/>) in Unix-epoch ticks; or empty, with <paramref name="doseCycleNumbers"/>, to plan without them (the planner then writes neither).</param>
    /// <param name="doseCycleNumbers">Per dose slot, as <paramref name="doseStarts"/>: the dose's cycle number, from 1 (<see cref="ScheduledDose.CycleNumber"/>); empty exactly when <paramref name="doseEnds"/> is.</param>
    /// <param name="courseEnds">Per course: the end of the last infusion (<see cref="CourseSchedule.CourseEnd"/>) in Unix-epoch ticks.</param>
    /// <param name="responseAssessmentDates">Per course: the imaging date (<see cref="CourseSchedule.ResponseAssessmentDate"/>).</param>
    /// <param name="nextCourseWindowStarts">Per course: the first day (inclusive) of the next-course window in force (<see cref="NextCourseWindow.Dates"/>: after the discharge rule and working days).</param>
    /// <param name="nextCourseWindowEnds">Per course: the last day of that window, inclusive.</param>
    /// <param name="nextCourseWindowReasons">Per course: what moved or emptied the window (<see cref="NextCourseWindow.Reasons"/>).</param>
    /// <param name="doseInternationalUnits">Per course: one dose in IU for the request's body weight (<see cref="DoseAmount.InternationalUnits"/>); 0 without a weight.</param>
    /// <param name="doseMilligrams">Per course: one dose in mg (<see cref="DoseAmount.Milligrams"/>); 0 without a weight or without the protocol's mg figure.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dosesPerCourse"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">
    /// The per-course columns differ in length, or a per-dose column is not courses × <paramref name="dosesPerCourse"/> long.
    /// </exception>
    public CourseColumns(
        int dosesPerCourse,
        Memory<int> doseCounts,
        Memory<long> doseStarts,
        Memory<long> doseEnds,
        Memory<byte> doseCycleNumbers,
        Memory<long> courseEnds,
        Memory<LocalDate> responseAssessmentDates,
        Memory<LocalDate> nextCourseWindowStarts,
        Memory<LocalDate> nextCourseWindowEnds,
        Memory<NextCourseWindowReasons> nextCourseWindowReasons,
        Memory<decimal> doseInternationalUnits,
        Memory<decimal> doseMilligrams)
    {
        if (dosesPerCourse < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dosesPerCourse), dosesPerCourse, Invariant($"dosesPerCourse must be at least 1; was {dosesPerCourse}"));
        }
        int courses = doseCounts.Length;
        CheckLength(courseEnds.Length, courses, nameof(courseEnds));
        CheckLength(responseAssessmentDates.Length, courses, nameof(responseAssessmentDates));
        CheckLength(nextCourseWindowStarts.Length, courses, nameof(nextCourseWindowStarts));
        CheckLength(nextCourseWindowEnds.Length, courses, nameof(nextCourseWindowEnds));
        CheckLength(nextCourseWindowReasons.Length, courses, nameof(nextCourseWindowReasons));
        CheckLength(doseInternationalUnits.Length, courses, nameof(doseInternationalUnits));
        CheckLength(doseMilligrams.Length, courses, nameof(doseMilligrams));
        CheckSlots(doseStarts.Length, courses, dosesPerCourse, nameof(doseStarts));
        if (!doseEnds.IsEmpty || !doseCycleNumbers.IsEmpty)
        {
            CheckSlots(doseEnds.Length, courses, dosesPerCourse, nameof(doseEnds));
            CheckSlots(doseCycleNumbers.Length, courses, dosesPerCourse, nameof(doseCycleNumbers));
        }
        DosesPerCourse = dosesPerCourse;
        DoseCountsMemory = doseCounts;
        DoseStartsMemory = doseStarts;
        DoseEndsMemory = doseEnds;
        DoseCycleNumbersMemory = doseCycleNumbers;
        CourseEndsMemory = courseEnds;
        ResponseAssessmentDatesMemory = responseAssessmentDates;
        NextCourseWindowStartsMemory = nextCourseWindowStarts;
        NextCourseWindowEndsMemory = nextCourseWindowEnds;
        NextCourseWindowReasonsMemory = nextCourseWindowReasons;
        DoseInternationalUnitsMemory = doseInternationalUnits;
        DoseMilligramsMemory = doseMilligrams;
    }

    /// <summary>The number of courses the columns hold.</summary>
    public int CourseCount => DoseCountsMemory.Length;

    /// <summary>Dose slots per course: the stride of <see cref="DoseStarts"/>.</summary>
    public int DosesPerCourse { get; }

    /// <summary>Per course: the doses planned (at most the protocol's <see cref="CourseProtocol.MaxDosesPerCourse"/>; fewer when a calendar-day window holds fewer dose times); 0 for a failed request.</summary>
    public Span<int> DoseCounts => DoseCountsMemory.Span;

    /// <summary>
    /// Dose starts in Unix-epoch ticks (UTC, 100 ns; see the remarks), <see cref="DosesPerCourse"/>
    /// slots per course; slots past a course's dose count hold 0.
    /// </summary>
    public Span<long> DoseStarts => DoseStartsMemory.Span;

    /// <summary>
    /// Dose ends in Unix-epoch ticks, slot by slot as <see cref="DoseStarts"/>: each infusion ends the protocol's
    /// <see cref="CourseProtocol.InfusionDuration"/> (elapsed time) after its start (label, section 2:
    /// a 15-minute infusion). Slots past a course's dose count hold 0; empty unless the columns were made with dose ends.
    /// </summary>
    public Span<long> DoseEnds => DoseEndsMemory.Span;

    /// <summary>
    /// Each dose's cycle number, from 1, slot by slot as <see cref="DoseStarts"/> (at most
    /// 10 cycles, so a byte). A cycle holds the dose cap or fewer when its window holds fewer dose
    /// times (<see cref="CycleSchedule.BoundBy"/>), so the cycle is not the dose's index divided by
    /// the cap. Slots past a course's dose count hold 0; empty unless the columns were made with dose ends.
    /// </summary>
    public Span<byte> DoseCycleNumbers => DoseCycleNumbersMemory.Span;

    /// <summary>Per course: the end of the last infusion of the last cycle in Unix-epoch ticks; 0 for a failed request.</summary>
    public Span<long> CourseEnds => CourseEndsMemory.Span;

    /// <summary>Per course: the response-assessment (imaging) date, a local date in the course's zone; <c>default</c> for a failed request.</summary>
    public Span<LocalDate> ResponseAssessmentDates => ResponseAssessmentDatesMemory.Span;

    /// <summary>
    /// Per course: the first day (inclusive) of the next-course window in force, after the request's
    /// discharge date and the planner's working days (<see cref="NextCourseWindow.Dates"/>); <c>default</c>
    /// for a failed request or an empty window (see <see cref="NextCourseWindowReasons"/>).
    /// </summary>
    public Span<LocalDate> NextCourseWindowStarts => NextCourseWindowStartsMemory.Span;

    /// <summary>Per course: the last day (inclusive) of the next-course window in force; <c>default</c> for a failed request or an empty window.</summary>
    public Span<LocalDate> NextCourseWindowEnds => NextCourseWindowEndsMemory.Span;

    /// <summary>Per course: what moved or emptied the next-course window (<see cref="NextCourseWindow.Reasons"/>).</summary>
    public Span<NextCourseWindowReasons> NextCourseWindowReasons => NextCourseWindowReasonsMemory.Span;

    /// <summary>Per course: one dose in IU for the request's body weight; 0 without a weight or for a failed request.</summary>
    public Span<decimal> DoseInternationalUnits => DoseInternationalUnitsMemory.Span;

    /// <summary>Per course: one dose in mg for the request's body weight; 0 without a weight, without the protocol's mg figure or for a failed request.</summary>
    public Span<decimal> DoseMilligrams => DoseMilligramsMemory.Span;

    /// <summary>
    /// The opt-in detail columns (each cycle's start, window and bound, the follow-up dates before
    /// working days, the window's note, the dose amount's details) that <see cref="BatchPlanner"/>
    /// fills beside these columns; null (the default) when it fills none.
    /// </summary>
    public CourseDetailColumns? Details { get; private init; }

    internal Memory<int> DoseCountsMemory { get; }

    internal Memory<long> DoseStartsMemory { get; }

    internal Memory<long> DoseEndsMemory { get; }

    internal Memory<byte> DoseCycleNumbersMemory { get; }

    internal Memory<long> CourseEndsMemory { get; }

    internal Memory<LocalDate> ResponseAssessmentDatesMemory { get; }

    internal Memory<LocalDate> NextCourseWindowStartsMemory { get; }

    internal Memory<LocalDate> NextCourseWindowEndsMemory { get; }

    internal Memory<NextCourseWindowReasons> NextCourseWindowReasonsMemory { get; }

    internal Memory<decimal> DoseInternationalUnitsMemory { get; }

    internal Memory<decimal> DoseMilligramsMemory { get; }

    /// <summary>Allocates new arrays for <paramref name="courseCount"/> courses of up to <paramref name="dosesPerCourse"/> doses.</summary>
    /// <param name="courseCount">The number of courses; at least 0.</param>
    /// <param name="dosesPerCourse">Dose slots per course, for example <see cref="BatchPlanner.DosesPerCourse"/>; at least 1.</param>
    /// <param name="withDoseEndsAndCycles">True to allocate <see cref="DoseEnds"/> and <see cref="DoseCycleNumbers"/> too (9 more bytes a dose slot, and the planner writes them); false (the default) leaves them empty.</param>
    /// <returns>The columns, all zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="courseCount"/> is negative, <paramref name="dosesPerCourse"/> is less than 1, or their product exceeds <see cref="Array.MaxLength"/>.</exception>
    public static CourseColumns Allocate(int courseCount, int dosesPerCourse, bool withDoseEndsAndCycles = false)
    {
        if (courseCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(courseCount), courseCount, Invariant($"courseCount must be at least 0; was {courseCount}"));
        }
        if (dosesPerCourse < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dosesPerCourse), dosesPerCourse, Invariant($"dosesPerCourse must be at least 1; was {dosesPerCourse}"));
        }
        long slots = (long)courseCount * dosesPerCourse;
        if (slots > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(courseCount), courseCount, Invariant($"courseCount × dosesPerCourse must be at most {Array.MaxLength}; was {slots}"));
        }
        return new CourseColumns(
            dosesPerCourse,
            new int[courseCount],
            new long[slots],
            withDoseEndsAndCycles ? new long[slots] : Memory<long>.Empty,
            withDoseEndsAndCycles ? new byte[slots] : Memory<byte>.Empty,
            new long[courseCount],
            new LocalDate[courseCount],
            new LocalDate[courseCount],
            new LocalDate[courseCount],
            new NextCourseWindowReasons[courseCount],
            new decimal[courseCount],
            new decimal[courseCount]);
    }

    /// <summary>These columns with <paramref name="details"/> attached: the planner then fills them too. The buffers are shared, not copied.</summary>
    /// <param name="details">Detail columns for as many courses as these columns hold; null to plan without them.</param>
    /// <returns>A new view of the same buffers with <see cref="Details"/> set.</returns>
    /// <exception cref="ArgumentException"><paramref name="details"/> holds another number of courses than <see cref="CourseCount"/>.</exception>
    public CourseColumns WithDetails(CourseDetailColumns? details)
    {
        if (details is not null && details.CourseCount != CourseCount)
        {
            throw new ArgumentException(Invariant($"details must hold as many courses as the columns ({CourseCount}); was {details.CourseCount}"), nameof(details));
        }
        return new CourseColumns(
            DosesPerCourse,
            DoseCountsMemory,
            DoseStartsMemory,
            DoseEndsMemory,
            DoseCycleNumbersMemory,
            CourseEndsMemory,
            ResponseAssessmentDatesMemory,
            NextCourseWindowStartsMemory,
            NextCourseWindowEndsMemory,
            NextCourseWindowReasonsMemory,
            DoseInternationalUnitsMemory,
            DoseMilligramsMemory)
        {
            Details = details,
        };
    }

    /// <summary>The planned dose starts of course <paramref name="course"/>: <see cref="DoseCounts"/>[course] values in Unix-epoch ticks.</summary>
    /// <param name="course">The course's index, from 0.</param>
    /// <returns>A view into <see cref="DoseStarts"/>; empty for a failed request.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="course"/> is not in [0, <see cref="CourseCount"/>).</exception>
    public Span<long> DoseStartsOf(int course) => DoseStarts.Slice(CheckCourse(course) * DosesPerCourse, DoseCounts[course]);

    /// <summary>The planned dose ends of course <paramref name="course"/>: <see cref="DoseCounts"/>[course] values in Unix-epoch ticks, dose by dose as <see cref="DoseStartsOf"/>.</summary>
    /// <param name="course">The course's index, from 0.</param>
    /// <returns>A view into <see cref="DoseEnds"/>; empty for a failed request.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="course"/> is not in [0, <see cref="CourseCount"/>).</exception>
    /// <exception cref="InvalidOperationException">The columns hold no dose ends (see <see cref="Allocate"/>).</exception>
    public Span<long> DoseEndsOf(int course) => CheckHasDoseEnds().DoseEnds.Slice(CheckCourse(course) * DosesPerCourse, DoseCounts[course]);

    /// <summary>The cycle number (from 1) of each planned dose of course <paramref name="course"/>, dose by dose as <see cref="DoseStartsOf"/>.</summary>
    /// <param name="course">The course's index, from 0.</param>
    /// <returns>A view into <see cref="DoseCycleNumbers"/>; empty for a failed request.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="course"/> is not in [0, <see cref="CourseCount"/>).</exception>
    /// <exception cref="InvalidOperationException">The columns hold no cycle numbers (see <see cref="Allocate"/>).</exception>
    public Span<byte> DoseCycleNumbersOf(int course) => CheckHasDoseEnds().DoseCycleNumbers.Slice(CheckCourse(course) * DosesPerCourse, DoseCounts[course]);

    /// <summary>The start of dose <paramref name="dose"/> of course <paramref name="course"/> as an instant.</summary>
    /// <param name="course">The course's index, from 0.</param>
    /// <param name="dose">The dose's index in the course, from 0.</param>
    /// <returns>The instant of <see cref="DoseStartsOf"/>(course)[dose].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="course"/> is not in [0, <see cref="CourseCount"/>), or <paramref name="dose"/> is not in [0, <see cref="DoseCounts"/>[course]).</exception>
    public Instant DoseStartInstant(int course, int dose) => BatchTime.ToInstant(DoseStartsOf(course)[CheckDose(course, dose)]);

    /// <summary>The end of dose <paramref name="dose"/> of course <paramref name="course"/> as an instant.</summary>
    /// <param name="course">The course's index, from 0.</param>
    /// <param name="dose">The dose's index in the course, from 0.</param>
    /// <returns>The instant of <see cref="DoseEndsOf"/>(course)[dose].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="course"/> is not in [0, <see cref="CourseCount"/>), or <paramref name="dose"/> is not in [0, <see cref="DoseCounts"/>[course]).</exception>
    /// <exception cref="InvalidOperationException">The columns hold no dose ends (see <see cref="Allocate"/>).</exception>
    public Instant DoseEndInstant(int course, int dose) => BatchTime.ToInstant(DoseEndsOf(course)[CheckDose(course, dose)]);

    /// <summary>The end of course <paramref name="course"/>'s last infusion as an instant.</summary>
    /// <param name="course">The course's index, from 0.</param>
    /// <returns>The instant of <see cref="CourseEnds"/>[course]; the Unix epoch for a failed request.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="course"/> is not in [0, <see cref="CourseCount"/>).</exception>
    public Instant CourseEndInstant(int course) => BatchTime.ToInstant(CourseEnds[CheckCourse(course)]);

    private int CheckDose(int course, int dose) =>
        (uint)dose < (uint)DoseCounts[course]
            ? dose
            : throw new ArgumentOutOfRangeException(nameof(dose), dose, Invariant($"dose must be in range [0, {DoseCounts[course]}) for course {course}; was {dose}"));

    private CourseColumns CheckHasDoseEnds() =>
        DoseEndsMemory.IsEmpty
            ? throw new InvalidOperationException("These columns hold no dose ends or cycle numbers; allocate them with withDoseEndsAndCycles: true.")
            : this;

    private int CheckCourse(int course) =>
        (uint)course < (uint)CourseCount
            ? course
            : throw new ArgumentOutOfRangeException(nameof(course), course, Invariant($"course must be in range [0, {CourseCount}); was {course}"));

    private static void CheckSlots(int length, int courses, int dosesPerCourse, string paramName)
    {
        if ((long)courses * dosesPerCourse != length)
        {
            throw new ArgumentException(
                Invariant($"{paramName} must hold {dosesPerCourse} slots for each of the {courses} courses ({(long)courses * dosesPerCourse}); was {length} long"),
                paramName);
        }
    }

    private static void CheckLength(int length, int courses, string paramName)
    {
        if (length != courses)
        {
            throw new ArgumentException(Invariant($"{paramName} must be as long as doseCounts ({courses}); was {length}"), paramName);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
