using System;

namespace IL2Schedule.Records;

/// <summary>
/// Thrown when an event cannot be applied to a <see cref="CourseRecord"/>. The record it was
/// applied to is unchanged. The message names the event (kind, id and values), the rule and the
/// values involved, and ends with the re-planning rule of the documentation's table that it breaks
/// (<see cref="DocumentedRule"/>), for example "doseGiven e5 (cycle 1, slot 3, start
/// 2027-03-10T23:00:00-05:00) is rejected by rule AfterStop: it starts at 2027-03-10T23:00:00-05:00,
/// at or after the stop at ...; see re-planning rule 5 (Rejections).".
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
        DocumentedRule = DocumentedRuleOf(rule);
    }

    /// <summary>The event that was rejected.</summary>
    public CourseEvent Event { get; }

    /// <summary>The rule it breaks.</summary>
    public CourseEventRule Rule { get; }

    /// <summary>
    /// The row of <see cref="RuleBook"/> that states <see cref="Rule"/>: re-planning rule 3 (Later cycle
    /// start) for <see cref="CourseEventRule.RescheduleOverlapsCycle"/> and <see cref="CourseEventRule.CycleAlreadyStarted"/>;
    /// null for <see cref="CourseEventRule.IdAlreadyUsed"/>, <see cref="CourseEventRule.UnknownCorrectedEvent"/>
    /// and <see cref="CourseEventRule.OutOfRange"/> (this library's rules for ids and the calendar's
    /// range, in no table); re-planning rule 5 (Rejections) for every other rule.
    /// </summary>
    public RuleText? DocumentedRule { get; }

    /// <summary>The message without .NET's " (Parameter 'courseEvent')" suffix, for one-line displays.</summary>
    public string Reason => Messages.WithoutParameterName(this);

    /// <summary>"{event} is rejected by rule {rule}: {detail}; see re-planning rule 5 (Rejections).": the one shape of the library's messages.</summary>
    internal static string FormatMessage(string describedEvent, CourseEventRule rule, string detail) =>
        DocumentedRuleOf(rule) is { } documented
            ? $"{describedEvent} is rejected by rule {rule}: {detail}{RuleBook.See(documented)}."
            : $"{describedEvent} is rejected by rule {rule}: {detail}.";

    private static RuleText? DocumentedRuleOf(CourseEventRule rule) => rule switch
    {
        CourseEventRule.IdAlreadyUsed or CourseEventRule.UnknownCorrectedEvent or CourseEventRule.OutOfRange => null,
        CourseEventRule.RescheduleOverlapsCycle or CourseEventRule.CycleAlreadyStarted => RuleBook.Replanning(3),
        _ => RuleBook.Replanning(5),
    };
}
