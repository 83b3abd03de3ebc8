using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace IL2Schedule;

/// <summary>
/// How one computed value of a schedule was derived: the value, the rule that gave it (its number
/// and name in the documentation's rules tables), the inputs the rule used and the rule's source.
/// Immutable, with value equality. Made by <see cref="CourseSchedule.Explain"/> and
/// <c>ReplannedSchedule.Explain</c>.
/// </summary>
/// <remarks>
/// The rule's number, name and source come from the library's single table of rule texts, which a
/// test compares with the documentation's tables. A rule whose table gives no source is this
/// library's choice, and <see cref="Source"/> says so.
/// </remarks>
public sealed class Derivation : IEquatable<Derivation>
{
    private readonly ReadOnlyCollection<KeyValuePair<string, string>> inputs;

    internal Derivation(string subject, string value, RuleText rule, KeyValuePair<string, string>[] inputs, string? note = null)
    {
        Subject = subject;
        Value = value;
        RuleSet = rule.Set;
        RuleNumber = rule.Number;
        RuleName = rule.Name;
        Source = rule.Source is "" or "—" ? "this library's choice" : rule.Source;
        this.inputs = Array.AsReadOnly(inputs);
        Note = note;
    }

    /// <summary>What was computed, for example "cycle 2 start", "dose 13 start", "imaging date".</summary>
    public string Subject { get; }

    /// <summary>The value as invariant text: RFC 3339 for zoned times ("2027-03-14T09:00:00-04:00"), ISO dates ("2027-04-25"), plain numbers for amounts.</summary>
    public string Value { get; }

    /// <summary>Which rules table <see cref="RuleNumber"/> refers to.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>The rule's number in its table (planning rules 1–15, re-planning rules 1–6).</summary>
    public int RuleNumber { get; }

    /// <summary>The rule's short name, for example "Cycle start".</summary>
    public string RuleName { get; }

    /// <summary>The rule's source as the rules table gives it (for example "Label, Table 1"), or "this library's choice".</summary>
    public string Source { get; }

    /// <summary>The inputs the rule used, in order, as name and invariant value ("requested first dose" = "2027-03-10T08:00:00").</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Inputs => inputs;

    /// <summary>What else the rule did to reach the value (a gap's shift, a working-day move, a warning), or null.</summary>
    public string? Note { get; }

    /// <inheritdoc/>
    public bool Equals(Derivation? other) =>
        other is not null
        && Subject == other.Subject
        && Value == other.Value
        && RuleSet == other.RuleSet
        && RuleNumber == other.RuleNumber
        && Note == other.Note
        && inputs.SequenceEqual(other.inputs);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Derivation);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Subject, Value, RuleSet, RuleNumber);

    /// <summary>Compares two derivations by every value.</summary>
    /// <param name="left">The first derivation, or null.</param>
    /// <param name="right">The second derivation, or null.</param>
    /// <returns>True if both are null or all values are equal.</returns>
    public static bool operator ==(Derivation? left, Derivation? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two derivations by every value.</summary>
    /// <param name="left">The first derivation, or null.</param>
    /// <param name="right">The second derivation, or null.</param>
    /// <returns>True if exactly one is null or any value differs.</returns>
    public static bool operator !=(Derivation? left, Derivation? right) => !(left == right);

    /// <summary>
    /// An invariant one-line form, for example
    /// "imaging date = 2027-04-25 by rule 7 (Response assessment; Label, "Retreatment") from course end date 2027-03-28, delay P4W".
    /// </summary>
    /// <returns>The line.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Subject} = {Value} by {(RuleSet == RuleSet.Replanning ? "re-planning " : "")}rule {RuleNumber} ({RuleName}; {Source}) from {string.Join(", ", inputs.Select(input => input.Key + " " + input.Value))}{(Note is null ? "" : "; " + Note)}");
}
