using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule;

/// <summary>
/// Builds the derivations of a planned course (<see cref="CourseSchedule.Explain"/>) and the
/// parts a re-planned course shares with it: follow-up dates and dose amounts. Every rule's
/// number, name and source come from <see cref="RuleBook"/>.
/// </summary>
internal static class CourseExplanation
{
    private static readonly LocalDateTimePattern LocalText = LocalDateTimePattern.ExtendedIso;

    /// <summary>Every computed value of a planned course, in the order the rules compute them.</summary>
    internal static List<Derivation> For(CourseSchedule schedule)
    {
        var protocol = schedule.Protocol;
        var list = new List<Derivation>();
        ScheduledDose? previous = null;
        foreach (var cycle in schedule.Cycles)
        {
            list.Add(CycleStart(schedule, cycle.Number, cycle.NominalStart, cycle.Start, cycle.StartResolution, rescheduled: false));
            var windowRule = RuleBook.Planning(protocol.CycleWindowCounting == CycleWindowCounting.CalendarDays ? 12 : 4);
            list.Add(new Derivation($"cycle {cycle.Number} window end", Format(cycle.WindowEnd), windowRule,
                [Input("cycle start", Format(cycle.Start)), Input("cycle length", Days(protocol.CycleLengthDays)), Input("counted as", WindowWords(protocol))],
                "exclusive"));
            list.Add(new Derivation($"cycle {cycle.Number} doses planned", Number(cycle.Doses.Count), windowRule,
                [Input("dose cap", Number(protocol.MaxDosesPerCycle)), Input("dose times in the window", Number(cycle.WindowDoseCapacity))],
                cycle.BoundBy == CycleBound.Cap ? "bound by the dose cap" : "bound by the window"));
            foreach (var dose in cycle.Doses)
            {
                list.Add(DoseStart(protocol, cycle, dose, dose.NumberInCycle == 1 ? null : previous));
                list.Add(new Derivation($"dose {dose.Number} end", Format(dose.End), RuleBook.Planning(5),
                    [Input("start", Format(dose.Start)), Input("infusion", Minutes(protocol.InfusionDuration))]));
                previous = dose;
            }
        }
        var last = schedule.Doses[^1];
        list.Add(new Derivation("course end", Format(schedule.CourseEnd), RuleBook.Planning(6), [Input($"dose {last.Number} end", Format(last.End))]));
        list.Add(new Derivation("course end date", ScheduleText.Format(schedule.CourseEndDate), RuleBook.Planning(6),
            [Input("course end", Format(schedule.CourseEnd)), Input("zone", schedule.ZoneId)]));
        FollowUp(list, protocol, schedule.CourseEndDate, schedule.ResponseAssessmentDateUnadjusted, schedule.ResponseAssessmentDate,
            schedule.NextCourseWindowUnadjusted, schedule.NextCourseWindow, schedule.WorkingDayCalendar, schedule.ImagingDateShift);
        if (schedule.DoseAmount is { } amount)
        {
            Amounts(list, protocol, amount, schedule.Doses.Count, "planned");
        }
        return list;
    }

    /// <summary>A cycle's start: rule 1 for cycle 1 (the first dose), rule 2 for later cycles, with how the zone resolved it.</summary>
    internal static Derivation CycleStart(CourseSchedule plan, int number, LocalDateTime nominal, ZonedDateTime start, CycleStartResolution resolution, bool rescheduled)
    {
        string? note = resolution switch
        {
            CycleStartResolution.ShiftedForward => $"{LocalText.Format(nominal)} is skipped by the zone (a gap); moved forward by the gap's length",
            CycleStartResolution.EarlierOffset => $"{LocalText.Format(nominal)} happens twice in the zone (an overlap); the earlier instant is taken",
            CycleStartResolution.LaterOffset => $"{LocalText.Format(nominal)} happens twice in the zone (an overlap); the later instant, as the first dose was given",
            CycleStartResolution.OtherInstantInGap => $"{LocalText.Format(nominal)} is skipped by the zone (a gap); the first dose's resolver chose this instant",
            _ => null,
        };
        if (number == 1 && !rescheduled)
        {
            return new Derivation("cycle 1 start", Format(start), RuleBook.Planning(1),
                [Input("requested first dose", LocalText.Format(plan.RequestedFirstDose)), Input("zone", plan.ZoneId)], note);
        }
        if (rescheduled)
        {
            return new Derivation($"cycle {number} start", Format(start), RuleBook.Replanning(3),
                [Input("rescheduled start", LocalText.Format(nominal)), Input("zone", plan.ZoneId)], note);
        }
        int days = checked((number - 1) * plan.Protocol.DaysBetweenCycleStarts);
        return new Derivation($"cycle {number} start", Format(start), RuleBook.Planning(2),
            [Input("requested first dose", LocalText.Format(plan.RequestedFirstDose)), Input("days after it", Days(days)),
             Input("nominal start", LocalText.Format(nominal)), Input("zone", plan.ZoneId)], note);
    }

