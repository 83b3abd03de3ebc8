using FluentAssertions;
using IL2Schedule.Records;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

// Case 14: the next course. From the worked example's course (end date 2027-03-28) the window
// is 2027-05-09 to 2027-06-20, both inclusive; outside it, an override reason is needed and kept;
// a first dose not after the course end is rejected even with a reason.
public partial class CourseRecordTests
{
    [Fact]
    public void PlanNextCourse_InsideTheWindow_PlansCourseTwo()
    {
        var course = CourseRecord.Start(WorkedExamplePlan(), 1, HeldDosePolicy.Forfeit)
            .ApplyAll(GivenAt(1, CycleOneDue[..14])).ApplyAll(GivenAt(2, CycleTwoDue[..14]));

        var next = course.PlanNextCourse(Local("2027-05-10T08:00"));

        next.CourseNumber.Should().Be(2);
        next.RetreatmentOverrideReason.Should().BeNull();
        next.HeldDosePolicy.Should().Be(HeldDosePolicy.Forfeit);
        next.Events.Should().BeEmpty();
        next.Plan.Protocol.Should().BeSameAs(course.Plan.Protocol);
        next.Plan.ZoneId.Should().Be("America/New_York");
        Rfc3339(next.Plan.Cycles[0].Start).Should().Be("2027-05-10T08:00:00-04:00");
        Rfc3339(next.Schedule.Cycles[1].Start).Should().Be("2027-05-24T08:00:00-04:00"); // day 15
        next.PlanNextCourse(Local("2027-07-20T08:00"), "third course early").CourseNumber.Should().Be(3);
    }

    // Both ends are inclusive, at any time of day.
    [Theory]
    [InlineData("2027-05-09T00:00")]
    [InlineData("2027-06-20T23:59")]
    public void PlanNextCourse_OnTheWindowsFirstOrLastDay_IsAccepted(string firstDose)
    {
        var next = FullCourse().PlanNextCourse(Local(firstDose));

        next.Plan.RequestedFirstDose.Should().Be(Local(firstDose));
    }

    [Theory]
    [InlineData("2027-05-08T23:59", "2027-05-08")]
    [InlineData("2027-06-21T00:00", "2027-06-21")]
    public void PlanNextCourse_OutsideTheWindowWithoutReason_ThrowsArgumentOutOfRangeException(string firstDose, string date)
    {
        var act = () => FullCourse().PlanNextCourse(Local(firstDose));

        var exception = act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        exception.ParamName.Should().Be("firstDose");
        exception.ActualValue.Should().Be(date);
        exception.Message.Should().StartWith(
            "firstDose must be within course 1's next-course window 2027-05-09 to 2027-06-20 (inclusive); was " + date
            + ". Pass an override reason to plan outside the window.");
    }

    [Fact]
    public void PlanNextCourse_OutsideTheWindowWithReason_KeepsTheReason()
    {
        var next = FullCourse().PlanNextCourse(Local("2027-04-21T08:00"), "trial protocol: retreat at 3 weeks");

        next.CourseNumber.Should().Be(2);
        next.RetreatmentOverrideReason.Should().Be("trial protocol: retreat at 3 weeks");
        Rfc3339(next.Plan.Cycles[0].Start).Should().Be("2027-04-21T08:00:00-04:00");
    }

    // The course ends 2027-03-28 16:15 EDT: a first dose at 16:00 or 16:15 is not after it, even
    // with a reason; 16:16 is.
    [Theory]
    [InlineData("2027-03-28T16:00", "2027-03-28T16:00:00-04:00")]
    [InlineData("2027-03-28T16:15", "2027-03-28T16:15:00-04:00")]
    public void PlanNextCourse_NotAfterTheCourseEndEvenWithReason_ThrowsArgumentOutOfRangeException(string firstDose, string zonedFirstDose)
    {
        var act = () => FullCourse().PlanNextCourse(Local(firstDose), "urgent");

        var exception = act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        exception.ParamName.Should().Be("firstDose");
        exception.Message.Should().StartWith(
            "firstDose must be after course 1 ends at 2027-03-28T16:15:00-04:00; was " + zonedFirstDose);
        FullCourse().PlanNextCourse(Local("2027-03-28T16:16"), "urgent").CourseNumber.Should().Be(2);
    }

    // A projected course (no events) has a projected window: the same dates here.
    [Fact]
    public void PlanNextCourse_FromAProjectedCourse_UsesTheProjectedWindow()
    {
        var act = () => WorkedExample().PlanNextCourse(Local("2027-05-08T08:00"));

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which.Message.Should().Contain("2027-05-09 to 2027-06-20");
        WorkedExample().PlanNextCourse(Local("2027-05-09T08:00")).CourseNumber.Should().Be(2);
    }

