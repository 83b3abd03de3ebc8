using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace IL2Schedule;

/// <summary>
/// The one table of rule texts of this library: each rule's number, name, wording, default and source, exactly as
/// the documentation's rules tables give them (a test compares the two). The explanations
/// (<see cref="Derivation"/>), the warnings that cite a rule and the error messages that state one
/// (<see cref="CourseProtocolProblem.DocumentedRule"/>, <see cref="Records.CourseEventRejectedException.DocumentedRule"/>,
/// <see cref="CoursePlanningException.DocumentedRule"/>) take their words, numbers and names from here.
/// </summary>
public static class RuleBook
{
    /// <summary>The planning rules (1–15), then the re-planning rules of a recorded course (1–6), in table order.</summary>
    public static IReadOnlyList<RuleText> All { get; } =
    [
        new RuleText(RuleSet.Planning, 1, "First dose",
            @"The first dose is a local date-time in an IANA zone. A local time that the zone **skips** (spring gap) or **repeats** (autumn overlap) is an error (`LocalTimeMappingException`) naming the time, the zone and which of the two it is, unless you pass a `ZoneLocalMappingResolver`.",
            @"strict",
            @"Alberta Health Services Connect Care manual; KHN 2018 (errors in the skipped/repeated hour)"),
        new RuleText(RuleSet.Planning, 2, "Cycle start",
            @"Cycle *c* starts at the **requested** first-dose local date-time plus (*c*−1)·(cycle length + rest) calendar days, at the same clock time. This holds even when a resolver moved dose 1. A later cycle start in a gap is shifted forward by the gap's length; one in an overlap takes the earlier instant.",
            @"days 1 and 15",
            @"Label, Table 1"),
        new RuleText(RuleSet.Planning, 3, "Dose timing",
            @"Dose timing, `DoseTiming.Elapsed`: dose *k* starts at the cycle start + (*k*−1)·8 h of **elapsed** time, so clock times move by an hour across a change. `DoseTiming.WallClock`: dose *k* starts at the local start + (*k*−1)·8 h of **clock** time, resolved as in rule 2, so one interval lasts 7 or 9 hours.",
            @"`Elapsed`",
            @"Label §2.1 (""every 8 hours""); EHR practice differs (domain notes)"),
        new RuleText(RuleSet.Planning, 4, "Dose cap and cycle window",
            @"Each cycle plans `MaxDosesPerCycle` doses. A cycle's window is its length (5 days) of elapsed time from its first dose, half-open: 15 eight-hour slots. A window holds at most those 15 dose times under every timing and counting (a 16th that a clock change or standard times fit in is not a slot; this library's choice, so a plan and its record agree). A cap above the slots is an invalid protocol.",
            @"14 (label), 15 (NCI)",
            @"Label Table 1; Rosenberg 1994 / NCT01160445"),
        new RuleText(RuleSet.Planning, 5, "Infusion",
            @"Each infusion lasts 15 minutes of elapsed time. The dosing interval must be longer than the infusion.",
            @"15 min",
            @"Label §2.1"),
        new RuleText(RuleSet.Planning, 6, "Course end",
            @"Course end = the end of the last dose of the last cycle. The course end date is its local date.",
            @"",
            @"Label Table 1"),
        new RuleText(RuleSet.Planning, 7, "Response assessment",
            @"Response-assessment (imaging) date = course end date + a `Period` (`Period.FromMonths(1)` can be chosen).",
            @"4 weeks",
            @"Label, ""Retreatment"""),
        new RuleText(RuleSet.Planning, 8, "Next-course window",
            @"Next-course window = [course end date + 6 weeks, course end date + 12 weeks], both ends inclusive. With a discharge date (the discharge after the course: on or after the course end date), the window starts no earlier than discharge + 7 weeks. If that is after the window's end, the window is **empty**, with the reason in `Note`; no exception is thrown.",
            @"6–12 weeks; 7 weeks",
            @"Atkins 1999; Fyfe 1995; Label, ""Retreatment"""),
        new RuleText(RuleSet.Planning, 9, "Presets",
            @"Presets: `CourseProtocol.Label` (600,000 IU/kg, 14 doses a cycle, the default) and `CourseProtocol.NciSurgeryBranch` (720,000 IU/kg, 15). The NCI preset keeps the label's follow-up periods; the NCI protocol's own (imaging about 2 weeks after, retreatment 6–8 weeks after the last dose) are set with the builder. Every number is a validated setting. An invalid protocol is rejected when it is built, with one message that names every bad setting.",
            @"label",
            @"Label; NCI Surgery Branch (NCT01160445)"),
        new RuleText(RuleSet.Planning, 10, "Dose numbering",
            @"Each dose carries its number in the course (1–28; 1–30 with the NCI preset), its cycle (1–2) and its number within the cycle (1–14; 1–15 with NCI).",
            @"",
            @""),
        new RuleText(RuleSet.Planning, 11, "Standard administration times",
            @"`DoseTiming.StandardTimes`: the first dose of each cycle at its start, every later dose at the next standard administration time, skipping one less than half the dosing interval (elapsed) away; exactly half is kept.",
            @"00:00, 08:00, 16:00",
            @"HemOnc.org orders; pharmacy ""50% rule"" (Mass General Brigham order entry)"),
        new RuleText(RuleSet.Planning, 12, "Calendar-day cycle windows",
            @"`CycleWindowCounting.CalendarDays`: a cycle's window is its 5 calendar days; it plans the fewer of the cap and the dose times in it. Each cycle reports `WindowDoseCapacity` and `BoundBy` (cap or window).",
            @"elapsed (120 h)",
            @"Label Table 1 (""days 1–5""); domain notes"),
        new RuleText(RuleSet.Planning, 13, "Working days",
            @"With a `WorkingDayCalendar`, the imaging date moves to a working day (next, previous, nearest or none) and the next-course window's start moves forward and its end back; an emptied window is reported, not thrown. No date moves more than 14 days (`WorkingDayCalendar.MaxShiftDays`; this library's choice): past that it stays unshifted, flagged `NotShiftable`. Unadjusted dates stay available.",
            @"no calendar",
            @"hospital practice (imaging closed at weekends and holidays)"),
        new RuleText(RuleSet.Planning, 14, "Dose amounts",
            @"With a body weight, each dose's IU and mg (each from the protocol's own per-kg figure), vials (22 million IU, rounded up) and diluent band, and the course totals.",
            @"no weight",
            @"Label §2.1 (600,000 IU/kg, 0.037 mg/kg; 22 million IU vial)"),
        new RuleText(RuleSet.Planning, 15, "Dilution range",
            @"With a body weight and a mg figure, each dose's final concentration is its mg ÷ its diluent mL; outside 0.03–0.07 mg/mL (both ends inclusive) it carries a warning. The dose is never changed.",
            @"no weight",
            @"Label §2.5"),
        new RuleText(RuleSet.Replanning, 1, "Slots and due times",
            @"A cycle has 15 slots (the 8-hourly times in its 5-day window); the first 14 are planned, the rest reserve. Elapsed timing: after a dose given at instant t the next slot is due at t + 8 h; a held slot keeps its due time and is not made up. Wall-clock timing: slots keep their clock times, and one due less than 4 h (half an interval) after the previous given dose's start is skipped. A stopped infusion (`DoseStopped`: its start, its actual end before the planned end, a reason) is a given dose for these timings; a `DoseGiven` with an early recorded end stays a full given dose.",
            "",
            @"label Table 1; pharmacy ""50% rule"" (Mass General Brigham order-entry help)"),
        new RuleText(RuleSet.Replanning, 2, "Cycle end",
            @"A cycle ends at the first of: 14 doses given, its window closing (120 h from its first slot, or from the first dose if that was given earlier), a stop. Reserve slots replace held doses (`HeldDosePolicy.UseReserveSlots`, default); `HeldDosePolicy.Forfeit` counts held doses against the cap. A stopped infusion counts as given (`StoppedInfusionCounting.CountsAsGiven`, default) or as a held dose (`StoppedInfusionCounting.CountsAsHeld`, so a reserve slot may replace it). An unrecorded slot before a later given one is skipped.",
            "",
            @"NCI protocol NCT01160445; no source on making up held doses, nor on counting a stopped infusion (named options; counting it as given keeps the label's cap, §2.1)"),
        new RuleText(RuleSet.Replanning, 3, "Later cycle start",
            @"Cycle 2 keeps day 15 unless rescheduled; a rescheduled cycle starts after the previous window closed, and only before any of its doses is recorded.",
            "",
            @"this library"),
        new RuleText(RuleSet.Replanning, 4, "Course end and follow-up",
            @"The course is complete when every cycle has ended or the course was stopped; its end is then the last given or stopped dose's end (before that, the projected end of the last planned dose). Imaging and the next-course window follow by the planning rules; `Discharged` applies the 7-week minimum.",
            "",
            @"label ""Retreatment""; Atkins 1999, Fyfe 1995"),
        new RuleText(RuleSet.Replanning, 5, "Rejections",
            @"Rejected: unknown cycle or slot; a slot (or stop, reschedule, discharge) already recorded; a given dose overlapping the previous given infusion; a dose at or after its window closed; a dose more than 4 h before it is due; a dose beyond the cap; a dose event at or after a stop; a stopped infusion ending at or after its planned end; a discharge before the course end date.",
            "",
            @"this library's rules; ""4 h early"" is this library's choice"),
        new RuleText(RuleSet.Replanning, 6, "Status",
            @"`GetStatus(Instant)`, `GetStatus(DateTimeOffset)`, `GetStatus(ZonedDateTime)` or `GetStatus(IClock)` lists the next due slot and the overdue ones (planned, unrecorded, due before the instant).",
            "",
            @"—"),
    ];