    private static Derivation DoseStart(CourseProtocol protocol, CycleSchedule cycle, ScheduledDose dose, ScheduledDose? previous)
    {
        string subject = $"dose {dose.Number} start";
        var rule = RuleBook.Planning(protocol.DoseTiming == DoseTiming.StandardTimes ? 11 : 3);
        if (previous is not { } before)
        {
            return new Derivation(subject, Format(dose.Start), rule,
                [Input("cycle", Number(dose.CycleNumber)), Input("cycle start", Format(cycle.Start))], "the cycle's first dose is given at its start");
        }
        var elapsed = dose.Start.ToInstant() - before.Start.ToInstant();
        return protocol.DoseTiming switch
        {
            DoseTiming.StandardTimes => new Derivation(subject, Format(dose.Start), rule,
                [Input("previous dose start", Format(before.Start)),
                 Input("standard times", string.Join(",", protocol.StandardAdministrationTimes.Select(t => t.ToString("HH:mm", CultureInfo.InvariantCulture)))),
                 Input("half the interval", Minutes(protocol.DosingInterval / 2)), Input("elapsed since the previous dose", Minutes(elapsed))]),
            DoseTiming.WallClock => new Derivation(subject, Format(dose.Start), rule,
                [Input("nominal cycle start", LocalText.Format(cycle.NominalStart)), Input("timing", "wall-clock"),
                 Input("clock time after it", Minutes(protocol.DosingInterval * (dose.NumberInCycle - 1)))],
                elapsed != protocol.DosingInterval ? $"{Minutes(elapsed)} elapsed since the previous dose, across a clock change" : null),
            _ => new Derivation(subject, Format(dose.Start), rule,
                [Input("previous dose start", Format(before.Start)), Input("timing", "elapsed"), Input("interval", Minutes(protocol.DosingInterval))],
                dose.Start.Offset != before.Start.Offset ? $"the offset changed from {OffsetText(before.Start.Offset)} to {OffsetText(dose.Start.Offset)}; the clock time moved" : null),
        };
    }

    /// <summary>The imaging date and the next-course window's ends (rules 7, 8 and 13), from a course end date.</summary>
    internal static void FollowUp(
        List<Derivation> list, CourseProtocol protocol, LocalDate courseEndDate, LocalDate imagingUnadjusted, LocalDate imaging,
        NextCourseWindow windowUnadjusted, NextCourseWindow window, WorkingDayCalendar? calendar, NonWorkingDayShift shift)
    {
        string endDate = ScheduleText.Format(courseEndDate);
        list.Add(new Derivation("imaging date by the protocol", ScheduleText.Format(imagingUnadjusted), RuleBook.Planning(7),
            [Input("course end date", endDate), Input("delay", ScheduleText.Format(protocol.ResponseAssessmentDelay))]));
        if (calendar is not null)
        {
            list.Add(new Derivation("imaging date", ScheduleText.Format(imaging), RuleBook.Planning(13),
                [Input("by the protocol", ScheduleText.Format(imagingUnadjusted)), Input("working days", calendar.ToString()), Input("shift", shift.ToString())],
                imaging == imagingUnadjusted ? "already a working day" : $"{ScheduleText.Format(imagingUnadjusted)} is not a working day"));
        }
        var byEnd = windowUnadjusted.ByCourseEnd;
        list.Add(new Derivation("next-course window start by the course end", ScheduleText.Format(byEnd.Start), RuleBook.Planning(8),
            [Input("course end date", endDate), Input("after it", ScheduleText.Format(protocol.RetreatmentWindowStart))]));
        list.Add(new Derivation("next-course window end", ScheduleText.Format(byEnd.End), RuleBook.Planning(8),
            [Input("course end date", endDate), Input("after it", ScheduleText.Format(protocol.RetreatmentWindowEnd))], "inclusive"));
        if (windowUnadjusted.DischargeDate is { } discharge)
        {
            list.Add(new Derivation("next-course window earliest start after discharge",
                windowUnadjusted.EarliestAfterDischarge is { } earliest ? ScheduleText.Format(earliest) : "none", RuleBook.Planning(8),
                [Input("discharge date", ScheduleText.Format(discharge)), Input("minimum interval", ScheduleText.Format(protocol.MinimumIntervalAfterDischarge))],
                "the discharge rule"));
        }
        AddWindow(list, "next-course window", windowUnadjusted, RuleBook.Planning(8), []);
        if (calendar is not null)
        {
            AddWindow(list, "next-course window on working days", window, RuleBook.Planning(13), [Input("working days", calendar.ToString())]);
        }
    }

