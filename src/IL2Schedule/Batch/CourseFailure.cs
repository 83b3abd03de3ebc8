using System;

namespace IL2Schedule.Batch;

/// <summary>A request of a batch that could not be planned: its index and the exception planning it on its own throws.</summary>
/// <remarks>
/// The exception is the one <see cref="CoursePlanner"/> throws for the same request, with
/// the same type and message (a <see cref="LocalTimeMappingException"/> for a skipped or
/// repeated first dose, an <see cref="ArgumentOutOfRangeException"/> for dates past 9999-12-31, and so on).
/// </remarks>
public sealed class CourseFailure
{
    internal CourseFailure(long index, Exception exception)
    {
        Index = index;
        Exception = exception;
    }

    /// <summary>The request's index in the batch, from 0.</summary>
    public long Index { get; }

    /// <summary>The exception <see cref="CoursePlanner"/> throws for the request.</summary>
    public Exception Exception { get; }

    /// <summary>The exception's message: why the request cannot be planned.</summary>
    public string Message => Exception.Message;

    /// <summary>"request 12: " and the message.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => FormattableString.Invariant($"request {Index}: {Message}");
}
