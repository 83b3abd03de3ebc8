using System;

namespace IL2Schedule;

/// <summary>
/// One invalid setting of a <see cref="CourseProtocolBuilder"/>: which setting, and the rule it
/// breaks with the value it has (see <see cref="InvalidCourseProtocolException"/>).
/// </summary>
public sealed class CourseProtocolProblem : IEquatable<CourseProtocolProblem>
{
    internal CourseProtocolProblem(string setting, string rule, RuleText? documentedRule = null)
    {
        Setting = setting;
        Rule = documentedRule is null ? rule : rule + RuleBook.See(documentedRule);
        DocumentedRule = documentedRule;
    }

    /// <summary>The builder property that is invalid, as it is named in code, for example "MaxDosesPerCycle".</summary>
    public string Setting { get; }

    /// <summary>
    /// The rule the setting breaks and its value, as the end of a sentence that starts with the
    /// setting's name and has no final full stop, for example "must be in range [1, 15] (the slots
    /// 8:00:00 apart in a 5-day window); was 16; see rule 4 (Dose cap and cycle window)". Other settings
    /// it is compared with are named as in code. When the setting breaks a rule of the documentation's
    /// rules table (<see cref="DocumentedRule"/>), it ends with "; see " and that rule's number and
    /// name, taken from <see cref="RuleBook"/>.
    /// </summary>
    public string Rule { get; }

    /// <summary>
    /// The row of <see cref="RuleBook"/> whose rule the setting breaks: planning rule 4 for a dose cap
    /// above the window's slots, 5 for a dosing interval not longer than the infusion, 8 for a
    /// next-course window that ends before it starts, 11 for standard times that are not one dosing
    /// interval apart; null for this library's limits on a setting's range (see
    /// <see cref="CourseProtocolBuilder"/>), which no rule of the table states.
    /// </summary>
    public RuleText? DocumentedRule { get; }

    /// <summary>The problem as one sentence without a final full stop: <see cref="Setting"/>, a space, <see cref="Rule"/>.</summary>
    public override string ToString() => Setting + " " + Rule;

    /// <inheritdoc/>
    public bool Equals(CourseProtocolProblem? other) => other is not null && Setting == other.Setting && Rule == other.Rule;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CourseProtocolProblem);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Setting, Rule);
}
