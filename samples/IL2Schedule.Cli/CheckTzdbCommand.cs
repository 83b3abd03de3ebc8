using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using IL2Schedule.Drift;
using NodaTime;

namespace IL2Schedule.Cli;

/// <summary>
/// <c>il2schedule check-tzdb FILE...</c>: re-derives stored plans, records and NDJSON batch output
/// under a tzdb (the embedded one or <c>--tzdb</c>) and lists every dose and follow-up date that
/// changes (docs/tzdb.md). Exit 0 when nothing changes, 4 when something does, 2 for unusable input.
/// </summary>
internal static class CheckTzdbCommand
{
    /// <summary>Exit code when some dose or follow-up date changes.</summary>
    internal const int Changed = 4;

    internal static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Stored courses: plan JSON (plan --format json), course records (replay's input, with tzdbVersion), or NDJSON batch output (batch --format ndjson, one course a line).",
            Arity = ArgumentArity.OneOrMore,
        };
        var tzdb = TzdbOption.Create("check the stored courses against");
        var storedTzdb = new Option<string[]>("--stored-tzdb")
        {
            Description = "A tzdb file (.nzd) a course record was written with, when it is not the embedded one (repeat for several); a plan stores its doses and needs none.",
            HelpName = "FILE.nzd",
        };
        var format = new Option<string>("--format")
        {
            Description = "table (for people) or json (courses, doses, follow-up dates).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var at = new Option<string?>("--at")
        {
            HelpName = "INSTANT",
            Description = "Doses stored as starting before this instant (RFC 3339 with offset, e.g. 2025-04-24T12:00:00+02:00) are marked past; given doses of a record always are.",
        };
        var command = new Command(
            "check-tzdb",
            "List every stored dose and follow-up date whose instant or local clock time changes when the course is re-derived under another tzdb. Exit 0: nothing changes; 4: something does; 2: unusable input.")
        {
            files, tzdb, storedTzdb, format, at,
        };
        command.SetAction(parseResult =>
        {
            var database = TzdbOption.Load(parseResult.GetValue(tzdb));
            var stored = (parseResult.GetValue(storedTzdb) ?? []).Select(path => TzdbOption.Load(path, "--stored-tzdb")).ToList();
            Instant? instant = parseResult.GetValue(at) is { } atText ? ReplayCommand.ParseAt(atText) : null;
            var drifts = parseResult.GetValue(files)!.SelectMany(path => Check(path, stored, database, instant)).ToList();
            string text = parseResult.GetValue(format) == "json"
                ? CheckTzdbOutput.Json(drifts, database, instant)
                : CheckTzdbOutput.Table(drifts, database, instant);
            parseResult.InvocationConfiguration.Output.Write(text);
            return drifts.Any(drift => drift.HasChanges) ? Changed : CliApplication.Success;
        });
        return command;
    }

    /// <summary>One file's courses: a JSON object is a plan or (with <c>events</c>) a record; anything else is read as NDJSON, one plan a line.</summary>
    private static List<CourseDrift> Check(string path, IReadOnlyList<TimeZoneDatabase> stored, TimeZoneDatabase database, Instant? at)
    {
        // An NDJSON file holds a batch's plans, so it has no course-sized limit: only .NET's largest array.
        string text = InputFile.ReadAllText(path, "check-tzdb file", Array.MaxLength, nameof(Array.MaxLength));
        InputFile.CheckNotEmpty(text, path, "check-tzdb file", "a stored course is a plan or record JSON object, or NDJSON lines of batch output (see docs/tzdb.md)");
        if (TryParseObject(text) is { } root)
        {
            return [Checked(path, () => root.ContainsKey("events")
                ? TzdbDriftCheck.CheckRecord(text, path, stored, database, at)
                : TzdbDriftCheck.CheckPlan(text, path, database, at))];
        }
        var drifts = new List<CourseDrift>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            string where = string.Create(CultureInfo.InvariantCulture, $"{path} line {i + 1}");
            var course = TryParseObject(line)
                ?? throw new CliUsageException($"{where}: not a JSON object; a stored course is a plan or record JSON object, or NDJSON lines of batch output (see docs/tzdb.md)");
            string name = course["patientId"] is JsonValue id && id.TryGetValue<string>(out var patient) ? $"{where} ({patient})" : where;
            drifts.Add(Checked(where, () => TzdbDriftCheck.CheckPlan(line, name, database, at)));
        }
        return drifts.Count > 0 ? drifts : throw new CliUsageException($"{path}: no stored course (a plan or record JSON object, or NDJSON lines)");
    }

    private static CourseDrift Checked(string where, Func<CourseDrift> check)
    {
        try
        {
            return check();
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"{where}: {CliApplication.OneLine(e.Message)}");
        }
    }

    private static JsonObject? TryParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
