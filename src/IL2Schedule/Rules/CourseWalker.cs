using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule.Rules;

/// <summary>Receives a planned course from <see cref="CourseWalker"/>, dose by dose and cycle by cycle.</summary>
internal interface ICourseSink
{
    /// <summary>A planned dose: cycle index and index in the cycle from 0, and its start in ticks (it ends as <see cref="InfusionRule"/> says).</summary>
    void Dose(int cycleIndex, int indexInCycle, long start);

    /// <summary>
    /// A planned cycle, after its doses: its nominal start (local ticks), start (ticks), how the start
    /// was resolved, window end (exclusive; ticks), the dose times its window holds, and how many of them are planned.
    /// </summary>
    void Cycle(int cycleIndex, long nominalLocal, long start, CycleStartResolution resolution, long windowEnd, int capacity, int planned);
}

/// <summary>
/// Walks a course through the rules, in order: cycle start (<see cref="CycleStartRule"/>), window
/// (<see cref="CycleWindowRule"/>), each dose time (<see cref="DoseTimeRule"/>) and infusion end
/// (<see cref="InfusionRule"/>), the cap, and the checks that a zone's clock changes can break.
/// Generic over the zone mapping and the receiver, it allocates nothing itself; the single-course
/// planner and the batch planner both plan through it.
/// </summary>
/// <remarks>
/// The cap: each cycle plans <see cref="CourseProtocol.MaxDosesPerCycle"/> doses (label, Table 1:
/// at most 14), or fewer when the window holds fewer dose times, which only calendar-day windows
/// allow. The checks (this library's: a plan must be one a ward can give): a cycle must not start
/// before the previous cycle's last infusion ends, a dose must not start before the previous infusion
/// ends, an elapsed window must hold every planned dose, a calendar-day window must hold the cycle's
/// first dose, and every dose start and end and window end must fall where the zone's offset is a
/// whole number of minutes (RFC 3339 offsets are).
/// </remarks>
internal static class CourseWalker
{
    /// <summary>
    /// The longest course the protocol limits allow, with two spare days: (cycles − 1) × (cycle
    /// length + rest) + cycle length + 2 days.
    /// </summary>
    private const int LongestCourseDays =
        ((CourseProtocol.MaxCycleCount - 1) * (CourseProtocol.MaxCycleLengthDays + CourseProtocol.MaxRestPeriodDays)) + CourseProtocol.MaxCycleLengthDays + 2;

    /// <summary>The first local ticks from which even the longest course could pass 9999-12-31.</summary>
    private static readonly long LastSafeFirstDose = LocalTicks.From(new LocalDate(9999, 12, 31).PlusDays(-LongestCourseDays));

    /// <summary>Walks the course; false with <paramref name="failure"/> set at the first broken check.</summary>
    /// <param name="protocol">The course rules.</param>
    /// <param name="firstDoseLocal">The first dose's requested local date-time as local ticks.</param>
    /// <param name="firstStart">The first dose's instant in ticks (the requested time, resolved).</param>
    /// <param name="map">The zone's mapping.</param>
    /// <param name="sink">Receives the doses and cycles.</param>
    /// <param name="course">The course end, its offset and date, and the dose count.</param>
    /// <param name="failure">The broken check, when false is returned.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">The course's last day would pass 9999-12-31.</exception>
    internal static bool TryWalk<TMap, TSink>(
        CourseProtocol protocol, long firstDoseLocal, long firstStart, ref TMap map, ref TSink sink, out CourseTotals course, out PlanningFailure failure)
        where TMap : IZoneMap
        where TSink : ICourseSink, allows ref struct
    {
        CheckCourseFitsTheCalendar(protocol, firstDoseLocal);
        course = default;
        failure = default;
        var offsets = new OffsetTracker(map.IntervalAt(firstStart));
        int cap = protocol.MaxDosesPerCycle;
        bool elapsedOnly = protocol.DoseTiming == DoseTiming.Elapsed && protocol.CycleWindowCounting == CycleWindowCounting.Elapsed;
        int doseNumber = 0;
        long previousEnd = long.MinValue;
        long endOffset = 0;
        for (int c = 0; c < protocol.CycleCount; c++)
        {
            var nominal = CycleStartRule.NominalStart(protocol, firstDoseLocal, c);
            long start;
            CycleStartResolution resolution;
            if (c == 0)
            {
                start = firstStart;
                resolution = CycleStartRule.ResolutionOfFirst(ref map, firstDoseLocal, firstStart);
            }
            else
            {
                start = CycleStartRule.Resolve(ref map, nominal, out resolution);
            }
            if (start < previousEnd)
            {
                failure = new PlanningFailure(CoursePlanningFailure.CycleStartsBeforePreviousCycleEnds, c + 1, 0, doseNumber, start, previousEnd, default, nominal);
                return false;
            }
            var windowEnd = CycleWindowRule.End(protocol, ref map, nominal, start);
            if (elapsedOnly && offsets.CoversWithWholeMinutes(ref map, start, InfusionRule.End(protocol, windowEnd)))
            {
                // Elapsed timing in an elapsed window, inside one zone interval of whole minutes:
                // the protocol's validation (an interval longer than the infusion, a cap within the
                // window's slots) guarantees every check below, so only the dose times are walked.
                var t = start;
                sink.Dose(c, 0, t);
                for (int k = 1; k < cap; k++)
                {
                    t = DoseTimeRule.Next(protocol, ref map, nominal, k, t);
                    sink.Dose(c, k, t);
                }
                doseNumber += cap;
                previousEnd = InfusionRule.End(protocol, t);
                endOffset = offsets.Current;
                sink.Cycle(c, nominal, start, resolution, windowEnd, protocol.SlotsPerCycle, cap);
                continue;
            }
            int capacity = 0;
            for (var t = start; CycleWindowRule.Holds(protocol, capacity, t, windowEnd) || capacity < cap; t = DoseTimeRule.Next(protocol, ref map, nominal, capacity, t))
            {
                if (t >= windowEnd)
                {
                    if (protocol.CycleWindowCounting == CycleWindowCounting.Elapsed)
                    {
                        failure = new PlanningFailure(CoursePlanningFailure.DoseOutsideCycleWindow, c + 1, capacity + 1, doseNumber + 1, t, previousEnd, windowEnd, nominal);
                        return false;
                    }
                    if (capacity == 0)
                    {
                        failure = new PlanningFailure(CoursePlanningFailure.CycleMissesItsCalendarDays, c + 1, 0, doseNumber, start, previousEnd, windowEnd, nominal);
                        return false;
                    }
                    break;
                }
                if (capacity < cap)
                {
                    if (t < previousEnd)
                    {
                        failure = new PlanningFailure(CoursePlanningFailure.DoseBeforePreviousInfusionEnds, c + 1, capacity + 1, doseNumber + 1, t, previousEnd, windowEnd, nominal);
                        return false;
                    }
                    var end = InfusionRule.End(protocol, t);
                    doseNumber++;
                    if (!offsets.IsWholeMinutes(ref map, t) || !offsets.IsWholeMinutes(ref map, end))
                    {
                        var at = offsets.IsWholeMinutes(ref map, t) ? end : t;
                        failure = new PlanningFailure(CoursePlanningFailure.OffsetWithSeconds, c + 1, capacity + 1, doseNumber, at, previousEnd, windowEnd, nominal);
                        return false;
                    }
                    endOffset = offsets.Current;
                    sink.Dose(c, capacity, t);
                    previousEnd = end;
                }
                capacity++;
            }
            if (!offsets.IsWholeMinutes(ref map, windowEnd))
            {
                failure = new PlanningFailure(CoursePlanningFailure.OffsetWithSeconds, c + 1, 0, doseNumber, windowEnd, previousEnd, windowEnd, nominal);
                return false;
            }
            sink.Cycle(c, nominal, start, resolution, windowEnd, capacity, capacity < cap ? capacity : cap);
        }
        course = new CourseTotals(doseNumber, previousEnd, endOffset);
        return true;
    }

