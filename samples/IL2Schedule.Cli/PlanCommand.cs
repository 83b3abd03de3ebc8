using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using IL2Schedule.ICalendar;
using IL2Schedule.Serialization;
using IL2Schedule.Timeline;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace IL2Schedule.Cli;

/// <summary><c>il2schedule plan</c>: plans one course and prints it as a table or as JSON.</summary>
internal static class PlanCommand
{
    private static readonly LocalDateTimePattern LocalDateTimeText = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    private static readonly LocalTimePattern ClockTimeText = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    internal static Command Create()
    {
        var firstDose = new Option<string?>("--first-dose")
        {
            Description = "The first dose's local date-time in the zone, e.g. 2027-03-10T08:00 (no offset). Required with any other option; with no options at all, plan plans the README's example.",
        };
        var zone = new Option<string?>("--zone")
        {
            Description = "IANA id (America/New_York), alias (US/Eastern) or Windows id (\"Eastern Standard Time\"). Required with any other option.",
        };
        var doseTiming = new Option<string>("--dose-timing")
        {
            Description = "elapsed: exactly 8 h apart, clock times move across a DST change; wall-clock: clock times kept, one interval is 7 or 9 h; " +
                "standard-times: the ward's standard times (--standard-times), the second dose skipping one less than half the interval away.",
            DefaultValueFactory = _ => "elapsed",
        };
        doseTiming.AcceptOnlyFromAmong(DoseTimingNames);
        var standardTimes = new Option<string?>("--standard-times")
        {
            Description = "With --dose-timing standard-times: the ward's standard administration times, HH:mm, comma-separated, one dosing interval apart (default 00:00,08:00,16:00).",
        };
        var cycleWindow = new Option<string>("--cycle-window")
        {
            Description = "elapsed: a cycle's window is 120 h from its first dose (15 slots); calendar-days: its 5 calendar days (13 to 15 slots, by the first dose's clock time).",
            DefaultValueFactory = _ => "elapsed",
        };
        cycleWindow.AcceptOnlyFromAmong(CycleWindowNames);
        var workingDays = WorkingDayOptions.CreateOptions();
        var weightKg = new Option<string?>("--weight-kg")
        {
            Description = "Body weight in kg (which weight is the prescriber's choice): adds each dose in IU and mg, vials (22 million IU) and diluent, and the course total.",
        };
        var protocol = new Option<string>("--protocol")
        {
            Description = "label: 600,000 IU/kg, at most 14 doses a cycle (Proleukin label); nci: 720,000 IU/kg, up to 15 (NCI Surgery Branch).",
            DefaultValueFactory = _ => "label",
        };
        protocol.AcceptOnlyFromAmong(PresetNames);
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
                result.AddError($"--max-doses-per-cycle must be a whole number; was '{InputText.ForMessage(token)}'");
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
            Description = "table (for people), json (the library's stable JSON form), ics (iCalendar for calendar apps), svg or png (a timeline picture; png needs --output or a redirected stdout), " +
                "fhir (a FHIR R4 collection Bundle) or fhir-transaction (a FHIR R4 transaction Bundle with conditional creates); the FHIR formats need --patient.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "ics", "svg", "png", "fhir", "fhir-transaction");
        var output = OutputFile.CreateOption();
        var patient = FhirOutput.CreatePatientOption();
        var explain = ExplainOutput.CreateOption();

        var command = new Command("plan", "Plan one course: every dose's start and end, course end, imaging date and next-course window.")
        {
            firstDose, zone, doseTiming, standardTimes, cycleWindow, protocol, maxDoses, resolve, discharge,
            workingDays.Weekend, workingDays.Holidays, workingDays.ImagingShift, weightKg, format, output, patient, explain,
        };
        var tzdb = TzdbOption.Create("resolve --zone in");
        command.Options.Add(tzdb);
        command.SetAction(parseResult =>
        {
            string? outputPath = OutputFile.Check(parseResult.GetValue(output));
            OutputFile.CheckBinary(parseResult.GetValue(format)!, outputPath, parseResult.InvocationConfiguration.Output);
            ExplainOutput.Check(parseResult.GetValue(explain), parseResult.GetValue(format)!);
            string protocolName = parseResult.GetValue(protocol)!;
            string protocolDescription = protocolName + " protocol";
            var builder = new CourseProtocolBuilder(CourseProtocol.Presets[protocolName])
            {
                DoseTiming = ParseDoseTiming(parseResult.GetValue(doseTiming)!),
                CycleWindowCounting = ParseCycleWindow(parseResult.GetValue(cycleWindow)!),
            };
            if (parseResult.GetValue(standardTimes) is { } times)
            {
                if (builder.DoseTiming != DoseTiming.StandardTimes)
                {
                    throw new CliUsageException("--standard-times needs --dose-timing standard-times");
                }
                builder.StandardAdministrationTimes = ParseStandardTimes(times, "--standard-times");
            }
            if (parseResult.GetValue(maxDoses) is { } cap)
            {
                builder.MaxDosesPerCycle = cap;
                protocolDescription += string.Create(CultureInfo.InvariantCulture, $" with the dose cap set to {cap}");
            }
            var (firstDoseText, zoneText) = FirstDoseAndZone(parseResult, parseResult.GetValue(firstDose), parseResult.GetValue(zone));
            var firstDoseValue = ParseFirstDose(firstDoseText);
            var dischargeDate = ParseDischarge(parseResult.GetValue(discharge));
            var request = new PlanRequest(
                firstDoseValue,
                TzdbOption.Load(parseResult.GetValue(tzdb)).GetZone(zoneText),
                protocolDescription,
                builder.Build(),
                parseResult.GetValue(resolve) == "lenient",
                dischargeDate,
                ParseWeight(parseResult.GetValue(weightKg), "--weight-kg"),
                workingDays.Parse(parseResult),
                parseResult.GetValue(format)!,
                outputPath,
                parseResult.GetValue(patient),
                parseResult.GetValue(explain));
            return Run(parseResult.InvocationConfiguration.Output, request);
        });
        return command;
    }

