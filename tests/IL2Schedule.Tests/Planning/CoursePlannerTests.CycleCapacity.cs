using System.Linq;
using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule.Tests.Planning;

// One rule for a cycle's capacity (CycleWindowRule): the dose times before the window's end, at most
// the 15 slots of the elapsed window. The plan's WindowDoseCapacity and a recorded course's slots agree.
public class CoursePlannerCycleCapacityTests
{
    // Europe/London: 2027-03-28 01:00 GMT (+00:00) -> 02:00 BST (+01:00). Wall-clock timing from
    // Thu 2027-03-25 08:00 GMT; the elapsed window closes 120 h later, Tue 03-30 08:00 GMT = 09:00 BST.
    // Dose times 08:00, 16:00, 00:00 local; the 16th, Tue 03-30 08:00 BST (07:00 GMT), is before the
    // window's end but is day 6 on the clock, so the cycle holds 15.
    [Fact]
    public void WallClockAcrossTheSpringChange_HoldsFifteen_InPlanAndRecord()
    {
        var protocol = new CourseProtocolBuilder(CourseProtocol.Label) { DoseTiming = DoseTiming.WallClock }.Build();
        var plan = new CoursePlanner(protocol).Plan(new LocalDateTime(2027, 3, 25, 8, 0), "Europe/London");
        var record = CourseRecord.Start(plan)
            .Apply(new DoseHeld("h1", 1, 1, "fever"))
            .Apply(new DoseHeld("h2", 1, 2, "fever"));

        plan.Cycles[0].WindowDoseCapacity.Should().Be(15);
        plan.Cycles[0].WindowEnd.ToString("uuuu-MM-ddTHH:mmo<m>", null).Should().Be("2027-03-30T09:00+01:00");
        // 15 slots, 2 held (reserve slots): 13 planned, all 15 listed.
        record.Schedule.Cycles[0].Slots.Should().HaveCount(15);
        record.Schedule.Cycles[0].Slots.Count(slot => slot.Status == DoseSlotStatus.Planned).Should().Be(13);
    }

    // Every tzdb zone, every dose timing and window counting, the NCI cap (15, every slot planned): a
    // first dose at 08:00 two days before the zone's first transition from 2027 on (or on 2027-03-25).
    [Fact]
    public void EveryZoneTimingAndCounting_PlanCapacityEqualsTheRecordsSlots()
    {
        var start = Instant.FromUtc(2027, 1, 1, 0, 0);
        int compared = 0;
        foreach (var id in DateTimeZoneProviders.Tzdb.Ids)
        {
            var zone = DateTimeZoneProviders.Tzdb[id];
            var interval = zone.GetZoneInterval(start);
            var firstDay = interval.HasEnd && interval.End < Instant.FromUtc(2030, 1, 1, 0, 0)
                ? interval.End.InZone(zone).Date.PlusDays(-2)
                : new LocalDate(2027, 3, 25);
            foreach (var timing in new[] { DoseTiming.Elapsed, DoseTiming.WallClock, DoseTiming.StandardTimes })
            {
                foreach (var counting in new[] { CycleWindowCounting.Elapsed, CycleWindowCounting.CalendarDays })
                {
                    foreach (var hour in new[] { 0, 8, 16 })
                    {
                        var protocol = new CourseProtocolBuilder(CourseProtocol.NciSurgeryBranch) { DoseTiming = timing, CycleWindowCounting = counting }.Build();
                        CourseSchedule plan;
                        try
                        {
                            plan = new CoursePlanner(protocol).Plan(firstDay.At(new LocalTime(hour, 0)), zone, Resolvers.LenientResolver);
                        }
                        catch (CoursePlanningException)
                        {
                            continue;
                        }
                        var recorded = CourseRecord.Start(plan).Schedule;
                        for (int c = 0; c < plan.Cycles.Count; c++)
                        {
                            int offered = recorded.Cycles[c].Slots.Count(slot => slot.Status == DoseSlotStatus.Planned);
                            offered.Should().Be(plan.Cycles[c].WindowDoseCapacity, $"{id} {timing} {counting} {firstDay} {hour}:00 cycle {c + 1}");
                            plan.Cycles[c].WindowDoseCapacity.Should().BeLessThanOrEqualTo(protocol.SlotsPerCycle);
                        }
                        compared++;
                    }
                }
            }
        }
        compared.Should().BeGreaterThan(DateTimeZoneProviders.Tzdb.Ids.Count * 10);
    }
}
