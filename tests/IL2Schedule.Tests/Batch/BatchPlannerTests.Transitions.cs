using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Batch;

public partial class BatchPlannerTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    // A zone east of UTC meets its transitions from the other side of the batch's zone cache than
    // New York does: a local time read as UTC falls after the transition instant, in the interval
    // after it. Europe/Berlin, checked with Python zoneinfo:
    //   2027-03-28 01:00Z: 02:00 CET (+01:00) -> 03:00 CEST (+02:00); 02:00-02:59 is skipped.
    //   2027-10-31 01:00Z: 03:00 CEST (+02:00) -> 02:00 CET (+01:00); 02:00-02:59 happens twice.
    [Fact]
    public void EastOfUtc_GapsAndOverlaps_AreResolvedAsCoursePlannerDoes()
    {
        CourseRequest[] requests =
        [
            new(Local("2027-03-14T02:30"), Berlin),                   // 0: cycle 2 at 03-28 02:30, skipped
            new(Local("2027-10-17T02:30"), Berlin),                   // 1: cycle 2 at 10-31 02:30, repeated
            new(Local("2027-03-28T02:30"), Berlin),                   // 2: first dose skipped
            new(Local("2027-10-31T02:30"), Berlin),                   // 3: first dose repeated
            new(Local("2027-03-24T02:30"), Berlin, protocolIndex: 1), // 4: wall clock, dose 13 at 03-28 02:30
            new(Local("2027-10-27T02:30"), Berlin, protocolIndex: 1), // 5: wall clock, dose 13 at 10-31 02:30
        ];
        var columns = CourseColumns.Allocate(requests.Length, Planner.DosesPerCourse);

        var result = Planner.Plan(requests, columns);

        result.Failures.Select(f => f.Index).Should().Equal(2, 3);
        result.Failures[0].Message.Should().StartWith(
            "The local time 2027-03-28T02:30:00 is skipped in time zone Europe/Berlin: clocks jump from 2027-03-28T02:00 (+01) to 2027-03-28T03:00 (+02).");
        result.Failures[1].Message.Should().StartWith(
            "The local time 2027-10-31T02:30:00 is ambiguous in time zone Europe/Berlin: it occurs twice, at offset +02 and again at +01, as clocks go back.");

        // 0: dose 1 at 03-14 02:30 +01:00 = 01:30Z; cycle 2 moved forward by the gap to 03:30 +02:00 = 01:30Z.
        columns.DoseStartInstant(0, 0).Should().Be(Instant.FromUtc(2027, 3, 14, 1, 30));
        columns.DoseStartInstant(0, 14).Should().Be(Instant.FromUtc(2027, 3, 28, 1, 30));
        // 1: dose 1 at 10-17 02:30 +02:00 = 00:30Z; cycle 2 takes the earlier instant, 02:30 +02:00 = 00:30Z.
        columns.DoseStartInstant(1, 0).Should().Be(Instant.FromUtc(2027, 10, 17, 0, 30));
        columns.DoseStartInstant(1, 14).Should().Be(Instant.FromUtc(2027, 10, 31, 0, 30));
        // 4: wall clock from 03-24 02:30 +01:00; dose 12 03-27 18:30 +01:00 = 17:30Z; dose 13 at
        // 03-28 02:30, skipped, moved to 03:30 +02:00 = 01:30Z; dose 14 at 10:30 +02:00 = 08:30Z.
        columns.DoseStartInstant(4, 11).Should().Be(Instant.FromUtc(2027, 3, 27, 17, 30));
        columns.DoseStartInstant(4, 12).Should().Be(Instant.FromUtc(2027, 3, 28, 1, 30));
        columns.DoseStartInstant(4, 13).Should().Be(Instant.FromUtc(2027, 3, 28, 8, 30));
        // 5: wall clock from 10-27 02:30 +02:00; dose 12 10-30 18:30 +02:00 = 16:30Z; dose 13 at
        // 10-31 02:30, repeated, the earlier +02:00 = 00:30Z; dose 14 at 10:30 +01:00 = 09:30Z.
        columns.DoseStartInstant(5, 11).Should().Be(Instant.FromUtc(2027, 10, 30, 16, 30));
        columns.DoseStartInstant(5, 12).Should().Be(Instant.FromUtc(2027, 10, 31, 0, 30));
        columns.DoseStartInstant(5, 13).Should().Be(Instant.FromUtc(2027, 10, 31, 9, 30));
        columns.DoseCounts.ToArray().Should().Equal(28, 28, 0, 0, 28, 28);
    }

    // The same requests one at a time (a fresh zone cache each) and in one batch (one cache that
    // has met both transitions) give the same columns.
    [Fact]
    public void EastOfUtc_OneCacheOrAFreshCachePerRequest_GiveTheSameDoses()
    {
        CourseRequest[] requests =
        [
            new(Local("2027-10-27T02:30"), Berlin, protocolIndex: 1),
            new(Local("2027-03-24T02:30"), Berlin, protocolIndex: 1),
            new(Local("2027-03-14T02:30"), Berlin),
        ];
        var together = CourseColumns.Allocate(requests.Length, Planner.DosesPerCourse);
        Planner.Plan(requests, together);

        for (int i = 0; i < requests.Length; i++)
        {
            var alone = CourseColumns.Allocate(1, Planner.DosesPerCourse);
            Planner.Plan([requests[i]], alone);
            alone.DoseStartsOf(0).ToArray().Should().Equal(together.DoseStartsOf(i).ToArray(), "request {0}", i);
        }
        together.DoseStartInstant(2, 14).Should().Be(Instant.FromUtc(2027, 3, 28, 1, 30));
    }

    // Pacific/Apia skips 2011-12-30: see CoursePlannerTests.Plan_CalendarDaysACycleStartSkipsPast_ThrowsCycleMissesItsCalendarDays.
    [Fact]
    public void Batch_CalendarDaysACycleStartSkipsPast_ReportsTheSameFailure()
    {
        var planner = new BatchPlanner(Planning.CoursePlannerTests.OneCalendarDay);
        var columns = CourseColumns.Allocate(2, planner.DosesPerCourse);

        var result = planner.Plan(
            [new CourseRequest(Local("2011-12-28T08:00"), DateTimeZoneProviders.Tzdb["Pacific/Apia"]), new CourseRequest(Local("2011-12-20T08:00"), DateTimeZoneProviders.Tzdb["Pacific/Apia"])],
            columns);

        result.Failures.Should().ContainSingle().Which.Message.Should().Be(Planning.CoursePlannerTests.MissedCalendarDays);
        result.Failures[0].Index.Should().Be(0);
        ((CoursePlanningException)result.Failures[0].Exception).Reason.Should().Be(CoursePlanningFailure.CycleMissesItsCalendarDays);
        // Request 1: 12-20 08:00 and 16:00 -10:00 (18:00Z, 12-21 02:00Z); cycle 2 on 12-22, the same
        // two times: 4 doses, the last ending 12-22 16:15 -10:00 = 12-23 02:15Z.
        columns.DoseCounts.ToArray().Should().Equal(0, 4);
        columns.DoseStartInstant(1, 0).Should().Be(Instant.FromUtc(2011, 12, 20, 18, 0));
        columns.DoseStartInstant(1, 3).Should().Be(Instant.FromUtc(2011, 12, 23, 2, 0));
        columns.CourseEndInstant(1).Should().Be(Instant.FromUtc(2011, 12, 23, 2, 15));
    }
}
