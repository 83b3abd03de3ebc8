using System.Collections.Generic;

namespace IL2Schedule.Batch;

/// <summary>What a batch planned: how many requests succeeded, and each failure with its index.</summary>
public sealed class BatchResult
{
    internal BatchResult(int requestCount, IReadOnlyList<CourseFailure> failures)
    {
        RequestCount = requestCount;
        Failures = failures;
    }

    /// <summary>The number of requests in the batch.</summary>
    public int RequestCount { get; }

    /// <summary>The number of requests planned: <see cref="RequestCount"/> minus the failures.</summary>
    public int PlannedCount => RequestCount - Failures.Count;

    /// <summary>The requests that could not be planned, in index order; empty when every request was planned.</summary>
    public IReadOnlyList<CourseFailure> Failures { get; }
}