    /// <summary>The README's worked example: the plan made when <c>plan</c> is given no options.</summary>
    internal const string ExampleFirstDose = "2027-03-10T08:00";

    /// <summary>The README's worked example's zone.</summary>
    internal const string ExampleZone = "America/New_York";

    /// <summary>
    /// <c>--first-dose</c> and <c>--zone</c>: with no options at all, the README's example; with any
    /// option, both are required, so a forgotten <c>--zone</c> is an error rather than a silent New York.
    /// </summary>
    /// <exception cref="CliUsageException">Some option is given, and one of the two (or both) is not.</exception>
    private static (string FirstDose, string Zone) FirstDoseAndZone(ParseResult parseResult, string? firstDose, string? zone)
    {
        bool anyOption = parseResult.Tokens.Any(token => token.Type != System.CommandLine.Parsing.TokenType.Command);
        if (!anyOption)
        {
            return (ExampleFirstDose, ExampleZone);
        }
        string? missing = (firstDose, zone) switch
        {
            (null, null) => "--first-dose and --zone are missing",
            (null, _) => "--first-dose is missing",
            (_, null) => "--zone is missing",
            _ => null,
        };
        return missing is null
            ? (firstDose!, zone!)
            : throw new CliUsageException($"plan needs both --first-dose and --zone when any option is given (with no options it plans the README example); {missing}");
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
        schedule = schedule.WithBodyWeight(request.BodyWeightKilograms);
        if (request.WorkingDays is { } workingDays)
        {
            // Holidays are read for the dates the follow-up rules can look at.
            var calendar = workingDays.Calendar(() => planner.FollowUpHorizon(schedule.CourseEndDate));
            schedule = schedule.WithWorkingDays(calendar, workingDays.ImagingDateShift);
        }
        if (request.Format == "png")
        {
            OutputFile.Write(output, request.OutputPath, CourseTimeline.Png(schedule, CourseTimeline.DefaultWidth, CourseTimeline.DefaultHeight));
            return CliApplication.Success;
        }
        string text = request.Format switch
        {
            "json" => (request.Explain ? CourseScheduleJson.SerializeExplained(schedule) : CourseScheduleJson.Serialize(schedule)) + Environment.NewLine,
            "ics" => CourseCalendar.Export(schedule, SystemClock.Instance.GetCurrentInstant(), courseId: null),
            "svg" => CourseTimeline.Svg(schedule, CourseTimeline.DefaultWidth, CourseTimeline.DefaultHeight),
            "fhir" or "fhir-transaction" => FhirOutput.Plan(schedule, request.Format, request.Patient),
            _ => ScheduleTable.Render(schedule, request.ProtocolDescription),
        };
        if (request.Explain && request.Format == "table")
        {
            text += Environment.NewLine + ExplainOutput.Table(schedule.Explain());
        }
        OutputFile.Write(output, request.OutputPath, text);
        return CliApplication.Success;
    }

