using System;

namespace IL2Schedule.Records;

/// <summary>
/// Thrown when an event cannot be applied to a <see cref="CourseRecord"/>. The record it was
/// applied to is unchanged. The message names the event (kind, id and values), the rule and the
/// values involved, for example "doseGiven e5 (cycle 1, slot 3, start 2027-03-10T23:00:00-05:00)
/// is rejected: it starts at 2027-03-10T23:00:00-05:00, at or after cycle 1 was stopped at ...".
/// </summary>
public sealed class CourseEventRejectedException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="courseEvent">The event that was rejected.</param>
    /// <param name="rule">The rule it breaks.</param>
    /// <param name="message">The whole message.</param>
    /// <exception cref="ArgumentNullException"><paramref name="courseEvent"/> or <paramref name="message"/> is null.</exception>
    public CourseEventRejectedException(CourseEvent courseEvent, CourseEventRule rule, string message)
        : base(Preconditions.CheckNotNull(message, nameof(message)), nameof(courseEvent))
    {
        Event = Preconditions.CheckNotNull(courseEvent, nameof(courseEvent));
        Rule = rule;
    }

    /// <summary>The event that was rejected.</summary>
    public CourseEvent Event { get; }

    /// <summary>The rule it breaks.</summary>
    public CourseEventRule Rule { get; }

    /// <summary>The message without .NET's " (Parameter 'courseEvent')" suffix, for one-line displays.</summary>
    public string Reason => Messages.WithoutParameterName(this);
}
