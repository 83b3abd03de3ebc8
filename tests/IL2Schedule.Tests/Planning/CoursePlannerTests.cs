using FluentAssertions;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Planning;

/// <summary>
/// Tests of <see cref="CoursePlanner"/>, split by concern: the worked example, DST timelines in
/// real tzdb zones, cycle starts in gaps and overlaps, first-dose mapping, input forms, synthetic
/// single-transition zones, errors, custom protocols and property tests.
/// </summary>
/// <remarks>
/// Expected instants come from hand-worked timelines or from an independent oracle (Python
/// zoneinfo with tzdb 2025b, elapsed arithmetic done in UTC), never from the planner itself.
/// </remarks>
public partial class CoursePlannerTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly CoursePlanner LabelPlanner = new();

    private static CourseSchedule Plan(string firstDose, string zoneId, CourseProtocol? protocol = null) =>
        new CoursePlanner(protocol ?? CourseProtocol.Label).Plan(Local(firstDose), DateTimeZoneProviders.Tzdb[zoneId]);

    private static CourseProtocol LabelWith(DoseTiming timing) => CourseProtocol.Label.WithDoseTiming(timing);

    /// <summary>
    /// Asserts a whole timeline: every dose start, numbering, 15-minute elapsed infusions, cycle
    /// starts and window ends, course end, course end date, imaging date and next-course window.
    /// </summary>
    private static void ShouldHaveTimeline(
        CourseSchedule schedule,
        string[] doseStarts,
        string[] cycleStarts,
        string[] windowEnds,
        string courseEnd,
        string courseEndDate,
        string imagingDate,
        string nextCourseWindow)
    {
        int cycles = cycleStarts.Length;
        int perCycle = doseStarts.Length / cycles;

        schedule.Doses.Select(dose => Rfc3339(dose.Start)).Should().Equal(doseStarts);
        schedule.Doses.Select(dose => dose.Number).Should().Equal(Enumerable.Range(1, doseStarts.Length));
        schedule.Doses.Select(dose => dose.CycleNumber).Should().Equal(
            Enumerable.Range(1, cycles).SelectMany(cycle => Enumerable.Repeat(cycle, perCycle)));
        schedule.Doses.Select(dose => dose.NumberInCycle).Should().Equal(
            Enumerable.Range(1, cycles).SelectMany(_ => Enumerable.Range(1, perCycle)));
        schedule.Doses.Should().OnlyContain(dose => dose.End.ToInstant() - dose.Start.ToInstant() == Duration.FromMinutes(15));

        schedule.Cycles.Select(cycle => cycle.Number).Should().Equal(Enumerable.Range(1, cycles));
        schedule.Cycles.Select(cycle => Rfc3339(cycle.Start)).Should().Equal(cycleStarts);
        schedule.Cycles.Select(cycle => Rfc3339(cycle.WindowEnd)).Should().Equal(windowEnds);
        schedule.Cycles.Select(cycle => cycle.Doses.Count).Should().OnlyContain(count => count == perCycle);

        Rfc3339(schedule.CourseEnd).Should().Be(courseEnd);
        Iso(schedule.CourseEndDate).Should().Be(courseEndDate);
        Iso(schedule.ResponseAssessmentDate).Should().Be(imagingDate);
        schedule.NextCourseWindow.Dates.Should().NotBeNull();
        Iso(schedule.NextCourseWindow.Dates!).Should().Be(nextCourseWindow);
        Iso(schedule.NextCourseWindow.ByCourseEnd).Should().Be(nextCourseWindow);
        schedule.NextCourseWindow.Note.Should().BeNull();
    }
}