    private static LocalDateTime ParseFirstDose(string text)
    {
        // Formatting back must give the same text: NodaTime also reads "T24:00" as the next midnight.
        var result = LocalDateTimeText.Parse(text);
        return result.Success && LocalDateTimeText.Format(result.Value) == text
            ? result.Value
            : throw new CliUsageException($"--first-dose must be a local date-time like 2027-03-10T08:00 (hours 00-23, no seconds, no offset; the zone is --zone); was '{InputText.ForMessage(text)}'");
    }

    /// <summary>The preset names, for <c>--protocol</c> and the batch file's <c>protocol</c> column.</summary>
    internal static readonly string[] PresetNames = [.. CourseProtocol.Presets.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The dose timing names, for <c>--dose-timing</c> and the batch file's <c>doseTiming</c> column.</summary>
    internal static readonly string[] DoseTimingNames = ["elapsed", "wall-clock", "standard-times"];

    /// <summary>The cycle window names, for <c>--cycle-window</c> and the batch file's <c>cycleWindow</c> column.</summary>
    internal static readonly string[] CycleWindowNames = ["elapsed", "calendar-days"];

    /// <summary>One of <see cref="DoseTimingNames"/> as the library's value.</summary>
    internal static DoseTiming ParseDoseTiming(string name) => name switch
    {
        "wall-clock" => DoseTiming.WallClock,
        "standard-times" => DoseTiming.StandardTimes,
        _ => DoseTiming.Elapsed,
    };

    /// <summary>One of <see cref="CycleWindowNames"/> as the library's value.</summary>
    internal static CycleWindowCounting ParseCycleWindow(string name) =>
        name == "calendar-days" ? CycleWindowCounting.CalendarDays : CycleWindowCounting.Elapsed;

    /// <summary>Clock times "00:00,08:00,16:00" (HH:mm, comma-separated); <paramref name="name"/> is the option or column, for the message.</summary>
    /// <exception cref="CliUsageException">A time is malformed.</exception>
    internal static List<LocalTime> ParseStandardTimes(string text, string name) =>
        text.Split(',', StringSplitOptions.TrimEntries)
            .Select(part => ClockTimeText.Parse(part) is { Success: true } result
                ? result.Value
                : throw new CliUsageException($"{name} must be clock times like 00:00,08:00,16:00 (HH:mm, comma-separated); was '{InputText.ForMessage(text)}'"))
            .ToList();

    /// <summary>A body weight in kilograms, "72.5"; its range is the library's rule. <paramref name="name"/> is the option or column, for the message.</summary>
    /// <exception cref="CliUsageException"><paramref name="text"/> is not a number.</exception>
    internal static decimal? ParseWeight(string? text, string name)
    {
        if (text is null)
        {
            return null;
        }
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal value)
            ? value
            : throw new CliUsageException($"{name} must be a number of kilograms like 72.5; was '{InputText.ForMessage(text)}'");
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
            : throw new CliUsageException($"--discharge must be a date like 2027-03-31; was '{InputText.ForMessage(text)}'");
    }
}
