using System.Globalization;
using CsCheck;
using FluentAssertions;
using NodaTime;
using NodaTime.TimeZones;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Planning;

// Property tests over every tzdb id and first doses from 1990 to 2040, both dose timings, the
// first dose resolved leniently. The invariants come from the label (28 doses of 15 minutes,
// 8-hourly, two 5-day cycles 14 days apart) and the follow-up rules, checked against NodaTime's
// own zone mapping — never against the planner's output alone.
public partial class CoursePlannerTests
{
    private static readonly int PropertyIterations = PropertySamples.Scaled(4000);

    // Declared together and in this order: static fields in different partial files have no
    // defined initialisation order.
    private static readonly string[] TzdbIds = DateTimeZoneProviders.Tzdb.Ids.ToArray();
    private static readonly LocalDate PropertyFirstDay = new(1990, 1, 1);
    private static readonly int PropertyDayCount = Period.Between(PropertyFirstDay, new LocalDate(2040, 12, 31), PeriodUnits.Days).Days;

    private static readonly Gen<(string ZoneId, LocalDateTime FirstDose, DoseTiming Timing)> AnyCourse =
        Gen.Select(
            Gen.Int[0, TzdbIds.Length - 1],
            Gen.Int[0, PropertyDayCount],
            Gen.Int[0, (24 * 60) - 1],
            Gen.Enum<DoseTiming>(),
            (zone, day, minute, timing) => (TzdbIds[zone], PropertyFirstDay.PlusDays(day).At(LocalTime.Midnight.PlusMinutes(minute)), timing));

    private static readonly CoursePlanner ElapsedPlanner = new(CourseProtocol.Label);
    private static readonly CoursePlanner WallClockPlanner = new(CourseProtocol.Label.WithDoseTiming(DoseTiming.WallClock));
    private static readonly CoursePlanner StandardTimesPlanner = new(CourseProtocol.Label.WithDoseTiming(DoseTiming.StandardTimes));
    private static readonly LocalTime[] WardStandardTimes = [new(0, 0), new(8, 0), new(16, 0)];

    /// <summary>
    /// The largest offset change wall-clock timing can absorb: a gap of more than 8 h − 15 min puts
    /// a dose before the previous infusion ends; an overlap of 16 h or more pushes dose 14 past
    /// the 120-hour window. Only date-line moves are that large.
    /// </summary>
    private static readonly Duration LargestAbsorbableChange = Duration.FromMinutes((8 * 60) - 15);

    [Fact]
    public void Plan_AnyZoneFirstDoseAndTiming_KeepsTheCourseInvariants()
    {
        AnyCourse.Sample(
            (zoneId, firstDose, timing) =>
            {
                var zone = DateTimeZoneProviders.Tzdb[zoneId];
                var planner = timing switch
                {
                    DoseTiming.Elapsed => ElapsedPlanner,
                    DoseTiming.WallClock => WallClockPlanner,
                    _ => StandardTimesPlanner,
                };
                planner.Protocol.DoseTiming.Should().Be(timing);
                CourseSchedule schedule;
                try
                {
                    schedule = planner.Plan(firstDose, zone, Resolvers.LenientResolver);
                }
                catch (CoursePlanningException e) when (timing != DoseTiming.Elapsed
                    && e.Reason is CoursePlanningFailure.DoseBeforePreviousInfusionEnds or CoursePlanningFailure.DoseOutsideCycleWindow)
                {
                    LargestOffsetChange(zone, firstDose).Should().BeGreaterThan(LargestAbsorbableChange, "clock-time timing may refuse only across a date-line move; {0}", e.Message);
                    return;
                }
                ShouldKeepCourseInvariants(schedule, zoneId, zone, firstDose, timing);
            },
            iter: PropertyIterations);
    }

    [Fact]
    public void Plan_SameInputsTwice_GivesEqualSchedulesWithEqualHashCodes()
    {
        AnyCourse.Sample(
            (zoneId, firstDose, _) =>
            {
                var zone = DateTimeZoneProviders.Tzdb[zoneId];
                var first = ElapsedPlanner.Plan(firstDose, zone, Resolvers.LenientResolver);
                var second = ElapsedPlanner.Plan(firstDose, zone, Resolvers.LenientResolver);

                (first == second).Should().BeTrue();
                first.GetHashCode().Should().Be(second.GetHashCode());
                first.Cycles.Zip(second.Cycles).Should().OnlyContain(pair => pair.First == pair.Second && pair.First.GetHashCode() == pair.Second.GetHashCode());
                first.NextCourseWindow.GetHashCode().Should().Be(second.NextCourseWindow.GetHashCode());
            },
            iter: PropertySamples.Scaled(500));
    }