    // Discharge 2027-03-31 moves the window start to 05-19.
    [Fact]
    public void PlanNextCourse_AfterADischarge_UsesTheSevenWeekMinimum()
    {
        var course = FullCourse().Apply(new Discharged("d1", Date("2027-03-31")));

        var act = () => course.PlanNextCourse(Local("2027-05-18T08:00"));

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which.Message.Should().Contain("2027-05-19 to 2027-06-20");
        course.PlanNextCourse(Local("2027-05-19T08:00")).CourseNumber.Should().Be(2);
    }

    [Fact]
    public void PlanNextCourse_EmptyWindowWithoutReason_ThrowsNamingTheNote()
    {
        var course = FullCourse().Apply(new Discharged("d1", Date("2027-05-10")));

        var act = () => course.PlanNextCourse(Local("2027-06-28T08:00"));

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which.Message.Should().StartWith("course 1's next-course window is empty (Empty: ");
        course.PlanNextCourse(Local("2027-06-28T08:00"), "discharged late after a complication").RetreatmentOverrideReason
            .Should().Be("discharged late after a complication");
    }

    // No dose given: no window; with a reason, the first dose must follow the course's stop.
    [Fact]
    public void PlanNextCourse_CourseWithoutADose_NeedsAReasonAndFollowsTheStop()
    {
        var course = WorkedExample().Apply(new CourseStopped("end", At("2027-03-10T07:00:00-05:00"), "consent withdrawn"));

        var withoutReason = () => course.PlanNextCourse(Local("2027-05-10T08:00"));
        var beforeStop = () => course.PlanNextCourse(Local("2027-03-10T06:00"), "consent given again");

        withoutReason.Should().ThrowExactly<ArgumentOutOfRangeException>().Which.Message.Should().StartWith(
            "course 1 has no next-course window because no dose was given; was 2027-05-10.");
        beforeStop.Should().ThrowExactly<ArgumentOutOfRangeException>().Which.Message.Should().StartWith(
            "firstDose must be after course 1 ends at 2027-03-10T07:00:00-05:00; was 2027-03-10T06:00:00-05:00");
        course.PlanNextCourse(Local("2027-04-01T08:00"), "consent given again").CourseNumber.Should().Be(2);
    }

    [Fact]
    public void PlanNextCourse_InvalidReason_IsRejectedByName()
    {
        var course = FullCourse();

        course.Invoking(c => c.PlanNextCourse(Local("2027-04-21T08:00"), null!))
            .Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("overrideReason");
        course.Invoking(c => c.PlanNextCourse(Local("2027-04-21T08:00"), "  "))
            .Should().ThrowExactly<ArgumentException>().WithMessage("overrideReason must not be empty or white space; was '  ' (Parameter 'overrideReason')");
    }

    // 2028-03-12 02:30 does not exist in New York (02:00 EST -> 03:00 EDT).
    [Fact]
    public void PlanNextCourse_FirstDoseInTheSpringGap_ThrowsLocalTimeMappingException()
    {
        var act = () => FullCourse().PlanNextCourse(Local("2028-03-12T02:30"), "next spring");

        var exception = act.Should().ThrowExactly<LocalTimeMappingException>().Which;
        exception.IsSkipped.Should().BeTrue();
        exception.ZoneId.Should().Be("America/New_York");
    }

    // RetreatmentOverrideReason is documented as "null when it was inside" the window; a reason
    // passed for a first dose inside the window (2027-05-10) is kept all the same.
    [Fact]
    public void PlanNextCourse_InsideTheWindowWithReason_HasNoOverrideReason()
    {
        var next = FullCourse().PlanNextCourse(Local("2027-05-10T08:00"), "not needed");

        next.RetreatmentOverrideReason.Should().BeNull();
    }

    // The course is stopped at 2027-03-12 20:00 EST after 8 doses (the last ending 16:15 EST). A
    // next course whose first dose is at 18:00 EST, before that stop, would overlap the course it
    // follows; the documentation names the last recorded stop as a bound too.
    [Fact]
    public void PlanNextCourse_BeforeTheRecordedCourseStop_ThrowsArgumentOutOfRangeException()
    {
        var course = WorkedExample()
            .ApplyAll(GivenAt(1, CycleOneDue[..8]))
            .Apply(new CourseStopped("end", At("2027-03-12T20:00:00-05:00"), "capillary leak"));

        var act = () => course.PlanNextCourse(Local("2027-03-12T18:00"), "restart");

        act.Should().ThrowExactly<ArgumentOutOfRangeException>();
    }

    // Course number int.MaxValue: the next number cannot be represented. That is the record's
    // state, not a bad argument: InvalidOperationException, whatever the first dose.
    [Fact]
    public void PlanNextCourse_FromTheLastRepresentableCourseNumber_ThrowsInvalidOperation()
    {
        var course = CourseRecord.Start(WorkedExamplePlan(), int.MaxValue);

        var act = () => course.PlanNextCourse(Local("2027-05-10T08:00"));

        act.Should().ThrowExactly<InvalidOperationException>().WithMessage("course 2147483647 is the last number a course can have; no next course can be numbered");
    }
}
