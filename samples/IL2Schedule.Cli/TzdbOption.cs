using System.CommandLine;
using System.IO;

namespace IL2Schedule.Cli;

/// <summary>
/// <c>--tzdb FILE.nzd</c>, shared by plan, replay, batch and check-tzdb: the tzdb to resolve zones
/// in instead of the one embedded in NodaTime (see docs/tzdb.md).
/// </summary>
internal static class TzdbOption
{
    internal static Option<string?> Create(string purpose) => new("--tzdb")
    {
        Description = $"A NodaTime tzdb file (.nzd) to {purpose} instead of the tzdb embedded in this program (tzdb {TimeZoneDatabase.Embedded.TzdbVersion}).",
        HelpName = "FILE.nzd",
    };

    /// <summary>The embedded tzdb when <paramref name="path"/> is null, otherwise the file's.</summary>
    /// <exception cref="CliUsageException">The file cannot be read or is not tzdb data.</exception>
    internal static TimeZoneDatabase Load(string? path, string option = "--tzdb")
    {
        if (path is null)
        {
            return TimeZoneDatabase.Embedded;
        }
        try
        {
            return TimeZoneDatabase.FromFile(path);
        }
        catch (TzdbDataException e)
        {
            throw new CliUsageException($"{option} {CliApplication.OneLine(e.Message)}");
        }
    }

    /// <summary>
    /// The one warning line replay writes when a record names a tzdb other than the one in use,
    /// with the check-tzdb command that lists what changes.
    /// </summary>
    internal static void WarnOnReplay(TextWriter stderr, string recordPath, string? storedVersion, TimeZoneDatabase database, string? tzdbPath)
    {
        if (storedVersion is null || storedVersion == database.TzdbVersion)
        {
            return;
        }
        string command = "il2schedule check-tzdb " + recordPath
            + (storedVersion == TimeZoneDatabase.Embedded.TzdbVersion ? "" : $" --stored-tzdb <tzdb {storedVersion} .nzd file>")
            + (tzdbPath is null ? "" : " --tzdb " + tzdbPath);
        stderr.WriteLine($"warning: {recordPath} was written with tzdb {storedVersion} and is replayed with tzdb {database.TzdbVersion}; dose times may differ; to list what changes, run: {command}");
    }
}
