using System.IO;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace IL2Schedule.Tests;

/// <summary>
/// The one-way layering of src/IL2Schedule: the architecture table in docs/architecture.md says, for each folder,
/// which folders its code may use; these tests read that table and every source file, and fail
/// when a folder uses a type declared in a folder it does not list.
/// </summary>
public partial class LayeringTests
{
    private static readonly string Source = Path.Combine(ReadmeTests.RepositoryRoot(), "src", "IL2Schedule");

    [Fact]
    public void EveryFolder_UsesOnlyTheFoldersTheReadmeTableAllows()
    {
        var allowed = ReadmeTable();
        var sources = Directory.GetDirectories(Source)
            .Select(Path.GetFileName)
            .Where(folder => folder is not ("bin" or "obj"))
            .ToDictionary(folder => folder!, folder => Directory.GetFiles(Path.Combine(Source, folder!), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText).ToList());

        sources.Keys.Should().BeEquivalentTo(allowed.Keys, "every folder of src/IL2Schedule has a row in the architecture table in docs/architecture.md");
        Violations(sources, allowed).Should().BeEmpty();
    }

    [Fact]
    public void Violations_NameTheFolderTheTypeAndWhereItIsDeclared()
    {
        var sources = new Dictionary<string, List<string>>
        {
            ["Low"] = ["namespace X;\n\ninternal static class LowRule\n{\n    // HighResult in a comment does not count.\n    internal static string Text => \"HighResult\" + HighResult.Name;\n}\n"],
            ["High"] = ["namespace X;\n\npublic sealed class HighResult\n{\n    public static string Name => LowRule.Text;\n}\n"],
        };
        var allowed = new Dictionary<string, HashSet<string>> { ["Low"] = [], ["High"] = ["Low"] };

        Violations(sources, allowed).Should().Equal("Low uses HighResult, declared in High, which docs/architecture.md does not list for it");
    }

    [Fact]
    public void ReadmeTable_PutsTheRuleKernelBelowTheResultsAndThePlanners()
    {
        var allowed = ReadmeTable();

        allowed["Rules"].Should().NotContain(["Schedules", "Planning", "Records", "Batch", "Serialization"]);
        allowed["Schedules"].Should().Contain("Rules").And.NotContain(["Planning", "Records", "Batch", "Serialization"]);
        allowed["Batch"].Should().Contain("Rules").And.NotContain(["Records", "Serialization"]);
    }

    /// <summary>Folder → the folders it may use, from the table in docs/architecture.md ("Knows" column, backticked names).</summary>
    private static Dictionary<string, HashSet<string>> ReadmeTable()
    {
        string section = File.ReadAllText(Path.Combine(ReadmeTests.RepositoryRoot(), "docs", "architecture.md"));
        section = section[..section.IndexOf("\n| Outside the core", StringComparison.Ordinal)];
        return RowPattern().Matches(section).ToDictionary(
            row => row.Groups["folder"].Value,
            row => FolderNamePattern().Matches(row.Groups["knows"].Value).Select(name => name.Groups[1].Value).ToHashSet());
    }

    private static List<string> Violations(Dictionary<string, List<string>> sources, Dictionary<string, HashSet<string>> allowed)
    {
        var declaredIn = new Dictionary<string, string>();
        foreach (var (folder, files) in sources)
        {
            foreach (string type in files.SelectMany(file => TopLevelTypePattern().Matches(file)).Select(match => match.Groups["name"].Value))
            {
                declaredIn.TryAdd(type, folder);
            }
        }
        var violations = new List<string>();
        foreach (var (folder, files) in sources)
        {
            var used = files.SelectMany(file => IdentifierPattern().Matches(WithoutCommentsAndStrings(file))).Select(match => match.Value).ToHashSet();
            foreach (string type in used.Order(StringComparer.Ordinal))
            {
                if (declaredIn.TryGetValue(type, out var home) && home != folder && !allowed[folder].Contains(home))
                {
                    violations.Add($"{folder} uses {type}, declared in {home}, which docs/architecture.md does not list for it");
                }
            }
        }
        return violations;
    }

    private static string WithoutCommentsAndStrings(string source) =>
        StringPattern().Replace(BlockCommentPattern().Replace(LineCommentPattern().Replace(source, ""), ""), "\"\"");

    [GeneratedRegex(@"^\| `(?<folder>\w+)/` \|[^|]*\| (?<knows>[^|]*) \|$", RegexOptions.Multiline)]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"`(\w+)/`")]
    private static partial Regex FolderNamePattern();

    [GeneratedRegex(@"^(?:public|internal)\s+(?:(?:static|sealed|abstract|readonly|partial|ref)\s+)*(?:class|struct|enum|interface|record(?:\s+struct)?)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelTypePattern();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineCommentPattern();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockCommentPattern();

    [GeneratedRegex(@"\$?@?""(?:\\.|[^""\\])*""")]
    private static partial Regex StringPattern();
}
