using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Batch;

public partial class BatchPlannerTests
{
    // America/New_York, at the tick level (Unix-epoch ticks, 100 ns; expected values from Python
    // zoneinfo: int(datetime(..., tzinfo=ZoneInfo("America/New_York")).timestamp()) * 10**7).
    // Gap: 2027-03-14 02:00 EST (-05:00) -> 03:00 EDT (-04:00), at 07:00Z.
    //   elapsed, first dose 03-13 18:00 -05:00: 23:00Z, 8 h later 07:00Z = 03:00 -04:00, then 15:00Z = 11:00 -04:00.
    //   wall clock, first dose 03-13 18:30 -05:00 (23:30Z): 02:30 is skipped and moves forward by
    //   the gap to 03:30 -04:00 (07:30Z, 8 elapsed hours); then 10:30 -04:00 (14:30Z, 7 hours).
    // Overlap: 2027-11-07 02:00 EDT (-04:00) -> 01:00 EST (-05:00), at 06:00Z.
    //   elapsed, first dose 11-06 18:00 -04:00: 22:00Z, 06:00Z = 01:00 -05:00 (the second 01:00), 14:00Z = 09:00 -05:00.
    //   wall clock, first dose 11-06 17:00 -04:00 (21:00Z): 01:00 is repeated and takes the earlier
    //   instant, 01:00 -04:00 (05:00Z, 8 hours); then 09:00 -05:00 (14:00Z, 9 hours).
    [Theory]
    [InlineData("2027-03-13T18:00", 0, 18049788000000000L, 18050076000000000L, 18050364000000000L)]
    [InlineData("2027-03-13T18:30", 1, 18049806000000000L, 18050094000000000L, 18050346000000000L)]
    [InlineData("2027-11-06T18:00", 0, 18255384000000000L, 18255672000000000L, 18255960000000000L)]
    [InlineData("2027-11-06T17:00", 1, 18255348000000000L, 18255636000000000L, 18255960000000000L)]
    public void TickColumns_AcrossAGapAndAnOverlap_AreTheHandWorkedTicks(string firstDose, int protocolIndex, long dose1, long dose2, long dose3)
    {
        var columns = CourseColumns.Allocate(1, Planner.DosesPerCourse, withDoseEndsAndCycles: true);

        Planner.Plan([new CourseRequest(Local(firstDose), NewYork, protocolIndex)], columns).Failures.Should().BeEmpty();

        columns.DoseStartsOf(0)[..3].ToArray().Should().Equal(dose1, dose2, dose3);
        // Each infusion ends 15 minutes (9,000,000,000 ticks) of elapsed time after its start.
        columns.DoseEndsOf(0)[..3].ToArray().Should().Equal(dose1 + 9_000_000_000L, dose2 + 9_000_000_000L, dose3 + 9_000_000_000L);
        columns.DoseStartInstant(0, 1).Should().Be(Instant.FromUnixTimeTicks(dose2));
    }
}
