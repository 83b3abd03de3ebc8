using System;
using System.Globalization;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>A cycle stopped early by the clinician at an instant; no dose of that cycle is given from then on.</summary>
/// <remarks>NCI protocol NCT01160445: a cycle ends at the dose cap, the end of its 5-day window, or when the clinician stops it.</remarks>
public sealed class CycleStopped : CourseEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="id">The caller's id, or null.</param>
    /// <param name="cycle">The cycle number, from 1.</param>
    /// <param name="at">The instant the cycle was stopped.</param>
    /// <param name="reason">Why, for example "grade 3 hypotension"; not empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or padded, or <paramref name="reason"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycle"/> is less than 1.</exception>
    public CycleStopped(string? id, int cycle, Instant at, string reason)
        : base(id)
    {
        Cycle = CheckPositive(cycle, nameof(cycle));
        At = at;
        Reason = CheckReason(reason, nameof(reason));
    }

    /// <inheritdoc/>
    public override string Kind => "cycleStopped";

    /// <summary>The cycle number, from 1.</summary>
    public int Cycle { get; }

    /// <summary>The instant the cycle was stopped; slots due at or after it are cancelled.</summary>
    public Instant At { get; }

    /// <summary>Why the cycle was stopped.</summary>
    public string Reason { get; }

    private protected override bool HasSameValues(CourseEvent other) =>
        other is CycleStopped o && Cycle == o.Cycle && At == o.At && Reason == o.Reason;

    private protected override string DescribeValues(DateTimeZone zone) =>
        string.Create(CultureInfo.InvariantCulture, $"cycle {Cycle}, at {Show(At, zone)}, reason '{Reason}'");
}
