using System;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>
/// A correction: replaces the event with id <see cref="CorrectedEventId"/> by <see cref="Replacement"/>.
/// Both stay in the record's history; only the replacement takes effect.
/// </summary>
/// <remarks>
/// This library's rule: nothing recorded is lost. The replacement takes over the
/// corrected event's id, so a later correction can name the same id again. It may be of another
/// kind (a dose recorded as given that was in fact held); the record's rules apply to it as to any event.
/// </remarks>
public sealed class Corrected : CourseEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="id">The correction's own id, or null.</param>
    /// <param name="correctedEventId">The id of the event to replace; it must be in the record.</param>
    /// <param name="replacement">The event that takes effect instead: not a correction itself, with no id or the same id as the corrected event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="correctedEventId"/> or <paramref name="replacement"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="id"/> or <paramref name="correctedEventId"/> is empty or padded; <paramref name="replacement"/> is a
    /// <see cref="Corrected"/>; or its id is neither null nor <paramref name="correctedEventId"/>.
    /// </exception>
    public Corrected(string? id, string correctedEventId, CourseEvent replacement)
        : base(id)
    {
        Preconditions.CheckNotNull(correctedEventId, nameof(correctedEventId));
        Preconditions.CheckNotNull(replacement, nameof(replacement));
        if (correctedEventId.Length == 0 || correctedEventId.Trim().Length != correctedEventId.Length)
        {
            throw new ArgumentException($"correctedEventId must be a non-empty text without leading or trailing white space; was '{correctedEventId}'", nameof(correctedEventId));
        }
        if (replacement is Corrected)
        {
            throw new ArgumentException("replacement must not be a correction itself; correct the original id again instead", nameof(replacement));
        }
        if (replacement.Id is { } replacementId && replacementId != correctedEventId)
        {
            throw new ArgumentException($"replacement's id must be null or the corrected event's id '{correctedEventId}'; was '{replacementId}'", nameof(replacement));
        }
        CorrectedEventId = correctedEventId;
        Replacement = replacement;
    }

    /// <inheritdoc/>
    public override string Kind => "corrected";

    /// <summary>The id of the event this one replaces.</summary>
    public string CorrectedEventId { get; }

    /// <summary>The event that takes effect instead of the corrected one (its id, if any, is <see cref="CorrectedEventId"/>).</summary>
    public CourseEvent Replacement { get; }

    private protected override bool HasSameValues(CourseEvent other) =>
        other is Corrected o && CorrectedEventId == o.CorrectedEventId && Replacement.Equals(o.Replacement);

    private protected override string DescribeValues(DateTimeZone zone) => $"replaces {CorrectedEventId} with {Replacement.Describe(zone)}";
}
