using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using IL2Schedule.ICalendar;
using NodaTime;

namespace IL2Schedule.Cli;

/// <summary>
/// The working-day options <c>--weekend</c>, <c>--holidays</c> and <c>--imaging-shift</c> as parsed:
/// one spelling and one parser for every command that takes them.
/// </summary>
/// <param name="WeekendDays">The weekend days.</param>
/// <param name="HolidaysPath">The holidays file, or null.</param>
/// <param name="ImagingDateShift">Where an imaging date on a non-working day moves.</param>
internal sealed record WorkingDayOptions(IReadOnlyList<IsoDayOfWeek> WeekendDays, string? HolidaysPath, NonWorkingDayShift ImagingDateShift)
{
    /// <summary>The three options, for a command's option list.</summary>
    internal sealed record Set(Option<string?> Weekend, Option<string?> Holidays, Option<string?> ImagingShift)
    {
        /// <summary>The options as given, or null when none is: the follow-up dates then stay as the protocol gives them.</summary>
        /// <exception cref="CliUsageException">A value is malformed.</exception>
        internal WorkingDayOptions? Parse(ParseResult parseResult)
        {
            string? weekend = parseResult.GetValue(Weekend);
            string? holidays = parseResult.GetValue(Holidays);
            string? imagingShift = parseResult.GetValue(ImagingShift);
            return weekend is null && holidays is null && imagingShift is null
                ? null
                : new WorkingDayOptions(
                    weekend is null ? WorkingDayCalendar.SaturdaySunday.WeekendDays : ParseWeekend(weekend),
                    holidays,
                    ParseImagingShift(imagingShift));
        }
    }

    /// <summary>Creates the three options with the descriptions <c>plan</c> and <c>batch</c> share.</summary>
    internal static Set CreateOptions()
    {
        var weekend = new Option<string?>("--weekend")
        {
            Description = "Move follow-up dates onto working days; these are the weekend days (Mon,...,Sun, comma-separated; 'none' for none). Default Sat,Sun when --holidays or --imaging-shift is given.",
        };
        var holidays = new Option<string?>("--holidays")
        {
            Description = "Move follow-up dates onto working days, skipping these holidays: an iCalendar file (.ics; all-day events) or a text file of yyyy-MM-dd dates, one a line ('#' starts a comment).",
        };
        var imagingShift = new Option<string?>("--imaging-shift")
        {
            Description = "Where an imaging date on a non-working day moves: next (the default), previous, nearest or none. Implies a working-day calendar (weekend Sat,Sun unless --weekend).",
        };
        imagingShift.AcceptOnlyFromAmong(ImagingShiftNames);
        return new Set(weekend, holidays, imagingShift);
    }

    /// <summary>The <c>--imaging-shift</c> values.</summary>
    internal static readonly string[] ImagingShiftNames = ["next", "previous", "nearest", "none"];

    /// <summary>The calendar; an iCalendar file's recurring events are expanded over <paramref name="horizon"/> (a text file's dates are all read).</summary>
    /// <param name="horizon">The dates the follow-up rules can look at (<see cref="CoursePlanner.FollowUpHorizon(LocalDate)"/>), asked for only for an iCalendar file.</param>
    /// <exception cref="CliUsageException">The holidays file cannot be read or is malformed.</exception>
    internal WorkingDayCalendar Calendar(Func<DateInterval> horizon) =>
        new(WeekendDays, HolidaysPath is null ? [] : ReadHolidays(HolidaysPath, horizon));

    /// <summary>"Sat", "sat" and "Saturday" all name Saturday (at least three letters); "none" is no weekend.</summary>
    /// <exception cref="CliUsageException"><paramref name="text"/> names no day.</exception>
    internal static List<IsoDayOfWeek> ParseWeekend(string text)
    {
        if (text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        return text.Split(',', StringSplitOptions.TrimEntries).Select(part =>
            Enum.GetValues<IsoDayOfWeek>().FirstOrDefault(day =>
                day != IsoDayOfWeek.None && part.Length >= 3 && day.ToString().StartsWith(part, StringComparison.OrdinalIgnoreCase)) is var found
                && found != IsoDayOfWeek.None
                ? found
                : throw new CliUsageException($"--weekend must be days like Sat,Sun (Mon to Sun, comma-separated) or none; was '{InputText.ForMessage(text)}'"))
            .ToList();
    }

    /// <summary>An <c>--imaging-shift</c> value (already one of <see cref="ImagingShiftNames"/>); null is next.</summary>
    internal static NonWorkingDayShift ParseImagingShift(string? text) => text switch
    {
        "previous" => NonWorkingDayShift.Previous,
        "nearest" => NonWorkingDayShift.Nearest,
        "none" => NonWorkingDayShift.None,
        _ => NonWorkingDayShift.Next,
    };

    /// <summary>Reads a holidays file: iCalendar (.ics, expanded over <paramref name="range"/>, asked for only then) or one yyyy-MM-dd date a line.</summary>
    /// <exception cref="CliUsageException">The file cannot be read, is larger than its limit or is malformed.</exception>
    internal static IReadOnlyList<LocalDate> ReadHolidays(string path, Func<DateInterval> range)
    {
        bool ics = path.EndsWith(".ics", StringComparison.OrdinalIgnoreCase);
        string text = ics
            ? InputFile.ReadAllText(path, "--holidays file", InputLimits.MaxIcsBytes, nameof(InputLimits.MaxIcsBytes))
            : InputFile.ReadAllText(path, "--holidays file", InputLimits.MaxHolidaysTextBytes, nameof(InputLimits.MaxHolidaysTextBytes));
        try
        {
            return ics ? ICalendarHolidays.Read(text, range()) : WorkingDayCalendar.ParseHolidayText(text);
        }
        catch (InputLimitExceededException e)
        {
            throw new CliUsageException($"--holidays file '{InputText.ForMessage(path)}' is too large: {e.Message}");
        }
        catch (ArgumentException e)
        {
            // The message starts with the parameter's name: "icsText must ...", "text line 3 must ...".
            string message = e.ParamName is { } name
                ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal).Replace($"{name} must", "must", StringComparison.Ordinal).Replace($"{name} line", "line", StringComparison.Ordinal)
                : e.Message;
            throw new CliUsageException($"--holidays file '{InputText.ForMessage(path)}' " + message);
        }
    }
}