    /// <summary>The rule with <paramref name="number"/> in <paramref name="set"/>.</summary>
    /// <param name="set">The rules table.</param>
    /// <param name="number">The rule's number in it: 1–15 for <see cref="RuleSet.Planning"/>, 1–6 for <see cref="RuleSet.Replanning"/>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is not a rule of <paramref name="set"/>.</exception>
    public static RuleText Get(RuleSet set, int number) =>
        All.FirstOrDefault(rule => rule.Set == set && rule.Number == number)
        ?? throw new ArgumentOutOfRangeException(nameof(number), number, string.Create(CultureInfo.InvariantCulture, $"number must be a rule of the {set} table (1 to {All.Count(rule => rule.Set == set)}); was {number}"));

    internal static RuleText Planning(int number) => Get(RuleSet.Planning, number);

    /// <summary>"; see rule 4 (Dose cap and cycle window)": how an error message that states a rule of the tables ends.</summary>
    internal static string See(RuleText rule) => "; see " + rule;

    internal static RuleText Replanning(int number) => Get(RuleSet.Replanning, number);
}

/// <summary>One row of a rules table: which table, its number, a short name, its wording (Markdown, as in the docs), its default and its source. Immutable.</summary>
public sealed class RuleText
{
    internal RuleText(RuleSet set, int number, string name, string text, string defaultValue, string source)
    {
        Set = set;
        Number = number;
        Name = name;
        Text = text;
        Default = defaultValue;
        Source = source;
    }

    /// <summary>The rules table the rule is in.</summary>
    public RuleSet Set { get; }

    /// <summary>The rule's number in its table, from 1.</summary>
    public int Number { get; }

    /// <summary>A short name, for example "Cycle start".</summary>
    public string Name { get; }

    /// <summary>The rule's wording, in Markdown, exactly as the documentation's table has it.</summary>
    public string Text { get; }

    /// <summary>The default the table gives, or "" (the re-planning table has no defaults).</summary>
    public string Default { get; }

    /// <summary>The source as the table gives it ("Label, Table 1"), or "" or "—" where the table gives none (this library's choice).</summary>
    public string Source { get; }

    /// <summary>An invariant form, for example "rule 2 (Cycle start)".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(Set == RuleSet.Replanning ? "re-planning " : "")}rule {Number} ({Name})");
}
