using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule.Serialization;

/// <content>A document's inputs as values: protocol, dose timing, working days.</content>
public static partial class CourseScheduleJson
{
    internal static DoseTiming ToDoseTiming(string text) => text switch
    {
        "elapsed" => DoseTiming.Elapsed,
        "wallClock" => DoseTiming.WallClock,
        "standardTimes" => DoseTiming.StandardTimes,
        _ => throw new JsonException($"doseTiming must be 'elapsed', 'wallClock' or 'standardTimes'; was '{text}'."),
    };

    /// <summary>The protocol a document describes; invalid settings throw <see cref="ArgumentException"/> from the builder.</summary>
    internal static CourseProtocol ToProtocol(ProtocolDocument p, DoseTiming timing)
    {
        var counting = p.CycleWindowCounting switch
        {
            "elapsed" or null => CycleWindowCounting.Elapsed,
            "calendarDays" => CycleWindowCounting.CalendarDays,
            _ => throw new JsonException($"protocol.cycleWindowCounting must be 'elapsed' or 'calendarDays'; was '{p.CycleWindowCounting}'."),
        };
        var stoppedCounting = p.StoppedInfusionCounting switch
        {
            "countsAsGiven" or null => StoppedInfusionCounting.CountsAsGiven,
            "countsAsHeld" => StoppedInfusionCounting.CountsAsHeld,
            _ => throw new JsonException($"protocol.stoppedInfusionCounting must be 'countsAsGiven' or 'countsAsHeld'; was '{p.StoppedInfusionCounting}'."),
        };
        return new CourseProtocolBuilder
        {
            StoppedInfusionCounting = stoppedCounting,
            DoseInternationalUnitsPerKilogram = p.DoseInternationalUnitsPerKilogram,
            DoseMilligramsPerKilogram = p.DoseMilligramsPerKilogram,
            StandardAdministrationTimes = p.StandardAdministrationTimes is { } times
                ? times.Select(ParseClockTime).ToList()
                : CourseProtocol.Label.StandardAdministrationTimes,
            CycleWindowCounting = counting,
            CycleCount = p.CycleCount,
            CycleLengthDays = p.CycleLengthDays,
            RestPeriodDays = p.RestPeriodDays,
            DosingInterval = Minutes(p.DosingIntervalMinutes, "protocol.dosingIntervalMinutes"),
            InfusionDuration = Minutes(p.InfusionDurationMinutes, "protocol.infusionDurationMinutes"),
            MaxDosesPerCycle = p.MaxDosesPerCycle,
            DoseTiming = timing,
            ResponseAssessmentDelay = p.ResponseAssessmentDelay,
            RetreatmentWindowStart = p.RetreatmentWindowStart,
            RetreatmentWindowEnd = p.RetreatmentWindowEnd,
            MinimumIntervalAfterDischarge = p.MinimumIntervalAfterDischarge,
        }.Build();
    }

    private static LocalTime ParseClockTime(string text) =>
        (text.Length == 5 ? CourseProtocol.ClockTimeText : LocalTimePattern.ExtendedIso).Parse(text) is { Success: true } result
            ? result.Value
            : throw new JsonException($"protocol.standardAdministrationTimes must hold clock times like 08:00; was '{text}'.");

    /// <summary>Reads <c>nextCourseWindowReasons</c>: camelCase names of <see cref="NextCourseWindowReasons"/> values, as a set.</summary>
    internal static NextCourseWindowReasons ParseReasons(IEnumerable<string> names)
    {
        var reasons = NextCourseWindowReasons.None;
        foreach (string name in names)
        {
            reasons |= WindowReasons.FirstOrDefault(reason => CamelCase(reason) == name) is var reason && reason != NextCourseWindowReasons.None
                ? reason
                : throw new JsonException($"nextCourseWindowReasons must hold {string.Join(", ", WindowReasons.Select(CamelCase))}; was '{name}'.");
        }
        return reasons;
    }

    internal static IsoDayOfWeek ParseDayOfWeek(string name) =>
        ParseEnum<IsoDayOfWeek>(name, "workingDays.weekend") is var day && day != IsoDayOfWeek.None
            ? day
            : throw new JsonException($"workingDays.weekend must hold monday to sunday; was '{name}'.");

    /// <summary>Reads an enum value written in camelCase ("next", "saturday").</summary>
    internal static TEnum ParseEnum<TEnum>(string text, string name)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(value => CamelCase(value) == text).Select(value => (TEnum?)value).FirstOrDefault()
            ?? throw new JsonException($"{name} must be one of {string.Join(", ", Enum.GetValues<TEnum>().Select(CamelCase).Where(value => value != "none" || typeof(TEnum) != typeof(IsoDayOfWeek)))}; was '{text}'.");
    private static Duration Minutes(long minutes, string name) =>
        minutes is > 0 and <= 24 * 60
            ? Duration.FromMinutes(minutes)
            : throw new JsonException($"{name} must be in range [1, 1440]; was {minutes}.");

    internal static (WorkingDayCalendar Calendar, NonWorkingDayShift Shift) FromDocument(WorkingDaysDocument document) =>
        (new WorkingDayCalendar(document.Weekend.Select(ParseDayOfWeek), document.Holidays),
         ParseEnum<NonWorkingDayShift>(document.ImagingDateShift, "workingDays.imagingDateShift"));
}
