using System;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using IL2Schedule.Drift;
using IL2Schedule.ICalendar;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using IL2Schedule.Timeline;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule.Cli;

/// <summary><c>il2schedule replay RECORD.json</c>: applies a recorded course's events and prints the re-planned schedule.</summary>
internal static class ReplayCommand
{
    internal static Command Create()
    {
        var recordFile = new Argument<string>("RECORD.json")
        {
            Description = "A course record: firstDose, zone, protocol, doseTiming and the events (doseGiven, doseStopped, doseHeld, cycleStopped, courseStopped, cycleRescheduled, discharged, corrected); see docs/records.md.",
        };
        var format = new Option<string>("--format")
        {
            Description = "table (for people), json (the re-planned JSON form), ics (iCalendar: the plan's UIDs, SEQUENCE raised), svg or png (a timeline picture; --at is marked; png needs --output or a redirected stdout), " +
                "fhir (a FHIR R4 collection Bundle: the plan's resources and a MedicationAdministration per dose event; needs --patient).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "ics", "svg", "png", "fhir");
        var output = OutputFile.CreateOption();
        var patient = FhirOutput.CreatePatientOption();
        var administrations = new Option<string?>("--fhir-administrations")
        {
            Description = "Apply the MedicationAdministrations in this FHIR R4 file (a Bundle or a JSON array, as written by --format fhir) to the record before re-planning, all or nothing; needs --patient.",
        };
        var at = new Option<string?>("--at")
        {
            Description = "Show the status at this instant (RFC 3339 with offset, e.g. 2027-03-12T09:00:00-05:00): what is due next and what is overdue.",
        };
        var weekend = new Option<string?>("--weekend")
        {
            Description = "Move follow-up dates onto working days; these are the weekend days (Mon,...,Sun or none). Replaces the record's weekend days only.",
        };
        var holidays = new Option<string?>("--holidays")
        {
            Description = "Holidays for the working days: an .ics file (all-day events) or a text file of yyyy-MM-dd dates. Replaces the record's holidays only.",
        };
        var imagingShift = new Option<string?>("--imaging-shift")
        {
            Description = "Where an imaging date on a non-working day moves: next (default), previous, nearest or none.",
        };
        imagingShift.AcceptOnlyFromAmong(WorkingDayOptions.ImagingShiftNames);
        var weightKg = new Option<string?>("--weight-kg")
        {
            Description = "Body weight in kg: adds each dose's amount and the given and projected course totals. Overrides the record's bodyWeightKg.",
        };
        var explain = ExplainOutput.CreateOption();
        var command = new Command("replay", "Apply a recorded course's events (given, held, late, stopped doses) and print the re-planned schedule. Dose timing and cycle window come from the record file.")
        {
            recordFile, format, output, at, weekend, holidays, imagingShift, weightKg, patient, administrations, explain,
        };
        var tzdb = TzdbOption.Create("re-plan the record with");
        command.Options.Add(tzdb);
        command.SetAction(parseResult =>
        {
            string? outputPath = OutputFile.Check(parseResult.GetValue(output));
            OutputFile.CheckBinary(parseResult.GetValue(format)!, outputPath, parseResult.InvocationConfiguration.Output);
            ExplainOutput.Check(parseResult.GetValue(explain), parseResult.GetValue(format)!);
            var record = Read(parseResult.GetValue(recordFile)!, parseResult.GetValue(tzdb), parseResult.InvocationConfiguration.Error);
            string? patientReference = parseResult.GetValue(patient);
            if (parseResult.GetValue(administrations) is { } administrationsPath)
            {
                record = FhirOutput.ApplyAdministrations(record, administrationsPath, patientReference);
            }
            string? weekendText = parseResult.GetValue(weekend);
            string? holidaysPath = parseResult.GetValue(holidays);
            string? imagingShiftText = parseResult.GetValue(imagingShift);
            if (weekendText is not null || holidaysPath is not null || imagingShiftText is not null)
            {
                // Each option replaces only its part of the record's working days, if it has any.
                var recorded = record.Plan.WorkingDayCalendar;
                // Holidays are read for the dates the follow-up rules can look at.
                NodaTime.DateInterval Range() => new CoursePlanner(record.Plan.Protocol).FollowUpHorizon(record.Schedule.CourseEndDate ?? record.Plan.CourseEndDate);
                record = record.WithWorkingDays(
                    new WorkingDayCalendar(
                        weekendText is not null ? WorkingDayOptions.ParseWeekend(weekendText) : (recorded ?? WorkingDayCalendar.SaturdaySunday).WeekendDays,
                        holidaysPath is not null ? WorkingDayOptions.ReadHolidays(holidaysPath, Range) : recorded?.Holidays ?? []),
                    imagingShiftText is not null || recorded is null ? WorkingDayOptions.ParseImagingShift(imagingShiftText) : record.Plan.ImagingDateShift);
            }
            if (PlanCommand.ParseWeight(parseResult.GetValue(weightKg), "--weight-kg") is { } weight)
            {
                record = record.WithBodyWeight(weight);
            }
            string formatName = parseResult.GetValue(format)!;
            if (formatName == "fhir")
            {
                if (parseResult.GetValue(at) is not null)
                {
                    throw new CliUsageException("--at shows a status, which --format fhir does not write; use --format table or json with --at");
                }
                OutputFile.Write(parseResult.InvocationConfiguration.Output, outputPath, FhirOutput.Record(record, patientReference));
                return CliApplication.Success;
            }
            return Run(parseResult.InvocationConfiguration.Output, outputPath, record, formatName, parseResult.GetValue(at), parseResult.GetValue(explain));
        });
        return command;
    }

    private static CourseRecord Read(string path, string? tzdbPath, TextWriter stderr)
    {
        string text = InputFile.ReadAllText(path, "the record file", InputLimits.MaxRecordJsonBytes, nameof(InputLimits.MaxRecordJsonBytes));
        InputFile.CheckNotEmpty(text, path, "record file", "a record is a JSON object (see docs/records.md)");
        var database = TzdbOption.Load(tzdbPath);
        try
        {
            var record = CourseRecordJson.Deserialize(text, database);
            TzdbOption.WarnOnReplay(stderr, path, TzdbDriftCheck.StoredTzdbVersion(text), database, tzdbPath);
            return record;
        }
        catch (Exception e) when (e is JsonException or InputLimitExceededException)
        {
            throw new CliUsageException($"{InputText.ForMessage(path)}: {CliApplication.OneLine(e.Message)}");
        }
    }

    private static int Run(TextWriter output, string? outputPath, CourseRecord record, string format, string? atText, bool explain)
    {
        var at = atText is null ? (Instant?)null : ParseAt(atText);
        var status = at is { } instant ? record.GetStatus(instant) : null;
        var schedule = status?.Schedule ?? record.Schedule;
        if (format == "png")
        {
            OutputFile.Write(output, outputPath, CourseTimeline.Png(schedule, at, CourseTimeline.DefaultWidth, CourseTimeline.DefaultHeight));
            return CliApplication.Success;
        }
        string rendered = format switch
        {
            "json" => (status is null
                ? (explain ? CourseRecordJson.SerializeScheduleExplained(record.Schedule) : CourseRecordJson.SerializeSchedule(record.Schedule))
                : (explain ? CourseRecordJson.SerializeStatusExplained(status) : CourseRecordJson.SerializeStatus(status))) + Environment.NewLine,
            "ics" => CourseCalendar.Export(schedule, SystemClock.Instance.GetCurrentInstant(), courseId: null),
            "svg" => CourseTimeline.Svg(schedule, at, CourseTimeline.DefaultWidth, CourseTimeline.DefaultHeight),
            _ => ReplayTable.Render(schedule, status),
        };
        if (explain && format == "table")
        {
            rendered += Environment.NewLine + ExplainOutput.Table(schedule.Explain());
        }
        OutputFile.Write(output, outputPath, rendered);
        return CliApplication.Success;
    }

    internal static Instant ParseAt(string text)
    {
        var result = OffsetDateTimePattern.Rfc3339.Parse(text);
        // A local time in year 1 or 9999 can have an instant outside NodaTime's range.
        return result.Success && result.Value.Year is > 1 and < 9999
            ? result.Value.ToInstant()
            : throw new CliUsageException($"--at must be a date-time with an offset like 2027-03-12T09:00:00-05:00, in the years 2 to 9998; was '{InputText.ForMessage(text)}'");
    }
}