    private static void AddWindow(List<Derivation> list, string subject, NextCourseWindow window, RuleText rule, KeyValuePair<string, string>[] extra)
    {
        string value = window.Dates is { } dates ? $"{ScheduleText.Format(dates.Start)}/{ScheduleText.Format(dates.End)}" : "none";
        list.Add(new Derivation(subject, value, rule,
            [Input("the window by the course end alone", $"{ScheduleText.Format(window.ByCourseEnd.Start)}/{ScheduleText.Format(window.ByCourseEnd.End)}"), .. extra], window.Note));
    }

    /// <summary>Dose amounts (rule 14) and the final concentration with its check (rule 15); <paramref name="kind"/> names the total ("planned", "given").</summary>
    internal static void Amounts(List<Derivation> list, CourseProtocol protocol, DoseAmount amount, int doses, string kind)
    {
        var rule = RuleBook.Planning(14);
        string weight = Number(amount.BodyWeightKilograms) + " kg";
        list.Add(new Derivation("dose IU", Number(amount.InternationalUnits), rule,
            [Input("body weight", weight), Input("IU/kg", Number(protocol.DoseInternationalUnitsPerKilogram))]));
        if (amount.Milligrams is { } mg)
        {
            list.Add(new Derivation("dose mg", Number(mg), rule, [Input("body weight", weight), Input("mg/kg", Number(protocol.DoseMilligramsPerKilogram!.Value))]));
        }
        list.Add(new Derivation("vials", Number(amount.Vials), rule, [Input("dose IU", Number(amount.InternationalUnits)), Input("IU per vial", Number(DoseAmount.VialInternationalUnits))], "rounded up"));
        list.Add(new Derivation("diluent mL", Number(amount.DiluentMilliliters), rule, [Input("dose IU", Number(amount.InternationalUnits))],
            "25 mL up to 25.4 million IU, 50 mL up to 60 million IU, 100 mL above (label section 2.5)"));
        if (amount.ConcentrationMilligramsPerMilliliter is { } concentration)
        {
            list.Add(new Derivation("final concentration mg/mL", Number(concentration), RuleBook.Planning(15),
                [Input("dose mg", Number(amount.Milligrams!.Value)), Input("diluent mL", Number(amount.DiluentMilliliters)),
                 Input("label range", $"{Number(DoseAmount.MinConcentrationMilligramsPerMilliliter)}-{Number(DoseAmount.MaxConcentrationMilligramsPerMilliliter)}")],
                amount.ConcentrationWarning ?? "within the label's range"));
        }
        list.Add(new Derivation($"course IU {kind}", Number(DoseAmount.Normalize(amount.InternationalUnits * doses)), rule,
            [Input("dose IU", Number(amount.InternationalUnits)), Input($"doses {kind}", Number(doses))]));
    }

    internal static KeyValuePair<string, string> Input(string name, string value) => new(name, value);

    internal static string Format(ZonedDateTime value) => ScheduleText.Format(value);

    internal static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Days(int days) => Number(days) + (days == 1 ? " day" : " days");

    private static string Minutes(Duration duration) => Number((decimal)duration.TotalMinutes) + " min";

    private static string OffsetText(Offset offset) => OffsetPattern.CreateWithInvariantCulture("+HH:mm").Format(offset);

    private static string WindowWords(CourseProtocol protocol) =>
        protocol.CycleWindowCounting == CycleWindowCounting.CalendarDays ? "calendar days" : "elapsed hours from the cycle start";
}
