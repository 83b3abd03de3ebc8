using System;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>
/// A fact about a course as it happened, from the medication administration record: a dose given,
/// stopped early or held, a cycle or the course stopped, a cycle moved, the patient discharged, or a correction.
/// Immutable, validated on construction, with value equality over the id, every value and the audit trail (<see cref="RecordedAt"/>, <see cref="RecordedBy"/>).
/// </summary>
/// <remarks>
/// The event kinds follow what a medication administration record holds and the label's handling of toxicity (Proleukin label, section
/// 2.4 and Table 2: doses are withheld or stopped, never reduced). Only this library derives from
/// this class.
/// </remarks>
public abstract class CourseEvent : IEquatable<CourseEvent>
{
    private protected CourseEvent(string? id)
    {
        if (id is not null && (id.Length == 0 || id.Trim().Length != id.Length))
        {
            throw new ArgumentException($"id must be null or a non-empty text without leading or trailing white space; was '{id}'", nameof(id));
        }
        Id = id;
    }

    /// <summary>
    /// The caller's id for the event (for example the hospital message id), or null. The same id
    /// applied twice with the same content is a no-op; with different content it is rejected.
    /// <see cref="Corrected"/> refers to events by id.
    /// </summary>
    public string? Id { get; }

    /// <summary>The longest <see cref="RecordedBy"/> accepted, in characters: this library's bound, long enough for a name and a role.</summary>
    public const int MaxRecordedByLength = 200;

    /// <summary>The instant the event was entered in the medication administration record, if known (the audit trail; not used by re-planning).</summary>
    public Instant? RecordedAt { get; private set; }

    /// <summary>Who entered the event, as free text (a name, a user id, a system), if known; at most <see cref="MaxRecordedByLength"/> characters.</summary>
    public string? RecordedBy { get; private set; }

    /// <summary>Returns this event with its audit trail: when it was entered and by whom. Re-planning ignores both.</summary>
    /// <param name="recordedAt">The instant the event was entered, or null.</param>
    /// <param name="recordedBy">Who entered it, or null: not empty, without leading or trailing white space, at most <see cref="MaxRecordedByLength"/> characters.</param>
    /// <returns>A copy of this event with the audit values; this one is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="recordedBy"/> is empty, padded with white space or holds a control character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recordedBy"/> is longer than <see cref="MaxRecordedByLength"/> characters.</exception>
    public CourseEvent WithAudit(Instant? recordedAt, string? recordedBy)
    {
        if (recordedBy is not null)
        {
            if (recordedBy.Length > MaxRecordedByLength)
            {
                throw new ArgumentOutOfRangeException(nameof(recordedBy), recordedBy.Length,
                    string.Create(CultureInfo.InvariantCulture, $"recordedBy must be at most {MaxRecordedByLength} characters; was {recordedBy.Length}"));
            }
            if (recordedBy.Length == 0 || recordedBy.Trim().Length != recordedBy.Length || recordedBy.Any(char.IsControl))
            {
                throw new ArgumentException($"recordedBy must be null or a non-empty text without leading or trailing white space or control characters; was '{InputText.ForMessage(recordedBy)}'", nameof(recordedBy));
            }
        }
        var copy = (CourseEvent)MemberwiseClone();
        copy.RecordedAt = recordedAt;
        copy.RecordedBy = recordedBy;
        return copy;
    }

    /// <summary>The event's kind as written in JSON: "doseGiven", "doseStopped", "doseHeld", "cycleStopped", "courseStopped", "cycleRescheduled", "discharged" or "corrected".</summary>
    public abstract string Kind { get; }

    /// <inheritdoc/>
    public bool Equals(CourseEvent? other) =>
        other is not null && other.GetType() == GetType() && Id == other.Id && RecordedAt == other.RecordedAt && RecordedBy == other.RecordedBy && HasSameValues(other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CourseEvent);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(GetType(), Id);

    /// <summary>Compares two events by kind, id, every value and the audit trail.</summary>
    /// <param name="left">The first event, or null.</param>
    /// <param name="right">The second event, or null.</param>
    /// <returns>True if both are null or equal.</returns>
    public static bool operator ==(CourseEvent? left, CourseEvent? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two events by kind, id and every value.</summary>
    /// <param name="left">The first event, or null.</param>
    /// <param name="right">The second event, or null.</param>
    /// <returns>True if exactly one is null or they differ.</returns>
    public static bool operator !=(CourseEvent? left, CourseEvent? right) => !(left == right);

    /// <summary>An invariant description such as "doseGiven e1 (cycle 1, slot 1, start 2027-03-10T13:05:00Z)".</summary>
    /// <returns>The description, with instants in UTC.</returns>
    public override string ToString() => Describe(DateTimeZone.Utc);

    /// <summary>The description with instants shown in <paramref name="zone"/>, for messages about a course.</summary>
    /// <param name="zone">The zone for instants (an instant whose local time there would pass 9999-12-31 or precede 0001-01-01 is shown in UTC).</param>
    /// <param name="effectiveId">The id to show instead of <see cref="Id"/>: a correction's replacement takes the corrected event's id.</param>
    internal string Describe(DateTimeZone zone, string? effectiveId = null) => $"{Kind} {effectiveId ?? Id ?? "(no id)"} ({DescribeValues(zone)})";

    private protected abstract bool HasSameValues(CourseEvent other);

    private protected abstract string DescribeValues(DateTimeZone zone);

    /// <summary>
    /// The instant in <paramref name="zone"/>, or in UTC when its local time there would lie outside
    /// 0001-01-01 to 9999-12-31 (an infusion end recorded at the end of time, east of UTC), so that a
    /// message about such an event can still be written.
    /// </summary>
    private protected static string Show(Instant instant, DateTimeZone zone) =>
        zone == DateTimeZone.Utc || !Rules.TimeRange.HoldsLocal(Rules.Ticks.From(instant) + zone.GetUtcOffset(instant).Ticks, 0)
            ? instant.ToString()
            : ScheduleText.Format(instant.InZone(zone));

    private protected static string CheckReason(string reason, string paramName)
    {
        Preconditions.CheckNotNull(reason, paramName);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException($"{paramName} must not be empty or white space; was '{reason}'", paramName);
        }
        return reason;
    }

    private protected static int CheckPositive(int value, string paramName) =>
        value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, string.Create(CultureInfo.InvariantCulture, $"{paramName} must be at least 1; was {value}"));
}
