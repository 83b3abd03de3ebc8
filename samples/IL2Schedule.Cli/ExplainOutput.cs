using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text;

namespace IL2Schedule.Cli;

/// <summary>
/// <c>--explain</c> on <c>plan</c> and <c>replay</c>: the library's derivations of every computed
/// value, as lines after the table (the JSON form's <c>explanations</c> array is the library's,
/// <c>DerivationJson</c>).
/// </summary>
internal static class ExplainOutput
{
    /// <summary>The formats <c>--explain</c> adds to.</summary>
    internal static readonly string[] Formats = ["table", "json"];

    internal static Option<bool> CreateOption() => new("--explain")
    {
        Description = "With --format table or json: how each computed value was derived (the rule's number and name, its inputs, its source).",
    };

    /// <summary>Checks that <c>--explain</c> goes with a format that can carry it.</summary>
    /// <exception cref="CliUsageException"><paramref name="explain"/> is set with another format.</exception>
    internal static void Check(bool explain, string format)
    {
        if (explain && !Formats.Contains(format))
        {
            throw new CliUsageException($"--explain needs --format table or json; was '{format}'");
        }
    }

    /// <summary>One line per derivation: "subject = value  [rule n, name; source]", its inputs and note indented below.</summary>
    internal static string Table(IReadOnlyList<Derivation> derivations)
    {
        var text = new StringBuilder();
        text.AppendLine("How each value was derived:");
        foreach (var derivation in derivations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {derivation.Subject} = {derivation.Value}  [{Rule(derivation)}; {derivation.Source}]");
            if (derivation.Inputs.Count > 0)
            {
                text.AppendLine("      from " + string.Join("; ", derivation.Inputs.Select(input => input.Key + " " + input.Value)));
            }
            if (derivation.Note is { } note)
            {
                text.AppendLine("      " + note);
            }
        }
        return text.ToString();
    }

    private static string Rule(Derivation derivation) => string.Create(
        CultureInfo.InvariantCulture,
        $"{(derivation.RuleSet == RuleSet.Replanning ? "re-planning rule" : "rule")} {derivation.RuleNumber}, {derivation.RuleName}");
}
