using System;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using NodaTime.Text;

namespace IL2Schedule.Cli;

/// <summary><c>il2schedule replay RECORD.json</c>: applies a recorded course's events and prints the re-planned schedule.</summary>
internal static class ReplayCommand
{
    internal static Command Create()
    {
        var recordFile = new Argument<string>("RECORD.json")
        {
            Description = "A course record: firstDose, zone, protocol, doseTiming and the events (doseGiven, doseHeld, cycleStopped, courseStopped, cycleRescheduled, discharged, corrected); see README.",
        };
        var format = new Option<string>("--format")
        {
            Description = "table (for people) or json (the re-planned JSON form).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var at = new Option<string?>("--at")
        {
            Description = "Show the status at this instant (RFC 3339 with offset, e.g. 2027-03-12T09:00:00-05:00): what is due next and what is overdue.",
        };
        var command = new Command("replay", "Apply a recorded course's events (given, held, late, stopped doses) and print the re-planned schedule.")
        {
            recordFile, format, at,
        };
        command.SetAction(parseResult => Run(
            parseResult.InvocationConfiguration.Output,
            parseResult.GetValue(recordFile)!,
            parseResult.GetValue(format) == "json",
            parseResult.GetValue(at)));
        return command;
    }

    private static int Run(TextWriter output, string path, bool json, string? atText)
    {
        var at = atText is null ? (NodaTime.Instant?)null : ParseAt(atText);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read the record file '{path}': {e.Message}");
        }
        CourseRecord record;
        try
        {
            record = CourseRecordJson.Deserialize(text);
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"{path}: {e.Message}");
        }
        var status = at is { } instant ? record.GetStatus(instant) : null;
        string rendered = json
            ? (status is null ? CourseRecordJson.SerializeSchedule(record.Schedule) : CourseRecordJson.SerializeStatus(status)) + Environment.NewLine
            : ReplayTable.Render(status?.Schedule ?? record.Schedule, status);
        output.Write(rendered);
        return CliApplication.Success;
    }

    private static NodaTime.Instant ParseAt(string text)
    {
        var result = OffsetDateTimePattern.Rfc3339.Parse(text);
        return result.Success
            ? result.Value.ToInstant()
            : throw new CliUsageException($"--at must be a date-time with an offset like 2027-03-12T09:00:00-05:00; was '{text}'");
    }
}