    // With a discharge date d (on or after the course end date), the next course may start on
    // max(course end date + 42 days, d + 49 days) through course end date + 84 days; empty when
    // d + 49 days is later than that.
    [Fact]
    public void WithDischargeDate_AnyDischarge_StartsTheWindowSevenWeeksAfterItOrEmptiesIt()
    {
        var inputs = Gen.Select(AnyCourse, Gen.Int[0, 60]);
        inputs.Sample(
            (course, dischargeDays) =>
            {
                var zone = DateTimeZoneProviders.Tzdb[course.ZoneId];
                var schedule = ElapsedPlanner.Plan(course.FirstDose, zone, Resolvers.LenientResolver);
                var discharge = schedule.CourseEndDate.PlusDays(dischargeDays);

                var discharged = schedule.WithDischargeDate(discharge);

                var byCourseEndStart = schedule.CourseEndDate.PlusDays(42);
                var last = schedule.CourseEndDate.PlusDays(84);
                var earliestAfterDischarge = discharge.PlusDays(49);
                var window = discharged.NextCourseWindow;
                window.DischargeDate.Should().Be(discharge);
                window.EarliestAfterDischarge.Should().Be(earliestAfterDischarge);
                Iso(window.ByCourseEnd).Should().Be(Iso(new DateInterval(byCourseEndStart, last)));
                if (earliestAfterDischarge > last)
                {
                    window.IsEmpty.Should().BeTrue();
                    window.Dates.Should().BeNull();
                    window.Note.Should().StartWith("Empty: ");
                }
                else
                {
                    Iso(window.Dates!).Should().Be(Iso(new DateInterval(LocalDate.Max(byCourseEndStart, earliestAfterDischarge), last)));
                    (window.Note is null).Should().Be(earliestAfterDischarge <= byCourseEndStart);
                }
                schedule.DischargeDate.Should().BeNull();
                Iso(schedule.NextCourseWindow.Dates!).Should().Be(Iso(new DateInterval(byCourseEndStart, last)));
            },
            iter: PropertySamples.Scaled(2000));
    }

    /// <summary>
    /// Checks every invariant and fails once with the list of broken ones. Plain comparisons keep
    /// thousands of samples fast; a failure names the dose or cycle.
    /// </summary>
    private static void ShouldKeepCourseInvariants(CourseSchedule schedule, string zoneId, DateTimeZone zone, LocalDateTime firstDose, DoseTiming timing)
    {
        var problems = new List<string>();
        void Check(bool holds, string invariant)
        {
            if (!holds)
            {
                problems.Add(invariant);
            }
        }

        var interval = Duration.FromHours(8);
        var infusion = Duration.FromMinutes(15);

        Check(schedule.ZoneId == TzdbDateTimeZoneSource.Default.CanonicalIdMap[zoneId], "ZoneId is the canonical id");
        Check(schedule.RequestedFirstDose == firstDose, "RequestedFirstDose is the input");
        Check(schedule.Doses.Count == 28, "28 doses");
        Check(schedule.Cycles.Count == 2, "2 cycles");

        for (int i = 0; i < schedule.Doses.Count; i++)
        {
            var dose = schedule.Doses[i];
            string name = "dose " + Invariant(i + 1);
            Check(dose.Number == i + 1, name + ": Number");
            Check(dose.CycleNumber == (i / 14) + 1, name + ": CycleNumber");
            Check(dose.NumberInCycle == (i % 14) + 1, name + ": NumberInCycle");
            Check(dose.End.ToInstant() - dose.Start.ToInstant() == infusion, name + ": a 15-minute infusion");
            Check(ReferenceEquals(dose.Start.Zone, schedule.Zone) && ReferenceEquals(dose.End.Zone, schedule.Zone), name + ": in the course's zone");
            if (i > 0)
            {
                var previous = schedule.Doses[i - 1];
                Check(dose.Start.ToInstant() > previous.Start.ToInstant(), name + ": starts after the previous dose starts");
                Check(dose.Start.ToInstant() >= previous.End.ToInstant(), name + ": starts after the previous infusion ends");
                if (timing == DoseTiming.Elapsed && dose.CycleNumber == previous.CycleNumber)
                {
                    Check(dose.Start.ToInstant() - previous.Start.ToInstant() == interval, name + ": exactly 8 elapsed hours after the previous dose");
                }
            }
        }

        foreach (var cycle in schedule.Cycles)
        {
            string name = "cycle " + Invariant(cycle.Number);
            var nominal = firstDose.PlusDays(14 * (cycle.Number - 1));
            Check(cycle.NominalStart == nominal, name + ": NominalStart is the requested first dose + 14 days per cycle");
            Check(cycle.Doses.SequenceEqual(schedule.Doses.Where(dose => dose.CycleNumber == cycle.Number)), name + ": holds its doses");
            Check(cycle.Doses[0].Start == cycle.Start, name + ": starts with its first dose");
            Check(cycle.WindowEnd.ToInstant() - cycle.Start.ToInstant() == Duration.FromHours(120), name + ": a 120-hour window");
            foreach (var dose in cycle.Doses)
            {
                Check(dose.Start.ToInstant() >= cycle.Start.ToInstant() && dose.Start.ToInstant() < cycle.WindowEnd.ToInstant(),
                    name + ": dose " + Invariant(dose.Number) + " inside the window");
            }
            Check(StartsAtTheResolvedLocalTime(zone, nominal, cycle.Start), name + ": starts at its nominal local time, resolved leniently");
            if (timing == DoseTiming.WallClock)
            {
                for (int k = 1; k < cycle.Doses.Count; k++)
                {
                    var due = nominal.PlusHours(8 * k);
                    if (zone.MapLocal(due).Count == 1)
                    {
                        Check(cycle.Doses[k].Start.LocalDateTime == due, name + ": wall-clock dose " + Invariant(cycle.Doses[k].Number) + " keeps its clock time");
                    }
                }
            }
            if (timing == DoseTiming.StandardTimes)
            {
                for (int k = 1; k < cycle.Doses.Count; k++)
                {
                    Check(cycle.Doses[k].Start.ToInstant() == FirstStandardTimeAtLeastHalfAnIntervalAfter(zone, cycle.Doses[k - 1].Start.ToInstant()),
                        name + ": standard-time dose " + Invariant(cycle.Doses[k].Number) + " is the first standard time at least 4 h after the previous dose");
                }
            }
        }

        Check(schedule.CourseEnd == schedule.Doses[^1].End, "CourseEnd is the last dose's end");
        Check(schedule.CourseEndDate == schedule.Doses[^1].End.Date, "CourseEndDate is the last dose's local end date");
        Check(schedule.ResponseAssessmentDate == schedule.CourseEndDate.PlusDays(28), "imaging = course end date + 28 days");
        var dates = schedule.NextCourseWindow.Dates;
        Check(dates is not null && !schedule.NextCourseWindow.IsEmpty && schedule.NextCourseWindow.Note is null, "the next-course window is not empty");
        Check(dates is not null && dates.Start == schedule.CourseEndDate.PlusDays(42), "the window starts 42 days after the course end date");
        Check(dates is not null && dates.End == dates.Start.PlusDays(42), "the window's last day is 42 days after its first");

        problems.Should().BeEmpty(
            "these invariants hold for {0} from {1} with {2} timing: {3}",
            zoneId,
            firstDose.ToString("uuuu'-'MM'-'dd'T'HH':'mm", CultureInfo.InvariantCulture),
            timing,
            schedule);
    }

