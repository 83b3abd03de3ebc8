using System;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>The whole course stopped for good at an instant; no dose is given from then on.</summary>
/// <remarks>Proleukin label, section 2.4 and Table 2: some toxicities mean stopping treatment permanently.</remarks>
public sealed class CourseStopped : CourseEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="id">The caller's id, or null.</param>
    /// <param name="at">The instant the course was stopped.</param>
    /// <param name="reason">Why; not empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or padded, or <paramref name="reason"/> is empty or white space.</exception>
    public CourseStopped(string? id, Instant at, string reason)
        : base(id)
    {
        At = at;
        Reason = CheckReason(reason, nameof(reason));
    }

    /// <summary>Creates the event from the offset date-time a medication administration record feed carries.</summary>
    /// <param name="id">The caller's id, or null.</param>
    /// <param name="at">When the course was stopped. Only the instant counts: an offset that differs from the course zone's offset at that instant is accepted as the same instant.</param>
    /// <param name="reason">Why; not empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or padded, or <paramref name="reason"/> is empty or white space.</exception>
    /// <remarks>Equal to the event created from <see cref="Instant.FromDateTimeOffset(DateTimeOffset)"/>; the offset is not kept (this library's choice).</remarks>
    public CourseStopped(string? id, DateTimeOffset at, string reason)
        : this(id, Instant.FromDateTimeOffset(at), reason)
    {
    }

    /// <summary>Creates the event from a zoned date-time.</summary>
    /// <param name="id">The caller's id, or null.</param>
    /// <param name="at">When the course was stopped. Only the instant counts: a zone other than the course's is accepted as the same instant.</param>
    /// <param name="reason">Why; not empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or padded, or <paramref name="reason"/> is empty or white space.</exception>
    /// <remarks>Equal to the event created from <see cref="ZonedDateTime.ToInstant"/>; the zone is not kept (this library's choice).</remarks>
    public CourseStopped(string? id, ZonedDateTime at, string reason)
        : this(id, at.ToInstant(), reason)
    {
    }

    /// <inheritdoc/>
    public override string Kind => "courseStopped";

    /// <summary>The instant the course was stopped; slots due at or after it are cancelled.</summary>
    public Instant At { get; }

    /// <summary>Why the course was stopped.</summary>
    public string Reason { get; }

    private protected override bool HasSameValues(CourseEvent other) =>
        other is CourseStopped o && At == o.At && Reason == o.Reason;

    private protected override string DescribeValues(DateTimeZone zone) => $"at {Show(At, zone)}, reason '{Reason}'";
}
