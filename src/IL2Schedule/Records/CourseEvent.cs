using System;
using System.Globalization;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>
/// A fact about a course as it happened, from the medication administration record: a dose given
/// or held, a cycle or the course stopped, a cycle moved, the patient discharged, or a correction.
/// Immutable, validated on construction, with value equality over the id and every value.
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

    /// <summary>The event's kind as written in JSON: "doseGiven", "doseHeld", "cycleStopped", "courseStopped", "cycleRescheduled", "discharged" or "corrected".</summary>
    public abstract string Kind { get; }

    /// <inheritdoc/>
    public bool Equals(CourseEvent? other) =>
        other is not null && other.GetType() == GetType() && Id == other.Id && HasSameValues(other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CourseEvent);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(GetType(), Id);

    /// <summary>Compares two events by kind, id and every value.</summary>
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
    /// <param name="zone">The zone for instants.</param>
    /// <param name="effectiveId">The id to show instead of <see cref="Id"/>: a correction's replacement takes the corrected event's id.</param>
    internal string Describe(DateTimeZone zone, string? effectiveId = null) => $"{Kind} {effectiveId ?? Id ?? "(no id)"} ({DescribeValues(zone)})";

    private protected abstract bool HasSameValues(CourseEvent other);

    private protected abstract string DescribeValues(DateTimeZone zone);

    private protected static string Show(Instant instant, DateTimeZone zone) =>
        zone == DateTimeZone.Utc ? instant.ToString() : ScheduleText.Format(instant.InZone(zone));

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