    /// <summary>
    /// The course's last day, with two spare days that keep every instant inside NodaTime's range in
    /// any offset, must not pass 9999-12-31. Only first doses within the longest course the protocol
    /// limits allow of that date need the calendar arithmetic.
    /// </summary>
    private static void CheckCourseFitsTheCalendar(CourseProtocol protocol, long firstDoseLocal)
    {
        if (firstDoseLocal >= LastSafeFirstDose)
        {
            var firstDate = LocalTicks.DateOf(firstDoseLocal);
            int courseDays = checked(((protocol.CycleCount - 1) * protocol.DaysBetweenCycleStarts) + protocol.CycleLengthDays + 2);
            CalendarRange.Add(firstDate, Period.FromDays(courseDays), "the course's last day");
        }
    }

    /// <summary>True if a course from this first dose (local ticks) fits the calendar whatever the protocol, so that <see cref="CheckCourseFitsTheCalendar"/> has nothing to check.</summary>
    internal static bool FitsTheCalendarWithoutCheck(long firstDoseLocal) => firstDoseLocal < LastSafeFirstDose;

    /// <summary>The zone interval of the last instant checked, so that most checks are one comparison.</summary>
    private struct OffsetTracker(TickInterval interval)
    {
        private TickInterval interval = interval;

        /// <summary>The offset (ticks) of the interval of the last instant checked.</summary>
        internal readonly long Current => interval.OffsetTicks;

        /// <summary>True if one zone interval with a whole-minute offset holds every instant from <paramref name="from"/> to <paramref name="to"/>.</summary>
        internal bool CoversWithWholeMinutes<TMap>(ref TMap map, long from, long to)
            where TMap : IZoneMap =>
            IsWholeMinutes(ref map, from) && to < interval.End;

        internal bool IsWholeMinutes<TMap>(ref TMap map, long instant)
            where TMap : IZoneMap
        {
            if (!interval.Contains(instant))
            {
                interval = map.IntervalAt(instant);
            }
            return interval.HasWholeMinuteOffset;
        }
    }
}

/// <summary>What a walked course adds up to: its dose count and course end (ticks, and the offset in force then in ticks).</summary>
internal readonly record struct CourseTotals(int DoseCount, long CourseEnd, long CourseEndOffset)
{
    /// <summary>The course end date (<see cref="CourseEndRule.Date(long, long)"/>).</summary>
    internal LocalDate CourseEndDate => CourseEndRule.Date(CourseEnd, CourseEndOffset);

    /// <summary>The course end date as days since 1970-01-01 (<see cref="CourseEndRule.EpochDay"/>).</summary>
    internal long CourseEndEpochDay => CourseEndRule.EpochDay(CourseEnd, CourseEndOffset);
}