    /// <summary>
    /// A local time that maps once is kept; one that maps twice takes the earlier offset; one the
    /// zone skips moves forward by the gap. Checked with NodaTime's own mapping.
    /// </summary>
    private static bool StartsAtTheResolvedLocalTime(DateTimeZone zone, LocalDateTime requested, ZonedDateTime start)
    {
        var mapping = zone.MapLocal(requested);
        return mapping.Count switch
        {
            1 => start.LocalDateTime == requested,
            2 => start.LocalDateTime == requested && start.Offset == mapping.EarlyInterval.WallOffset,
            _ => start.LocalDateTime == requested.PlusSeconds((mapping.LateInterval.WallOffset - mapping.EarlyInterval.WallOffset).Seconds),
        };
    }

    /// <summary>
    /// The 50% rule stated as a minimum: of the standard times 00:00, 08:00 and 16:00 (each local
    /// time resolved leniently by NodaTime), the earliest that is at least half the 8-hour interval
    /// after <paramref name="previous"/>.
    /// </summary>
    private static Instant FirstStandardTimeAtLeastHalfAnIntervalAfter(DateTimeZone zone, Instant previous)
    {
        var date = previous.InZone(zone).Date;
        return Enumerable.Range(-1, 4)
            .SelectMany(day => WardStandardTimes.Select(time => date.PlusDays(day).At(time).InZoneLeniently(zone).ToInstant()))
            .Where(candidate => candidate - previous >= Duration.FromHours(4))
            .Min();
    }

    /// <summary>The largest offset change of the zone from a day before the first dose to 22 days after it.</summary>
    private static Duration LargestOffsetChange(DateTimeZone zone, LocalDateTime firstDose)
    {
        var start = firstDose.InZoneLeniently(zone).ToInstant();
        var intervals = zone.GetZoneIntervals(start - Duration.FromDays(1), start + Duration.FromDays(22)).ToList();
        return intervals.Zip(intervals.Skip(1))
            .Select(pair => Duration.FromSeconds(Math.Abs((pair.Second.WallOffset - pair.First.WallOffset).Seconds)))
            .DefaultIfEmpty(Duration.Zero)
            .Max();
    }
}
