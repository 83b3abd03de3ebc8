using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule.Cli;

/// <summary>
/// The <c>il2schedule</c> command line. User errors print one line starting "error:" on stderr
/// and exit with <see cref="UsageError"/>; nothing is written to stdout then.
/// </summary>
public static class CliApplication
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for unusable arguments or input (bad date, unknown zone, invalid protocol, ...).</summary>
    public const int UsageError = 2;

    /// <summary>Exit code for a bug in this program; the message asks the user to report it.</summary>
    public const int InternalError = 70;

    /// <summary>Exit code when the results cannot be written to stdout (for example a full disk).</summary>
    public const int OutputError = 74;

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where the single error line goes.</param>
    /// <returns>0 on success, 2 for a user error, 3 if <c>batch</c> rejected some rows, 4 if <c>check-tzdb</c> found changes, 74 if the output cannot be written, 70 for an internal error.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var root = BuildCommandLine();
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            WriteError(stderr, MissingArgument(parseResult) ?? OneLine(parseResult.Errors[0].Message) + " (see il2schedule --help)");
            return UsageError;
        }
        try
        {
            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e) when (IsUserError(e))
        {
            WriteError(stderr, UserMessage(e));
            return UsageError;
        }
        catch (IOException e)
        {
            WriteError(stderr, "cannot write the output: " + OneLine(e.Message));
            return OutputError;
        }
        catch (Exception e)
        {
            WriteError(stderr, $"internal error ({e.GetType().Name}: {OneLine(e.Message)}); please report it with the command line you ran");
            return InternalError;
        }
    }

    /// <summary>
    /// For a command run without its required argument, the message that names it, says what it is
    /// and gives the usage ("check-tzdb needs FILE: Stored courses: ...; usage: il2schedule check-tzdb
    /// FILE... [options] (see il2schedule check-tzdb --help)"), rather than System.CommandLine's
    /// "Required argument missing"; null when every required argument has a value.
    /// </summary>
    private static string? MissingArgument(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        var missing = command.Arguments.FirstOrDefault(argument =>
            argument.Arity.MinimumNumberOfValues > 0 && (parseResult.GetResult(argument) is not { } result || result.Tokens.Count == 0));
        if (missing is null)
        {
            return null;
        }
        string many = missing.Arity.MaximumNumberOfValues > 1 ? "..." : "";
        string what = (missing.Description ?? "").TrimEnd('.');
        return $"{command.Name} needs {missing.Name}{(what.Length > 0 ? ": " + what : "")}; usage: il2schedule {command.Name} {missing.Name}{many} [options] (see il2schedule {command.Name} --help)";
    }

    /// <summary>Writes the one error line; if stderr itself cannot be written, the exit code still tells.</summary>
    private static void WriteError(TextWriter stderr, string message)
    {
        try
        {
            stderr.WriteLine("error: " + message);
        }
        catch (IOException)
        {
            // Nowhere left to report to.
        }
    }

    private static Command BuildCommandLine()
    {
        // A plain command named as users type it (RootCommand would take the assembly's name).
        var root = new Command(
            "il2schedule",
            "Plans high-dose interleukin-2 (aldesleukin) courses: every infusion's start and end in a real time zone, " +
            "the response-assessment date and the next-course window. Run with no arguments to plan the README's worked example.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        var plan = PlanCommand.Create();
        root.Subcommands.Add(plan);
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(BatchCommand.Create());
        root.Subcommands.Add(CheckTzdbCommand.Create());
        // No arguments: `plan` with its defaults, which are the README's worked example.
        root.SetAction(parseResult => plan.Parse([]).Invoke(parseResult.InvocationConfiguration));
        return root;
    }

    /// <summary>Errors in what the user typed. A null argument is this program's bug, not the user's.</summary>
    private static bool IsUserError(Exception e) =>
        e is CliUsageException or DateTimeZoneNotFoundException
        || (e is ArgumentException && e is not ArgumentNullException);

    /// <summary>The CLI's own messages already name options (and those about a record file name its fields); the library's are put in the options' terms.</summary>
    private static string UserMessage(Exception e) =>
        e is CliUsageException ? OneLine(e.Message) : InputNames.Options.Describe(e);

    /// <summary>Joins a multi-line message into one line, dropping .NET's "Actual value was" suffix.</summary>
    internal static string OneLine(string message) =>
        string.Join(" ", message
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("Actual value was", StringComparison.Ordinal)));
}

/// <summary>A user error found by the CLI itself, such as a malformed date.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
