using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Batch;

// The batch planner must give, for every request, exactly what CoursePlanner gives for that
// course on its own: the same dose starts, course end, imaging date and window, or the same
// exception (type and message). CoursePlanner is the oracle here; its own values are checked
// against hand-worked timelines and Python zoneinfo in tests/Planning.
public partial class BatchPlannerTests
{
    private static readonly CourseProtocol WallClockLabel = CourseProtocol.Label.WithDoseTiming(DoseTiming.WallClock);

    // Three 4-day cycles, 6-hourly doses on the clock, follow-up counted in months: every setting
    // the fast path reads differs from the label's.
    private static readonly CourseProtocol Custom = new CourseProtocolBuilder(CourseProtocol.Label)
    {
        CycleCount = 3,
        CycleLengthDays = 4,
        RestPeriodDays = 3,
        DosingInterval = Duration.FromHours(6),
        InfusionDuration = Duration.FromMinutes(30),
        MaxDosesPerCycle = 16,
        DoseTiming = DoseTiming.WallClock,
        ResponseAssessmentDelay = Period.FromMonths(1),
        RetreatmentWindowStart = Period.FromMonths(1) + Period.FromDays(3),
        RetreatmentWindowEnd = Period.FromYears(1),
    }.Build();

    private static readonly CourseProtocol[] Protocols =
        [CourseProtocol.Label, WallClockLabel, CourseProtocol.NciSurgeryBranch, Custom];

    private static readonly BatchPlanner Planner = new(Protocols);

    private static readonly CoursePlanner[] SingleCoursePlanners = Protocols.Select(p => new CoursePlanner(p)).ToArray();

    [Fact]
    public void DosesPerCourse_IsTheLargestProtocolsCourse()
    {
        // Custom: 3 cycles × 16 doses = 48 > NCI's 30 > the label's 28.
        Planner.DosesPerCourse.Should().Be(48);
        new BatchPlanner(CourseProtocol.Label).DosesPerCourse.Should().Be(28);
    }

    [Fact]
    public void RandomRequests_SpanApi_EqualsCoursePlannerForEveryCourse()
    {
        var requests = RandomRequests(seed: 20270310, count: 6000);
        var columns = CourseColumns.Allocate(requests.Length, Planner.DosesPerCourse);

        var result = Planner.Plan(requests, columns);

        AssertEqualsSingleCoursePlanning(requests, columns, result);
        result.PlannedCount.Should().BeGreaterThan(4000, "most random requests are plannable");
        result.Failures.Should().NotBeEmpty("the generator aims first doses at gaps and overlaps");
    }

    [Fact]
    public void RandomRequests_ParallelApi_EqualsTheSpanApi()
    {
        // More than two of the parallel form's 4096-course chunks.
        var requests = RandomRequests(seed: 1883, count: 10_000);
        var sequential = CourseColumns.Allocate(requests.Length, Planner.DosesPerCourse);
        var parallel = CourseColumns.Allocate(requests.Length, Planner.DosesPerCourse);

        var sequentialResult = Planner.Plan(requests, sequential);
        var parallelResult = Planner.PlanParallel(requests, parallel);

        parallel.DoseCounts.ToArray().Should().Equal(sequential.DoseCounts.ToArray());
        parallel.DoseStarts.SequenceEqual(sequential.DoseStarts).Should().BeTrue();
        parallel.CourseEnds.SequenceEqual(sequential.CourseEnds).Should().BeTrue();
        parallel.ResponseAssessmentDates.SequenceEqual(sequential.ResponseAssessmentDates).Should().BeTrue();
        parallel.NextCourseWindowStarts.SequenceEqual(sequential.NextCourseWindowStarts).Should().BeTrue();
        parallel.NextCourseWindowEnds.SequenceEqual(sequential.NextCourseWindowEnds).Should().BeTrue();
        parallelResult.Failures.Select(f => (f.Index, f.Message)).Should().Equal(sequentialResult.Failures.Select(f => (f.Index, f.Message)));
        parallelResult.Failures.Should().NotBeEmpty("the generator aims first doses at gaps and overlaps");
    }

    [Fact]
    public void RandomRequests_Streaming_EqualsTheSpanApi()
    {
        var requests = RandomRequests(seed: 1972, count: 3000);
        var columns = CourseColumns.Allocate(requests.Length, Planner.DosesPerCourse);
        var result = Planner.Plan(requests, columns);
        var failures = result.Failures.ToDictionary(f => f.Index);

        var streamed = Planner.PlanEach(requests).ToList();

        streamed.Should().HaveCount(requests.Length);
        for (int i = 0; i < streamed.Count; i++)
        {
            var course = streamed[i];
            course.Index.Should().Be(i);
            course.Request.Should().Be(requests[i]);
            if (failures.TryGetValue(i, out var failure))
            {
                course.IsPlanned.Should().BeFalse();
                course.Failure!.Message.Should().Be(failure.Message);
                course.DoseStarts.Length.Should().Be(0);
                continue;
            }
            course.Failure.Should().BeNull();
            course.DoseStarts.ToArray().Select(start => start.ToUnixTimeTicks()).Should().Equal(columns.DoseStartsOf(i).ToArray(), "course {0}", i);
            course.CourseEnd.Should().Be(columns.CourseEndInstant(i));
            course.ResponseAssessmentDate.Should().Be(columns.ResponseAssessmentDates[i]);
            course.NextCourseWindowStart.Should().Be(columns.NextCourseWindowStarts[i]);
            course.NextCourseWindowEnd.Should().Be(columns.NextCourseWindowEnds[i]);
            course.Protocol.Should().BeSameAs(Protocols[requests[i].ProtocolIndex]);
        }
    }

