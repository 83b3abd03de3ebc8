using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Batch;

public partial class BatchPlannerTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    // America/New_York: 2027-03-14 02:00 EST (-05:00) -> 03:00 EDT (-04:00); 2027-11-07 02:00 EDT -> 01:00 EST.
    [Fact]
    public void RejectedRequests_AreReportedWithTheirIndex_AndTheRestArePlanned()
    {
        CourseRequest[] requests =
        [
            new(Local("2027-03-10T08:00"), NewYork),                    // 0: the README's worked example
            new(Local("2027-03-14T02:30"), NewYork),                    // 1: skipped
            new(Local("2027-03-10T08:00"), NewYork, protocolIndex: 1),  // 2: wall-clock
            new(Local("2027-11-07T01:30"), NewYork),                    // 3: repeated
            new(Local("2027-03-10T08:00"), zone: null),                 // 4: no zone
            new(Local("2027-03-10T08:00"), NewYork, protocolIndex: 9),  // 5: no such protocol
            new(Local("9999-12-01T08:00"), NewYork),                    // 6: past 9999-12-31
            new(Local("2027-03-10T08:00"), NewYork, protocolIndex: 2),  // 7: NCI, 15 doses a cycle
        ];
        var columns = CourseColumns.Allocate(requests.Length, Planner.DosesPerCourse);

        var result = Planner.Plan(requests, columns);

        result.PlannedCount.Should().Be(3);
        result.Failures.Select(f => f.Index).Should().Equal(1, 3, 4, 5, 6);
        result.Failures[0].Exception.Should().BeOfType<LocalTimeMappingException>();
        result.Failures[0].Message.Should().Be(
            "The local time 2027-03-14T02:30:00 is skipped in time zone America/New_York: clocks jump from 2027-03-14T02:00 (-05) to 2027-03-14T03:00 (-04). "
            + LocalTimeMappingException.Advice + " (Parameter 'firstDose')");
        result.Failures[1].Message.Should().StartWith(
            "The local time 2027-11-07T01:30:00 is ambiguous in time zone America/New_York: it occurs twice, at offset -04 and again at -05, as clocks go back.");
        result.Failures[2].Exception.Should().BeOfType<ArgumentNullException>().Which.ParamName.Should().Be("zone");
        result.Failures[3].Exception.Should().BeOfType<ArgumentOutOfRangeException>();
        result.Failures[3].Message.Should().StartWith("protocolIndex must be in range [0, 4); was 9");
        result.Failures[4].Exception.Should().BeOfType<ArgumentOutOfRangeException>();
        // Course end date 9999-12-19 (cycle 2 from 12-15 08:00, dose 28 at 12-19 16:00); + 4 weeks passes 9999-12-31.
        result.Failures[4].Message.Should().Be("Cannot compute the response-assessment date from 9999-12-19: the dates would pass 9999-12-31, the last date NodaTime can represent.");
        result.Failures[4].ToString().Should().StartWith("request 6: Cannot compute");
        columns.DoseCounts.ToArray().Should().Equal(28, 0, 28, 0, 0, 0, 0, 30);

        // Request 0, elapsed: dose 12 at 2027-03-14 00:00 -05:00 (05:00Z); dose 13 eight hours
        // later, 13:00Z = 09:00 -04:00; dose 28 at 2027-03-28 16:00 -04:00 (20:00Z), ending 20:15Z.
        columns.DoseStartInstant(0, 0).Should().Be(Instant.FromUtc(2027, 3, 10, 13, 0));
        columns.DoseStartInstant(0, 11).Should().Be(Instant.FromUtc(2027, 3, 14, 5, 0));
        columns.DoseStartInstant(0, 12).Should().Be(Instant.FromUtc(2027, 3, 14, 13, 0));
        columns.DoseStartInstant(0, 27).Should().Be(Instant.FromUtc(2027, 3, 28, 20, 0));
        columns.CourseEndInstant(0).Should().Be(Instant.FromUtc(2027, 3, 28, 20, 15));
        Iso(columns.ResponseAssessmentDates[0]).Should().Be("2027-04-25");
        Iso(columns.NextCourseWindowStarts[0]).Should().Be("2027-05-09");
        Iso(columns.NextCourseWindowEnds[0]).Should().Be("2027-06-20");

        // Request 2, wall clock: dose 13 keeps 08:00, now -04:00 = 12:00Z, 7 hours after dose 12.
        columns.DoseStartInstant(2, 12).Should().Be(Instant.FromUtc(2027, 3, 14, 12, 0));
        // Request 7, NCI: dose 15 = 14 × 8 h after 13:00Z on 03-10 = 2027-03-15 05:00Z (01:00 -04:00).
        columns.DoseStartInstant(7, 14).Should().Be(Instant.FromUtc(2027, 3, 15, 5, 0));
    }

    // Cycle 2 of a first dose on 2027-02-28 02:30 is nominally 2027-03-14 02:30, which New York
    // skips: it moves forward by the gap to 03:30 -04:00 (07:30Z). One on 2027-10-24 01:30 puts
    // cycle 2 at 2027-11-07 01:30, which is repeated: the earlier instant, -04:00 (05:30Z).
    [Theory]
    [InlineData("2027-02-28T02:30", "2027-03-14T07:30:00Z")]
    [InlineData("2027-10-24T01:30", "2027-11-07T05:30:00Z")]
    public void CycleStartInAGapOrOverlap_IsResolvedAsCoursePlannerDoes(string firstDose, string cycle2Start)
    {
        var columns = CourseColumns.Allocate(1, Planner.DosesPerCourse);

        Planner.Plan([new CourseRequest(Local(firstDose), NewYork)], columns).Failures.Should().BeEmpty();

        columns.DoseStartInstant(0, 14).ToString().Should().Be(cycle2Start);
    }

    [Fact]
    public void ColumnsTooSmall_AreRejectedBeforeAnythingIsWritten()
    {
        var columns = CourseColumns.Allocate(1, 28);

        var tooFewSlots = () => Planner.Plan([new CourseRequest(Local("2027-03-10T08:00"), NewYork)], columns);
        var tooFewCourses = () => new BatchPlanner(CourseProtocol.Label).Plan(new CourseRequest[2], columns);

        tooFewSlots.Should().Throw<ArgumentException>().WithMessage("columns must hold at least 48 dose slots per course (BatchPlanner.DosesPerCourse); was 28*");
        tooFewCourses.Should().Throw<ArgumentException>().WithMessage("columns must hold at least the 2 courses requested; was 1*");
        columns.DoseCounts[0].Should().Be(0);
    }

    [Fact]
    public void Columns_OfMismatchedLengths_AreRejected()
    {
        var make = () => new CourseColumns(28, new int[2], new long[56], new long[56], new byte[56], new long[2], new LocalDate[2], new LocalDate[1], new LocalDate[2], new NextCourseWindowReasons[2], new decimal[2], new decimal[2]);
        var shortAmounts = () => new CourseColumns(28, new int[2], new long[56], new long[56], new byte[56], new long[2], new LocalDate[2], new LocalDate[2], new LocalDate[2], new NextCourseWindowReasons[2], new decimal[2], new decimal[3]);
        var wrongStride = () => new CourseColumns(28, new int[2], new long[55], new long[56], new byte[56], new long[2], new LocalDate[2], new LocalDate[2], new LocalDate[2], new NextCourseWindowReasons[2], new decimal[2], new decimal[2]);

        var shortEnds = () => new CourseColumns(28, new int[2], new long[56], new long[28], new byte[56], new long[2], new LocalDate[2], new LocalDate[2], new LocalDate[2], new NextCourseWindowReasons[2], new decimal[2], new decimal[2]);
        var shortCycles = () => new CourseColumns(28, new int[2], new long[56], new long[56], new byte[57], new long[2], new LocalDate[2], new LocalDate[2], new LocalDate[2], new NextCourseWindowReasons[2], new decimal[2], new decimal[2]);

        make.Should().Throw<ArgumentException>().WithMessage("nextCourseWindowStarts must be as long as doseCounts (2); was 1*");
        shortAmounts.Should().Throw<ArgumentException>().WithMessage("doseMilligrams must be as long as doseCounts (2); was 3*");
        wrongStride.Should().Throw<ArgumentException>().WithMessage("doseStarts must hold 28 slots for each of the 2 courses (56); was 55 long*");
        shortEnds.Should().Throw<ArgumentException>().WithMessage("doseEnds must hold 28 slots for each of the 2 courses (56); was 28 long*");
        shortCycles.Should().Throw<ArgumentException>().WithMessage("doseCycleNumbers must hold 28 slots for each of the 2 courses (56); was 57 long*");
    }

    [Fact]
    public void Protocols_ThePresetsAndBuiltProtocolsAreSupported_AndAnEmptyListIsNot()
    {
        new BatchPlanner([CourseProtocol.Label, CourseProtocol.NciSurgeryBranch, Custom]).Protocols.Should().Equal(CourseProtocol.Label, CourseProtocol.NciSurgeryBranch, Custom);

        var empty = () => new BatchPlanner(Array.Empty<CourseProtocol>());
        var withNull = () => new BatchPlanner([CourseProtocol.Label, null!]);

        empty.Should().Throw<ArgumentException>().WithMessage("protocols must hold at least one protocol; was empty*");
        withNull.Should().Throw<ArgumentNullException>().WithMessage("protocols[1] must not be null*");
    }

    // Allocation, not time: after one warm-up batch (zone data cached by NodaTime), planning
    // 20,000 courses into existing columns allocates only the batch's own few objects (its result,
    // the zone cache), not anything per course. A planner of its own: the follow-up table is the
    // planner's and is written once per slot, so courses of other tests planned by a shared planner
    // could hold slots this test's dates need, which are then computed afresh on every call.
    [Fact]
    public void SpanApi_AllocatesNothingPerCourse()
    {
        var planner = new BatchPlanner(Protocols);
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        var random = new Random(42);
        var requests = Enumerable.Range(0, 20_000)
            .Select(i => new CourseRequest(
                new LocalDate(2020, 1, 1).PlusDays(random.Next(16 * 365)).At(new LocalTime(random.Next(4, 23), random.Next(60))),
                i % 2 == 0 ? NewYork : london,
                random.Next(3)))
            .ToArray();
        var columns = CourseColumns.Allocate(requests.Length, planner.DosesPerCourse);
        planner.Plan(requests, columns).Failures.Should().BeEmpty("no first dose between 04:00 and 23:00 is skipped or repeated in these zones");

        long before = GC.GetAllocatedBytesForCurrentThread();
        planner.Plan(requests, columns);
        long wholeBatch = GC.GetAllocatedBytesForCurrentThread() - before;
        long excess = LeastExtraAllocation(
            () => planner.Plan(requests.AsSpan(0, 10_000), columns),
            () => planner.Plan(requests, columns));

        // Each batch builds its zone caches (the ~33 intervals of each zone from 2020 to 2036);
        // twice the courses must not allocate more.
        excess.Should().BeLessThan(2048, "20,000 courses must not allocate more than 10,000 do");
        wholeBatch.Should().BeLessThan(64 * 1024, "the per-batch zone caches are small");
    }

    /// <summary>
    /// The least, over three tries, of what <paramref name="whole"/> allocates on this thread beyond
    /// <paramref name="half"/>. Tests running in parallel share NodaTime's zones, whose own interval
    /// caches are fixed-size and evict one another's entries, so a try can pay for NodaTime refilling
    /// its cache; that only adds bytes, so the least of three tries is the planner's own figure.
    /// </summary>
    internal static long LeastExtraAllocation(Action half, Action whole)
    {
        long least = long.MaxValue;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            half();
            long halfBatch = GC.GetAllocatedBytesForCurrentThread() - before;
            before = GC.GetAllocatedBytesForCurrentThread();
            whole();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before - halfBatch);
        }
        return least;
    }
}
