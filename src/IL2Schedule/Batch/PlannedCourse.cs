using System;
using NodaTime;

namespace IL2Schedule.Batch;

/// <summary>
/// One course of a streamed batch (<see cref="BatchPlanner.PlanEach"/>): the request, and either its
/// dose starts, course end, imaging date and next-course window, or why it could not be planned.
/// A light value; <see cref="ToSchedule"/> gives the full <see cref="CourseSchedule"/> when wanted.
/// </summary>
public readonly struct PlannedCourse : IEquatable<PlannedCourse>
{
    private readonly CourseOutcome outcome;

    private readonly BatchPlanner? planner;

    internal PlannedCourse(long index, CourseRequest request, BatchPlanner? planner, ReadOnlyMemory<Instant> doseStarts, CourseOutcome outcome, CourseFailure? failure)
    {
        Index = index;
        Request = request;
        this.planner = planner;
        Protocol = planner?.Protocols[request.ProtocolIndex];
        DoseStarts = doseStarts;
        this.outcome = outcome;
        Failure = failure;
    }

    /// <summary>The request's index in the stream, from 0.</summary>
    public long Index { get; }

    /// <summary>The request.</summary>
    public CourseRequest Request { get; }

    /// <summary>The protocol the course was planned with; null for a failed request.</summary>
    public CourseProtocol? Protocol { get; }

    /// <summary>Why the request could not be planned (with <see cref="CoursePlanner"/>'s exception), or null if it was planned.</summary>
    public CourseFailure? Failure { get; }

    /// <summary>True if the course was planned.</summary>
    public bool IsPlanned => Failure is null;

    /// <summary>Every dose's start, in order (at most the protocol's <see cref="CourseProtocol.MaxDosesPerCourse"/>; fewer when a calendar-day window holds fewer dose times); empty for a failed request. This course's own memory.</summary>
    public ReadOnlyMemory<Instant> DoseStarts { get; }

    /// <summary>The end of the last infusion (<see cref="CourseSchedule.CourseEnd"/>); <c>default</c> for a failed request.</summary>
    public Instant CourseEnd => BatchTime.ToInstant(outcome.CourseEnd);

    /// <summary>The response-assessment (imaging) date (<see cref="CourseSchedule.ResponseAssessmentDate"/>); <c>default</c> for a failed request.</summary>
    public LocalDate ResponseAssessmentDate => outcome.ResponseAssessmentDate;

    /// <summary>
    /// The first day (inclusive) of the next-course window in force, after the request's discharge
    /// date and the planner's working days (<see cref="NextCourseWindow.Dates"/>); <c>default</c> for a
    /// failed request or an empty window (see <see cref="NextCourseWindowReasons"/>).
    /// </summary>
    public LocalDate NextCourseWindowStart => outcome.NextCourseWindowStart;

    /// <summary>The last day (inclusive) of that window; <c>default</c> for a failed request or an empty window.</summary>
    public LocalDate NextCourseWindowEnd => outcome.NextCourseWindowEnd;

    /// <summary>What moved or emptied the next-course window (<see cref="NextCourseWindow.Reasons"/>).</summary>
    public NextCourseWindowReasons NextCourseWindowReasons => outcome.NextCourseWindowReasons;

    /// <summary>One dose in IU for the request's body weight (<see cref="DoseAmount.InternationalUnits"/>); 0 without a weight.</summary>
    public decimal DoseInternationalUnits => outcome.DoseInternationalUnits;

    /// <summary>One dose in mg for the request's body weight (<see cref="DoseAmount.Milligrams"/>); 0 without a weight or without the protocol's mg figure.</summary>
    public decimal DoseMilligrams => outcome.DoseMilligrams;

    /// <summary>
    /// The full schedule of this course, as <see cref="CoursePlanner.Plan(LocalDateTime, DateTimeZone)"/>
    /// gives it with the request's discharge date and body weight and the batch planner's working
    /// days (it plans the course again, allocating the schedule's objects).
    /// </summary>
    /// <returns>The schedule; its dose starts equal <see cref="DoseStarts"/>.</returns>
    /// <exception cref="InvalidOperationException">The request was not planned (<see cref="Failure"/> says why).</exception>
    public CourseSchedule ToSchedule() =>
        planner is not null
            ? planner.ScheduleOf(Request)
            : throw new InvalidOperationException($"Request {Index} was not planned: {Failure!.Message}");

    /// <inheritdoc/>
    public bool Equals(PlannedCourse other) =>
        Index == other.Index
        && Request == other.Request
        && ReferenceEquals(Protocol, other.Protocol)
        && ReferenceEquals(Failure, other.Failure)
        && outcome == other.outcome
        && DoseStarts.Span.SequenceEqual(other.DoseStarts.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PlannedCourse other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Index, Request, outcome);

    /// <summary>Compares two results by every value.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>True if they are equal.</returns>
    public static bool operator ==(PlannedCourse left, PlannedCourse right) => left.Equals(right);

    /// <summary>Compares two results by every value.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>True if any value differs.</returns>
    public static bool operator !=(PlannedCourse left, PlannedCourse right) => !left.Equals(right);
}