    // The worked example (America/New_York: EST -05:00 until 2027-03-14 02:00, then EDT -04:00)
    // with a discharge on 2027-03-31 and 72.5 kg, from a planner whose working days are Sat/Sun.
    // Dose 13 is 12 × 8 h after 03-10 08:00 -05:00 (13:00Z) = 03-14 13:00Z = 09:00 -04:00; the
    // course ends 03-28 16:15 -04:00; imaging 03-28 + 4 weeks = 04-25, a Sunday, moved to Monday
    // 04-26; the window starts at discharge + 7 weeks = 05-19 (a Wednesday) and ends 03-28 + 12
    // weeks = 06-20, a Sunday, moved back to Friday 06-18; 72.5 kg × 600,000 IU/kg = 43,500,000 IU.
    [Fact]
    public void Streaming_ToSchedule_AppliesTheRequestsDischargeWeightAndThePlannersWorkingDays()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var planner = new BatchPlanner([CourseProtocol.Label], WorkingDayCalendar.SaturdaySunday, NonWorkingDayShift.Next);
        var course = planner.PlanEach([new CourseRequest(Local("2027-03-10T08:00"), newYork, 0, new LocalDate(2027, 3, 31), 72.5m)]).Single();

        var schedule = course.ToSchedule();

        schedule.Doses[12].Start.ToOffsetDateTime().ToString().Should().Be("2027-03-14T09:00:00-04");
        schedule.CourseEnd.ToOffsetDateTime().ToString().Should().Be("2027-03-28T16:15:00-04");
        schedule.ResponseAssessmentDate.Should().Be(new LocalDate(2027, 4, 26));
        (schedule.NextCourseWindow.Dates!.Start, schedule.NextCourseWindow.Dates.End).Should().Be((new LocalDate(2027, 5, 19), new LocalDate(2027, 6, 18)));
        schedule.DoseAmount!.InternationalUnits.Should().Be(43_500_000m);
        (course.ResponseAssessmentDate, course.NextCourseWindowStart, course.NextCourseWindowEnd, course.DoseInternationalUnits)
            .Should().Be((new LocalDate(2027, 4, 26), new LocalDate(2027, 5, 19), new LocalDate(2027, 6, 18), 43_500_000m));
        course.NextCourseWindowReasons.Should().Be(NextCourseWindowReasons.StartMovedByDischarge | NextCourseWindowReasons.EndMovedToWorkingDay);
        schedule.Doses.Select(d => d.Start.ToInstant()).Should().Equal(course.DoseStarts.ToArray());
    }

    [Fact]
    public void Streaming_ToScheduleOfAFailedRequest_ThrowsInvalidOperation()
    {
        var course = Planner.PlanEach([new CourseRequest(Local("2027-03-10T08:00"), zone: null)]).Single();

        var act = () => course.ToSchedule();

        act.Should().Throw<InvalidOperationException>().WithMessage("Request 0 was not planned: Value cannot be null. (Parameter 'zone')");
    }

    [Fact]
    public void Streaming_IsLazy()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        int pulled = 0;
        IEnumerable<CourseRequest> Requests()
        {
            while (true)
            {
                pulled++;
                yield return new CourseRequest(Local("2027-03-10T08:00"), newYork);
            }
        }

        Planner.PlanEach(Requests()).Take(3).Count().Should().Be(3);

        pulled.Should().Be(3);
    }

    private static void AssertEqualsSingleCoursePlanning(CourseRequest[] requests, CourseColumns columns, BatchResult result)
    {
        var failures = result.Failures.ToDictionary(f => f.Index);
        result.Failures.Select(f => f.Index).Should().BeInAscendingOrder();
        result.RequestCount.Should().Be(requests.Length);
        for (int i = 0; i < requests.Length; i++)
        {
            var request = requests[i];
            CourseSchedule expected;
            try
            {
                expected = SingleCoursePlanners[request.ProtocolIndex].Plan(request.FirstDose, request.Zone!);
            }
            catch (ArgumentException e)
            {
                failures.Should().ContainKey(i, "CoursePlanner throws for request {0} ({1} in {2}): {3}", i, request.FirstDose, request.Zone?.Id, e.Message);
                failures[i].Exception.GetType().Should().Be(e.GetType());
                failures[i].Message.Should().Be(e.Message);
                columns.DoseCounts[i].Should().Be(0);
                columns.CourseEnds[i].Should().Be(0);
                continue;
            }
            failures.Should().NotContainKey(i, "CoursePlanner plans request {0} ({1} in {2})", i, request.FirstDose, request.Zone?.Id);
            string context = $"request {i}: {request.FirstDose} in {request.Zone!.Id}, protocol {request.ProtocolIndex}";
            columns.DoseStartsOf(i).ToArray().Should().Equal(expected.Doses.Select(d => d.Start.ToInstant().ToUnixTimeTicks()), context);
            columns.DoseStarts.Slice((i * columns.DosesPerCourse) + expected.Doses.Count, columns.DosesPerCourse - expected.Doses.Count)
                .ToArray().All(slot => slot == default).Should().BeTrue("unused slots are cleared; {0}", context);
            columns.CourseEndInstant(i).Should().Be(expected.CourseEnd.ToInstant(), context);
            columns.ResponseAssessmentDates[i].Should().Be(expected.ResponseAssessmentDate, context);
            columns.NextCourseWindowStarts[i].Should().Be(expected.NextCourseWindow.ByCourseEnd.Start, context);
            columns.NextCourseWindowEnds[i].Should().Be(expected.NextCourseWindow.ByCourseEnd.End, context);
        }
    }
}
