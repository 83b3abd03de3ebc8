using FluentAssertions;
using IL2Schedule.Batch;
using IL2Schedule.Protocols;

namespace IL2Schedule.Tests.Batch;

/// <summary>Protocol options added after the batch planner (issue 4) are refused up front, never planned as something else.</summary>
public partial class BatchPlannerTests
{
    [Fact]
    public void StandardTimes_IsRejectedUpFront()
    {
        var act = () => new BatchPlanner(CourseProtocol.Label.WithDoseTiming(DoseTiming.StandardTimes));

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().StartWith(
            "protocols[0].DoseTiming must be Elapsed or WallClock for the batch planner; was StandardTimes. Plan such courses one at a time with CoursePlanner.");
    }

    [Fact]
    public void CalendarDayWindows_AreRejectedUpFront()
    {
        var protocol = new CourseProtocolBuilder(CourseProtocol.Label) { CycleWindowCounting = CycleWindowCounting.CalendarDays }.Build();

        var act = () => new BatchPlanner(protocol);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().StartWith(
            "protocols[0] uses a setting the batch planner does not support");
    }
}
