using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Batch;

public partial class BatchPlannerTests
{
    [Fact]
    public void Arguments_Null_ThrowArgumentNullNamingThem()
    {
        var nullList = () => new BatchPlanner((IReadOnlyList<CourseProtocol>)null!, null, NonWorkingDayShift.Next);
        var nullColumns = () => Planner.Plan([new CourseRequest(Local("2027-03-10T08:00"), NewYork)], null!);
        var nullStream = () => Planner.PlanEach(null!);

        nullList.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("protocols");
        nullColumns.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("columns");
        nullStream.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("requests");
    }

    [Fact]
    public void Constructor_UndefinedImagingShift_Throws()
    {
        var act = () => new BatchPlanner([CourseProtocol.Label], WorkingDayCalendar.SaturdaySunday, (NonWorkingDayShift)99);

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("imagingDateShift");
    }

    // Planner has 4 protocols: index 4 is the first one past the end, 3 the last one.
    [Fact]
    public void ProtocolIndex_OnePastTheLast_IsAFailure_AndTheLastIsPlanned()
    {
        CourseRequest[] requests = [new(Local("2027-03-10T08:00"), NewYork, protocolIndex: 4), new(Local("2027-03-10T08:00"), NewYork, protocolIndex: 3)];
        var columns = CourseColumns.Allocate(requests.Length, Planner.DosesPerCourse);

        var result = Planner.Plan(requests, columns);

        result.Failures.Should().ContainSingle().Which.Message.Should().StartWith("protocolIndex must be in range [0, 4); was 4");
        columns.DoseCounts[1].Should().Be(48, "Custom plans 3 cycles of 16 doses");
        var scheduleOf = () => Planner.ScheduleOf(requests[0]);
        scheduleOf.Should().ThrowExactly<ArgumentOutOfRangeException>().WithMessage("protocolIndex must be in range [0, 4); was 4*");
    }

    // As CoursePlanner: a first dose on 0001-01-01 is refused (its local time could precede the
    // first instant NodaTime represents in a zone east of UTC); 0001-01-02 is the first date allowed.
    [Fact]
    public void FirstDose_OnTheFirstDateOfTheCalendar_IsAFailure()
    {
        var utc = DateTimeZoneProviders.Tzdb["Etc/UTC"];
        CourseRequest[] requests = [new(Local("0001-01-01T08:00"), utc), new(Local("0001-01-02T08:00"), utc)];
        var columns = CourseColumns.Allocate(requests.Length, Planner.DosesPerCourse);

        var result = Planner.Plan(requests, columns);

        result.Failures.Should().ContainSingle().Which.Message.Should().StartWith("firstDose must be on or after 0001-01-02; was 0001-01-01");
        result.Failures[0].Index.Should().Be(0);
        columns.DoseCounts.ToArray().Should().Equal(0, 28);
    }
}
