using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text.Json;

namespace IL2Schedule.Tests.ICalendar;

/// <summary>One VEVENT as Mozilla's ical.js read it: start and end as UTC instants ("2027-03-10T13:00:00.000Z") or, all-day, as dates.</summary>
internal sealed record IcalJsEvent(string Uid, int? Sequence, string? Status, string? Summary, string? Description, bool AllDay, string Start, string? End);

/// <summary>
/// Runs tests/ical-js/instants.mjs (Node.js and ical.js 2.2.1, installed there by
/// <c>npm ci --prefix tests/ical-js</c>, as .ci/run does) on an iCalendar document. The script
/// converts times with the document's own VTIMEZONE only. A missing Node.js or ical.js fails
/// the test with the command that installs it; it never skips.
/// </summary>
internal static class IcalJs
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string Folder = Path.Combine(ReadmeTests.RepositoryRoot(), "tests", "ical-js");

    internal static IReadOnlyList<IcalJsEvent> Read(string ics)
    {
        var (exitCode, stdout, stderr) = Run(ics);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"ical.js could not read the document (exit {exitCode}): {stderr}");
        }
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<IcalJsEvent>(line, Json)!)
            .ToList();
    }

    /// <summary>Runs the script and returns its exit code and output, for tests that expect it to fail.</summary>
    internal static (int ExitCode, string Stdout, string Stderr) Run(string ics)
    {
        string package = Path.Combine(Folder, "node_modules", "ical.js", "package.json");
        if (!File.Exists(package))
        {
            throw new InvalidOperationException($"ical.js is not installed in {Folder}/node_modules: run `npm ci --prefix tests/ical-js` (.ci/run does).");
        }
        string version = JsonDocument.Parse(File.ReadAllText(package)).RootElement.GetProperty("version").GetString()!;
        if (version != "2.2.1")
        {
            throw new InvalidOperationException($"tests/ical-js has ical.js {version}, expected 2.2.1: run `npm ci --prefix tests/ical-js`.");
        }
        string file = Path.Combine(Path.GetTempPath(), $"il2schedule-{Guid.NewGuid():N}.ics");
        File.WriteAllText(file, ics);
        try
        {
            var start = new ProcessStartInfo("node", [Path.Combine(Folder, "instants.mjs"), file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException($"Node.js (node) is needed to check .ics files with ical.js and was not found on PATH: {e.Message}", e);
            }
            using (process)
            {
                var stderr = process.StandardError.ReadToEndAsync();
                string stdout = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                return (process.ExitCode, stdout, stderr.Result);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
