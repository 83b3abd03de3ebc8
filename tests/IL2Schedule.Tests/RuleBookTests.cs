using System.IO;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace IL2Schedule.Tests;

/// <summary>
/// The library's one table of rule texts (<see cref="RuleBook"/>) and the documentation's rules
/// tables say the same, word for word: the planning rules ("| # | Rule | Default | Source |") and
/// the re-planning rules ("| # | Rule | Source |"), wherever the docs keep them (README.md or
/// docs/*.md), and docs/explain.md names each rule as the library does.
/// </summary>
public partial class RuleBookTests
{
    private static readonly string Root = ReadmeTests.RepositoryRoot();

    [Fact]
    public void PlanningRules_AreTheDocsTableWordForWord()
    {
        var rows = TableRows("| # | Rule | Default | Source |");

        rows.Should().Equal(RuleBook.All.Where(rule => rule.Set == RuleSet.Planning).Select(rule => new[] { Number(rule), rule.Text, rule.Default, rule.Source }),
            (a, b) => a.SequenceEqual(b));
    }

    [Fact]
    public void ReplanningRules_AreTheDocsTableWordForWord()
    {
        var rows = TableRows("| # | Rule | Source |");

        rows.Should().Equal(RuleBook.All.Where(rule => rule.Set == RuleSet.Replanning).Select(rule => new[] { Number(rule), rule.Text, rule.Source }),
            (a, b) => a.SequenceEqual(b));
    }

    [Fact]
    public void RuleNames_AreTheExplainPagesTable()
    {
        string page = File.ReadAllText(Path.Combine(Root, "docs", "explain.md"));
        var rows = RowPattern().Matches(Section(page, "| Table | # | Name |")).Select(row => Cells(row.Value)).ToList();

        rows.Should().Equal(RuleBook.All.Select(rule => new[] { rule.Set == RuleSet.Planning ? "planning" : "re-planning", Number(rule), rule.Name }),
            (a, b) => a.SequenceEqual(b));
    }

    [Fact]
    public void Get_AnUnknownNumber_NamesTheTableAndTheNumber()
    {
        var act = () => RuleBook.Get(RuleSet.Replanning, 7);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.Message.Should().StartWith("number must be a rule of the Replanning table (1 to 6); was 7");
    }

    private static string Number(RuleText rule) => rule.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The rows of the one table in the docs that starts with <paramref name="header"/>.</summary>
    private static List<string[]> TableRows(string header)
    {
        var files = Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Append(Path.Combine(Root, "README.md"))
            .Where(file => File.ReadAllText(file).Contains("\n" + header + "\n", StringComparison.Ordinal))
            .ToList();
        files.Should().ContainSingle($"exactly one docs page holds the table headed {header}");
        return RowPattern().Matches(Section(File.ReadAllText(files[0]), header)).Select(row => Cells(row.Value)).ToList();
    }

    /// <summary>The lines of the table that starts with <paramref name="header"/>, up to the first line that is not a table row.</summary>
    private static string Section(string page, string header)
    {
        string rest = page[(page.IndexOf("\n" + header + "\n", StringComparison.Ordinal) + 1)..];
        return string.Join("\n", rest.Split('\n').TakeWhile(line => line.StartsWith('|')));
    }

    private static string[] Cells(string row) => [.. row.Trim().Trim('|').Split('|').Select(cell => cell.Trim())];

    [GeneratedRegex(@"^\| (?:\d+|planning|re-planning) \|.*\|$", RegexOptions.Multiline)]
    private static partial Regex RowPattern();
}
