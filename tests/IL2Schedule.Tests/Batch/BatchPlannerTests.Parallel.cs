using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Batch;

public partial class BatchPlannerTests
{
    // 8,191 requests: one full 4,096-course chunk and a second of 4,095, so a chunk count rounded
    // the wrong way either drops the second chunk or asks for a third of length −1. Every request
    // is the worked example (America/New_York, 2027-03-10 08:00 EST -05:00 = 13:00Z) except three
    // failures, one in each chunk's first slot region and one at the very end.
    // Worked example: dose 13 at 2027-03-14 09:00 EDT -04:00 (13:00Z, 8 elapsed hours after dose 12
    // at 00:00 -05:00 = 05:00Z); dose 28 at 2027-03-28 16:00 -04:00 (20:00Z), ending 20:15Z;
    // imaging 03-28 + 4 weeks = 04-25; window 03-28 + 6 weeks = 05-09 to + 12 weeks = 06-20.
    [Fact]
    public void Parallel_TwoChunks_PlansEveryCourseAndReportsFailuresInIndexOrder()
    {
        const int count = (2 * 4096) - 1;
        var requests = Enumerable.Range(0, count).Select(_ => new CourseRequest(Local("2027-03-10T08:00"), NewYork)).ToArray();
        requests[1] = new CourseRequest(Local("2027-03-14T02:30"), NewYork);     // skipped: EST -> EDT at 02:00
        requests[4096] = new CourseRequest(Local("2027-11-07T01:30"), NewYork);  // repeated: EDT -> EST at 02:00
        requests[count - 1] = new CourseRequest(Local("2027-03-10T08:00"), zone: null);
        var columns = CourseColumns.Allocate(count, Planner.DosesPerCourse);

        var result = Planner.PlanParallel(requests, columns);

        result.RequestCount.Should().Be(count);
        result.PlannedCount.Should().Be(count - 3);
        result.Failures.Select(f => f.Index).Should().Equal(1, 4096, count - 1);
        result.Failures[0].Exception.Should().BeOfType<LocalTimeMappingException>();
        result.Failures[1].Exception.Should().BeOfType<LocalTimeMappingException>();
        result.Failures[2].Exception.Should().BeOfType<ArgumentNullException>().Which.ParamName.Should().Be("zone");
        foreach (int course in new[] { 0, 4095, 4097, count - 2 })
        {
            columns.DoseCounts[course].Should().Be(28, "course {0}", course);
            columns.DoseStartInstant(course, 0).Should().Be(Instant.FromUtc(2027, 3, 10, 13, 0), "course {0}", course);
            columns.DoseStartInstant(course, 12).Should().Be(Instant.FromUtc(2027, 3, 14, 13, 0), "course {0}", course);
            columns.DoseStartInstant(course, 27).Should().Be(Instant.FromUtc(2027, 3, 28, 20, 0), "course {0}", course);
            columns.CourseEndInstant(course).Should().Be(Instant.FromUtc(2027, 3, 28, 20, 15), "course {0}", course);
            Iso(columns.ResponseAssessmentDates[course]).Should().Be("2027-04-25");
            Iso(columns.NextCourseWindowStarts[course]).Should().Be("2027-05-09");
            Iso(columns.NextCourseWindowEnds[course]).Should().Be("2027-06-20");
        }
        columns.DoseCounts.ToArray().Count(n => n == 28).Should().Be(count - 3);
        (columns.DoseCounts[1], columns.DoseCounts[4096], columns.DoseCounts[count - 1]).Should().Be((0, 0, 0));
    }

    [Fact]
    public void Parallel_ColumnsTooSmall_AreRejected()
    {
        var columns = CourseColumns.Allocate(1, Planner.DosesPerCourse);

        var act = () => Planner.PlanParallel(new CourseRequest[2], columns);

        act.Should().Throw<ArgumentException>().WithMessage("columns must hold at least the 2 courses requested; was 1*");
    }
}
