using System;
using NodaTime;

namespace IL2Schedule;

/// <summary>
/// Thrown by <see cref="CoursePlanner"/> when the zone's clock changes make the protocol's plan
/// impossible (and reported as a batch request's failure for the same reason). The reason, cycle,
/// dose and time are values, so callers need not read the message.
/// </summary>
/// <remarks>
/// The checks (this library's: a plan must be one a ward can give) are that a cycle does not start
/// before the previous cycle's last infusion ends, a dose does not start before the previous
/// infusion ends, an elapsed window holds every planned dose, a calendar-day window holds the
/// cycle's first dose, and every dose start and end and window end falls where the zone's offset is
/// a whole number of minutes (RFC 3339 offsets are); see <see cref="CoursePlanningFailure"/>.
/// </remarks>
public sealed class CoursePlanningException : ArgumentException
{
    internal CoursePlanningException(string problem, string message, string paramName, CoursePlanningFailure reason, int cycle, int? doseInCycle, ZonedDateTime at, RuleText? documentedRule)
        : base(message, paramName)
    {
        DocumentedRule = documentedRule;
        Problem = problem;
        Reason = reason;
        Cycle = cycle;
        DoseInCycle = doseInCycle;
        At = at;
    }

    /// <summary>
    /// What is wrong, without the advice that ends <see cref="Exception.Message"/> ("; use
    /// DoseTiming.Elapsed." and the like) and without a final full stop: the cycle or dose, the time,
    /// the zone and the clock change, and, when the check is one of the documentation's rules
    /// (<see cref="DocumentedRule"/>), "; see " and that rule's number and name. Callers that offer their own remedy (a command-line option, a
    /// form field) add it to this, choosing it by <see cref="Reason"/>.
    /// </summary>
    public string Problem { get; }

    /// <summary>
    /// The row of <see cref="RuleBook"/> whose rule the plan would break: planning rule 2 (Cycle start)
    /// for <see cref="CoursePlanningFailure.CycleStartsBeforePreviousCycleEnds"/>, 3 (Dose timing) or,
    /// under <see cref="DoseTiming.StandardTimes"/>, 11 (Standard administration times) for
    /// <see cref="CoursePlanningFailure.DoseBeforePreviousInfusionEnds"/>, 4 (Dose cap and cycle window)
    /// for <see cref="CoursePlanningFailure.DoseOutsideCycleWindow"/>, 12 (Calendar-day cycle windows)
    /// for <see cref="CoursePlanningFailure.CycleMissesItsCalendarDays"/>; null for
    /// <see cref="CoursePlanningFailure.OffsetWithSeconds"/> (RFC 3339's limit, in no table).
    /// </summary>
    public RuleText? DocumentedRule { get; }

    /// <summary>Which check failed.</summary>
    public CoursePlanningFailure Reason { get; }

    /// <summary>The cycle (from 1) where it failed.</summary>
    public int Cycle { get; }

    /// <summary>The dose's number in its cycle (from 1), or null when the check is about the cycle (its start or window end).</summary>
    public int? DoseInCycle { get; }

    /// <summary>The time that broke the check, in the course's zone: the cycle start, dose start or end, or window end.</summary>
    public ZonedDateTime At { get; }
}
