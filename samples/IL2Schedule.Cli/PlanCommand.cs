using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using IL2Schedule.Planning;
using IL2Schedule.Protocols;
using IL2Schedule.Schedules;
using IL2Schedule.Serialization;
using IL2Schedule.Zones;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace IL2Schedule.Cli;

/// <summary><c>il2schedule plan</c>: plans one course and prints it as a table or as JSON.</summary>
internal static class PlanCommand
{
    private static readonly LocalDateTimePattern LocalDateTimeText = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    internal static Command Create()
    {
        var firstDose = new Option<string>("--first-dose")
        {
            Description = "The first dose's local date-time in the zone, e.g. 2027-03-10T08:00 (no offset).",
            DefaultValueFactory = _ => "2027-03-10T08:00",
        };
        var zone = new Option<string>("--zone")
        {
            Description = "IANA id (America/New_York), alias (US/Eastern) or Windows id (\"Eastern Standard Time\").",
            DefaultValueFactory = _ => "America/New_York",
        };
        var doseTiming = new Option<string>("--dose-timing")
        {
            Description = "elapsed: exactly 8 h apart, clock times move across a DST change; wall-clock: clock times kept, one interval is 7 or 9 h.",
            DefaultValueFactory = _ => "elapsed",
        };
        doseTiming.AcceptOnlyFromAmong("elapsed", "wall-clock");
        var protocol = new Option<string>("--protocol")
        {
            Description = "label: 600,000 IU/kg, at most 14 doses a cycle (Proleukin label); nci: 720,000 IU/kg, up to 15 (NCI Surgery Branch).",
            DefaultValueFactory = _ => "label",
        };
        protocol.AcceptOnlyFromAmong("label", "nci");
        var maxDoses = new Option<int?>("--max-doses-per-cycle")
        {
            Description = "Override the protocol's dose cap per cycle (1 to the 8-hour slots in the 5-day window, 15).",
            CustomParser = result =>
            {
                string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (int.TryParse(token, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int value))
                {
                    return value;
                }
                result.AddError($"--max-doses-per-cycle must be a whole number; was '{token}'");
                return null;
            },
        };
        var resolve = new Option<string>("--resolve")
        {
            Description = "strict: a first dose in a DST gap or overlap is an error; lenient: a skipped time moves forward by the gap, a repeated one takes the earlier instant.",
            DefaultValueFactory = _ => "strict",
        };
        resolve.AcceptOnlyFromAmong("strict", "lenient");
        var discharge = new Option<string?>("--discharge")
        {
            Description = "Hospital discharge date (yyyy-MM-dd); the next course starts at least 7 weeks after it (label).",
        };
        var format = new Option<string>("--format")
        {
            Description = "table (for people) or json (the library's stable JSON form).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command("plan", "Plan one course: every dose's start and end, course end, imaging date and next-course window.")
        {
            firstDose, zone, doseTiming, protocol, maxDoses, resolve, discharge, format,
        };
        command.SetAction(parseResult =>
        {
            string protocolName = parseResult.GetValue(protocol)!;
            string protocolDescription = protocolName + " protocol";
            var builder = new CourseProtocolBuilder(protocolName == "nci" ? CourseProtocol.NciSurgeryBranch : CourseProtocol.Label)
            {
                DoseTiming = parseResult.GetValue(doseTiming) == "wall-clock" ? DoseTiming.WallClock : DoseTiming.Elapsed,
            };
            if (parseResult.GetValue(maxDoses) is { } cap)
            {
                builder.MaxDosesPerCycle = cap;
                protocolDescription += string.Create(CultureInfo.InvariantCulture, $" with the dose cap set to {cap}");
            }
            var request = new PlanRequest(
                ParseFirstDose(parseResult.GetValue(firstDose)!),
                TimeZoneLookup.GetZone(parseResult.GetValue(zone)!),
                protocolDescription,
                builder.Build(),
                parseResult.GetValue(resolve) == "lenient",
                ParseDischarge(parseResult.GetValue(discharge)),
                parseResult.GetValue(format) == "json");
            return Run(parseResult.InvocationConfiguration.Output, request);
        });
        return command;
    }

    /// <summary>Plans the course and writes it; nothing is written unless planning succeeded.</summary>
    internal static int Run(TextWriter output, PlanRequest request)
    {
        var planner = new CoursePlanner(request.Protocol);
        CourseSchedule schedule;
        try
        {
            schedule = request.LenientFirstDose
                ? planner.Plan(request.FirstDose, request.Zone, Resolvers.LenientResolver)
                : planner.Plan(request.FirstDose, request.Zone);
        }
        catch (LocalTimeMappingException e)
        {
            throw new CliUsageException($"{e.Reason} Choose another --first-dose, or pass --resolve lenient (a skipped time moves forward by the gap, a repeated one takes the earlier instant).");
        }
        if (request.DischargeDate is { } dischargeDate)
        {
            schedule = schedule.WithDischargeDate(dischargeDate);
        }
        string text = request.Json
            ? CourseScheduleJson.Serialize(schedule) + Environment.NewLine
            : ScheduleTable.Render(schedule, request.ProtocolDescription);
        output.Write(text);
        return CliApplication.Success;
    }

    private static LocalDateTime ParseFirstDose(string text)
    {
        // Formatting back must give the same text: NodaTime also reads "T24:00" as the next midnight.
        var result = LocalDateTimeText.Parse(text);
        return result.Success && LocalDateTimeText.Format(result.Value) == text
            ? result.Value
            : throw new CliUsageException($"--first-dose must be a local date-time like 2027-03-10T08:00 (hours 00-23, no seconds, no offset; the zone is --zone); was '{text}'");
    }

    private static LocalDate? ParseDischarge(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success
            ? result.Value
            : throw new CliUsageException($"--discharge must be a date like 2027-03-31; was '{text}'");
    }
}
