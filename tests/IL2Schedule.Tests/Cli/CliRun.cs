using System.IO;
using IL2Schedule.Cli;

namespace IL2Schedule.Tests.Cli;

/// <summary>Runs the CLI in-process and captures its exit code, stdout and stderr.</summary>
internal static class CliRun
{
    internal static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exitCode = CliApplication.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the CLI with stdout going to <paramref name="stdout"/>, for outputs too large to keep as a string.</summary>
    internal static (int ExitCode, string Stderr) Run(TextWriter stdout, params string[] args)
    {
        using var stderr = new StringWriter();
        int exitCode = CliApplication.Run(args, stdout, stderr);
        return (exitCode, stderr.ToString());
    }
}
