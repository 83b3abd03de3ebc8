using NodaTime;

namespace IL2Schedule.Rules;

/// <summary>
/// A broken check found by <see cref="CourseWalker"/>, as values (so the batch allocates nothing
/// until it reports it), and the one place that words it.
/// </summary>
internal readonly record struct PlanningFailure(
    CoursePlanningFailure Reason,
    int Cycle,
    int DoseInCycle,
    int DoseNumber,
    long At,
    long PreviousEnd,
    long WindowEnd,
    long NominalLocal)
{
    internal CoursePlanningException ToException(CourseProtocol protocol, DateTimeZone zone, string paramName)
    {
        string id = TimeZoneLookup.GetCanonicalId(zone);
        string at = Show(At, zone);
        (string problem, string advice) = Reason switch
        {
            CoursePlanningFailure.CycleStartsBeforePreviousCycleEnds =>
                ($"Cycle {Cycle} would start at {at}, before cycle {Cycle - 1}'s last infusion ends at {Show(PreviousEnd, zone)}: {id} skips calendar time between them", "lengthen the rest period"),
            CoursePlanningFailure.CycleMissesItsCalendarDays =>
                ($"Cycle {Cycle} would start at {at}, after its calendar days end at {Show(WindowEnd, zone)}: {id} skips the local time {LocalTicks.ToLocalDateTime(NominalLocal):uuuu-MM-ddTHH:mm}", "use CycleWindowCounting.Elapsed or another first-dose time"),
            CoursePlanningFailure.OffsetWithSeconds =>
                ($"{(DoseInCycle > 0 ? $"Dose {DoseNumber}" : $"The window end of cycle {Cycle}")} falls where {id} used an offset with seconds ({zone.GetUtcOffset(Ticks.ToInstant(At)):l}, for example local mean time), which RFC 3339 times cannot express", "plan courses from the era of whole-minute offsets"),
            _ =>
                ($"Dose {DoseInCycle} of cycle {Cycle} would start at {at}, {(Reason == CoursePlanningFailure.DoseOutsideCycleWindow ? $"at or after the cycle's window end {Show(WindowEnd, zone)}" : $"before the previous infusion ends at {Show(PreviousEnd, zone)}")}: {id} changes its clocks too far for {(protocol.DoseTiming == DoseTiming.WallClock ? "wall-clock" : "standard-time")} timing here", "use DoseTiming.Elapsed"),
        };
        RuleText? rule = Reason switch
        {
            CoursePlanningFailure.CycleStartsBeforePreviousCycleEnds => RuleBook.Planning(2),
            CoursePlanningFailure.DoseBeforePreviousInfusionEnds => RuleBook.Planning(protocol.DoseTiming == DoseTiming.StandardTimes ? 11 : 3),
            CoursePlanningFailure.DoseOutsideCycleWindow => RuleBook.Planning(4),
            CoursePlanningFailure.CycleMissesItsCalendarDays => RuleBook.Planning(12),
            _ => null,
        };
        if (rule is not null)
        {
            problem += RuleBook.See(rule);
        }
        return new CoursePlanningException(problem, $"{problem}; {advice}.", paramName, Reason, Cycle, DoseInCycle > 0 ? DoseInCycle : null, Ticks.ToInstant(At).InZone(zone), rule);
    }

    private static string Show(long ticks, DateTimeZone zone) => ScheduleText.Format(Ticks.ToInstant(ticks).InZone(zone));
}
