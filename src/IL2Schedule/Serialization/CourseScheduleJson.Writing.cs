using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule.Serialization;

/// <content>A schedule and its parts as documents.</content>
public static partial class CourseScheduleJson
{
    internal static string ToText(DoseTiming timing) => timing switch
    {
        DoseTiming.Elapsed => "elapsed",
        DoseTiming.WallClock => "wallClock",
        _ => "standardTimes",
    };

    // Clock times as "08:00"; one with seconds (possible outside standard-time dosing) keeps them.
    private static string FormatClockTime(LocalTime time) =>
        time.Second == 0 && time.NanosecondOfSecond == 0 ? CourseProtocol.ClockTimeText.Format(time) : LocalTimePattern.ExtendedIso.Format(time);

    /// <summary>The reasons other than <see cref="NextCourseWindowReasons.None"/>, in the order of their values.</summary>
    private static readonly NextCourseWindowReasons[] WindowReasons = [.. Enum.GetValues<NextCourseWindowReasons>().Where(reason => reason != NextCourseWindowReasons.None)];

    /// <summary>Each reason set in <paramref name="reasons"/>, camelCase, in the order of their values; empty for none.</summary>
    internal static List<string> ToText(NextCourseWindowReasons reasons) =>
        [.. WindowReasons.Where(reason => (reasons & reason) != 0).Select(CamelCase)];

    internal static string CamelCase<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        string name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static CourseScheduleDocument ToDocument(CourseSchedule schedule)
    {
        var protocol = schedule.Protocol;
        var window = schedule.NextCourseWindow;
        var amount = schedule.DoseAmount;
        return new CourseScheduleDocument
        {
            SchemaVersion = SchemaVersion,
            Zone = schedule.ZoneId,
            TzdbVersion = schedule.TzdbVersion,
            DoseTiming = ToText(protocol.DoseTiming),
            Protocol = ToDocument(protocol),
            RequestedFirstDose = schedule.RequestedFirstDose,
            DischargeDate = schedule.DischargeDate,
            BodyWeightKg = amount?.BodyWeightKilograms,
            WorkingDays = ToDocument(schedule.WorkingDayCalendar, schedule.ImagingDateShift),
            Cycles = schedule.Cycles.Select(cycle => new CycleDocument
            {
                Number = cycle.Number,
                Start = cycle.Start.ToOffsetDateTime(),
                WindowEnd = cycle.WindowEnd.ToOffsetDateTime(),
                WindowDoseCapacity = cycle.WindowDoseCapacity,
                BoundBy = CamelCase(cycle.BoundBy),
            }).ToList(),
            Doses = schedule.Doses.Select(dose => new DoseDocument
            {
                Number = dose.Number,
                Cycle = dose.CycleNumber,
                NumberInCycle = dose.NumberInCycle,
                Start = dose.Start.ToOffsetDateTime(),
                End = dose.End.ToOffsetDateTime(),
                DoseIu = amount?.InternationalUnits,
                DoseMg = amount?.Milligrams,
                Vials = amount?.Vials,
                DiluentMl = amount?.DiluentMilliliters,
                ConcentrationMgPerMl = amount?.ConcentrationMilligramsPerMilliliter,
                DilutionWarning = amount?.ConcentrationWarning,
            }).ToList(),
            CourseEnd = schedule.CourseEnd.ToOffsetDateTime(),
            CourseEndDate = schedule.CourseEndDate,
            ImagingDate = schedule.ResponseAssessmentDate,
            ImagingDateUnadjusted = schedule.ResponseAssessmentDateUnadjusted,
            NextCourseWindow = ToDocument(window.Dates),
            NextCourseWindowUnadjusted = ToDocument(schedule.NextCourseWindowUnadjusted.Dates),
            NextCourseWindowReasons = ToText(window.Reasons),
            NextCourseWindowNote = window.Note,
            PlannedCourseIu = schedule.PlannedCourseInternationalUnits,
            PlannedCourseMg = schedule.PlannedCourseMilligrams,
        };
    }

    internal static WorkingDaysDocument? ToDocument(WorkingDayCalendar? calendar, NonWorkingDayShift imagingDateShift) =>
        calendar is null
            ? null
            : new WorkingDaysDocument
            {
                Weekend = calendar.WeekendDays.Select(CamelCase).ToList(),
                Holidays = [.. calendar.Holidays],
                ImagingDateShift = CamelCase(imagingDateShift),
            };

    internal static DateWindowDocument? ToDocument(DateInterval? dates) =>
        dates is null ? null : new DateWindowDocument { Start = dates.Start, End = dates.End };

    internal static ProtocolDocument ToDocument(CourseProtocol protocol) => new()
    {
        DoseInternationalUnitsPerKilogram = protocol.DoseInternationalUnitsPerKilogram,
        DoseMilligramsPerKilogram = protocol.DoseMilligramsPerKilogram,
        StandardAdministrationTimes = protocol.StandardAdministrationTimes.Select(FormatClockTime).ToList(),
        CycleWindowCounting = protocol.CycleWindowCounting == CycleWindowCounting.Elapsed ? "elapsed" : "calendarDays",
        // Written only when it is not the default, so documents of protocols that never name it stay as they were.
        StoppedInfusionCounting = protocol.StoppedInfusionCounting == StoppedInfusionCounting.CountsAsGiven ? null : "countsAsHeld",
        CycleCount = protocol.CycleCount,
        CycleLengthDays = protocol.CycleLengthDays,
        RestPeriodDays = protocol.RestPeriodDays,
        DosingIntervalMinutes = (long)protocol.DosingInterval.TotalMinutes,
        InfusionDurationMinutes = (long)protocol.InfusionDuration.TotalMinutes,
        MaxDosesPerCycle = protocol.MaxDosesPerCycle,
        ResponseAssessmentDelay = protocol.ResponseAssessmentDelay,
        RetreatmentWindowStart = protocol.RetreatmentWindowStart,
        RetreatmentWindowEnd = protocol.RetreatmentWindowEnd,
        MinimumIntervalAfterDischarge = protocol.MinimumIntervalAfterDischarge,
    };
}
