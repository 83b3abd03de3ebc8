using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Batch;

/// <summary>
/// Tests of <see cref="PlannedCourse"/> (the streaming form): its values and equality, on README's
/// worked example (America/New_York, first dose 2027-03-10 08:00 EST -05:00 = 13:00Z; course
/// end 2027-03-28 16:15 EDT -04:00 = 20:15Z, a Sunday; imaging 03-28 + 4 weeks = 04-25, a
/// Sunday; window 05-09 (+6 weeks, a Sunday) to 06-20 (+12 weeks, a Sunday)).
/// </summary>
public class PlannedCourseTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly CourseRequest WorkedExample = new(Local("2027-03-10T08:00"), NewYork, 0, null, 72.5m);

    private static PlannedCourse Single(BatchPlanner planner, CourseRequest request) => planner.PlanEach([request]).Single();

    [Fact]
    public void Values_AreTheWorkedExamples()
    {
        var course = Single(new BatchPlanner(CourseProtocol.Label), WorkedExample);

        course.IsPlanned.Should().BeTrue();
        course.Failure.Should().BeNull();
        course.Index.Should().Be(0);
        course.Protocol.Should().BeSameAs(CourseProtocol.Label);
        course.DoseStarts.Length.Should().Be(28);
        course.DoseStarts.Span[0].Should().Be(Instant.FromUtc(2027, 3, 10, 13, 0));
        course.CourseEnd.Should().Be(Instant.FromUtc(2027, 3, 28, 20, 15));
        (course.ResponseAssessmentDate, course.NextCourseWindowStart, course.NextCourseWindowEnd).Should().Be((Date("2027-04-25"), Date("2027-05-09"), Date("2027-06-20")));
        course.NextCourseWindowReasons.Should().Be(NextCourseWindowReasons.None);
        // 72.5 kg × 600,000 IU/kg = 43,500,000 IU; × 0.037 mg/kg = 2.6825 mg.
        (course.DoseInternationalUnits, course.DoseMilligrams).Should().Be((43_500_000m, 2.6825m));
    }

    [Fact]
    public void Equals_TheSameCourseStreamedTwice_IsEqualWithTheSameHashCode()
    {
        var planner = new BatchPlanner(CourseProtocol.Label);
        var first = Single(planner, WorkedExample);
        var second = Single(planner, WorkedExample);

        first.Equals(second).Should().BeTrue();
        first.Equals((object)second).Should().BeTrue();
        (first == second).Should().BeTrue();
        (first != second).Should().BeFalse();
        first.GetHashCode().Should().Be(second.GetHashCode());
    }

    [Fact]
    public void Equals_OnlyTheIndexDiffers_IsFalse()
    {
        var courses = new BatchPlanner(CourseProtocol.Label).PlanEach([WorkedExample, WorkedExample]).ToList();

        courses[1].Index.Should().Be(1);
        (courses[0] == courses[1]).Should().BeFalse();
        (courses[0] != courses[1]).Should().BeTrue();
        courses[0].Equals((object)courses[1]).Should().BeFalse();
    }

    // With a 5-week minimum after discharge, a discharge on the course end date (03-28 + 5 weeks =
    // 05-02, before 05-09) leaves every planned value as it was: only the request differs.
    [Fact]
    public void Equals_OnlyTheRequestDiffers_IsFalse()
    {
        var fiveWeeks = new BatchPlanner(new CourseProtocolBuilder(CourseProtocol.Label) { MinimumIntervalAfterDischarge = Period.FromWeeks(5) }.Build());
        var plain = Single(fiveWeeks, WorkedExample);
        var discharged = Single(fiveWeeks, new CourseRequest(WorkedExample.FirstDose, NewYork, 0, Date("2027-03-28"), 72.5m));

        (discharged.NextCourseWindowStart, discharged.NextCourseWindowReasons).Should().Be((plain.NextCourseWindowStart, plain.NextCourseWindowReasons));
        (plain == discharged).Should().BeFalse();
    }

    // A protocol equal to the label's but another object: the planned values are the same.
    [Fact]
    public void Equals_OnlyTheProtocolObjectDiffers_IsFalse()
    {
        var copy = new CourseProtocolBuilder(CourseProtocol.Label).Build();
        var label = Single(new BatchPlanner(CourseProtocol.Label), WorkedExample);
        var other = Single(new BatchPlanner(copy), WorkedExample);

        copy.Should().Be(CourseProtocol.Label);
        (label == other).Should().BeFalse();
    }

    // Saturdays and Sundays off: imaging moves from Sunday 04-25 to Monday 04-26, the window to
    // Monday 05-10 .. Friday 06-18; the dose starts are unchanged.
    [Fact]
    public void Equals_OnlyTheFollowUpDatesDiffer_IsFalse()
    {
        var plain = Single(new BatchPlanner(CourseProtocol.Label), WorkedExample);
        var workingDays = Single(new BatchPlanner([CourseProtocol.Label], WorkingDayCalendar.SaturdaySunday, NonWorkingDayShift.Next), WorkedExample);

        (workingDays.ResponseAssessmentDate, workingDays.NextCourseWindowStart, workingDays.NextCourseWindowEnd).Should().Be((Date("2027-04-26"), Date("2027-05-10"), Date("2027-06-18")));
        workingDays.DoseStarts.ToArray().Should().Equal(plain.DoseStarts.ToArray());
        (plain == workingDays).Should().BeFalse();
    }

    // Two failed runs of one request: every value alike except the failure object.
    [Fact]
    public void Equals_FailedCourses_DifferByTheirFailure()
    {
        var planner = new BatchPlanner(CourseProtocol.Label);
        var skipped = new CourseRequest(Local("2027-03-14T02:30"), NewYork);
        var first = Single(planner, skipped);
        var second = Single(planner, skipped);

        (first.IsPlanned, first.Protocol, first.DoseStarts.Length).Should().Be((false, null, 0));
        first.Failure!.Index.Should().Be(0);
        (first == second).Should().BeFalse();
        var same = first;
        (first == same).Should().BeTrue();
        first.Equals("course").Should().BeFalse();
    }
}
