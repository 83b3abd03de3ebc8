using FluentAssertions;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Planning;

// Protocols other than the presets: the planner applies every setting. Hand-worked.
public partial class CoursePlannerTests
{
    // America/New_York (02:00 EST -05:00 -> 03:00 EDT -04:00 on 2027-03-14). Three cycles of 12
    // doses, 14 days apart: 03-10, 03-24, 04-07 at 08:00. Cycle 1's dose 12 is 88 h after 13:00Z
    // = 05:00Z on 03-14 = 00:00 EST. Cycle 3's dose 12 is 04-11T00:00 EDT, ending 00:15, so the
    // course end date is 2027-04-11; imaging one month later, 2027-05-11; window 05-23 to 07-04.
    [Fact]
    public void Plan_ThreeCyclesOfTwelveWithMonthlyImaging_AppliesEverySetting()
    {
        var protocol = new CourseProtocolBuilder { CycleCount = 3, MaxDosesPerCycle = 12, ResponseAssessmentDelay = Period.FromMonths(1) }.Build();

        var schedule = new CoursePlanner(protocol).Plan(Local("2027-03-10T08:00"), NewYork);

        schedule.Doses.Should().HaveCount(36);
        schedule.Cycles.Select(cycle => Rfc3339(cycle.Start)).Should().Equal(
            "2027-03-10T08:00:00-05:00", "2027-03-24T08:00:00-04:00", "2027-04-07T08:00:00-04:00");
        schedule.Cycles.Select(cycle => cycle.Doses.Count).Should().Equal(12, 12, 12);
        Rfc3339(schedule.Doses[11].Start).Should().Be("2027-03-14T00:00:00-05:00");
        schedule.Doses[24].Number.Should().Be(25);
        schedule.Doses[24].CycleNumber.Should().Be(3);
        schedule.Doses[24].NumberInCycle.Should().Be(1);
        Rfc3339(schedule.CourseEnd).Should().Be("2027-04-11T00:15:00-04:00");
        Iso(schedule.CourseEndDate).Should().Be("2027-04-11");
        Iso(schedule.ResponseAssessmentDate).Should().Be("2027-05-11");
        Iso(schedule.NextCourseWindow.Dates!).Should().Be("2027-05-23..2027-07-04");
        schedule.Protocol.Should().BeSameAs(protocol);
    }

    // Europe/London: +01:00 until 2027-10-31T01:00Z, then +00:00. One dose a day for 5 days from
    // 2027-10-29T08:00 +01:00 (07:00Z). Elapsed: every 24 h at 07:00Z, which is 07:00 on the clock
    // after the change. Wall clock: 08:00 every day, the third interval lasting 25 h.
    public static TheoryData<DoseTiming, string[]> DailyLondonCycleOneStarts => new()
    {
        {
            DoseTiming.Elapsed,
            [
                "2027-10-29T08:00:00+01:00", "2027-10-30T08:00:00+01:00", "2027-10-31T07:00:00+00:00",
                "2027-11-01T07:00:00+00:00", "2027-11-02T07:00:00+00:00",
            ]
        },
        {
            DoseTiming.WallClock,
            [
                "2027-10-29T08:00:00+01:00", "2027-10-30T08:00:00+01:00", "2027-10-31T08:00:00+00:00",
                "2027-11-01T08:00:00+00:00", "2027-11-02T08:00:00+00:00",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(DailyLondonCycleOneStarts))]
    public void Plan_DailyDosesAcrossFallBack_FollowTheTiming(DoseTiming timing, string[] expectedStarts)
    {
        var protocol = new CourseProtocolBuilder { DosingInterval = Duration.FromHours(24), MaxDosesPerCycle = 5, DoseTiming = timing }.Build();

        var schedule = new CoursePlanner(protocol).Plan(Local("2027-10-29T08:00"), "Europe/London");

        schedule.Cycles[0].Doses.Select(dose => Rfc3339(dose.Start)).Should().Equal(expectedStarts);
        // 07:00Z on 10-29 + 120 h = 07:00Z on 11-03.
        Rfc3339(schedule.Cycles[0].WindowEnd).Should().Be("2027-11-03T07:00:00+00:00");
        Rfc3339(schedule.Cycles[1].Start).Should().Be("2027-11-12T08:00:00+00:00");
        Rfc3339(schedule.CourseEnd).Should().Be("2027-11-16T08:15:00+00:00");
        Iso(schedule.ResponseAssessmentDate).Should().Be("2027-12-14");
        Iso(schedule.NextCourseWindow.Dates!).Should().Be("2027-12-28..2028-02-08");
    }

    // Etc/UTC. One-day cycles with no rest, 3 doses each: cycles on 01-01, 01-02, 01-03 at 08:00;
    // doses at 08:00, 16:00 and 00:00 the next day. The last ends 2027-01-04T00:15.
    [Fact]
    public void Plan_OneDayCyclesWithoutRest_StartEachCycleTheNextDay()
    {
        var protocol = new CourseProtocolBuilder { CycleCount = 3, CycleLengthDays = 1, RestPeriodDays = 0, MaxDosesPerCycle = 3 }.Build();

        var schedule = new CoursePlanner(protocol).Plan(Local("2027-01-01T08:00"), Utc);

        schedule.Doses.Select(dose => Rfc3339(dose.Start)).Should().Equal(
            "2027-01-01T08:00:00+00:00", "2027-01-01T16:00:00+00:00", "2027-01-02T00:00:00+00:00",
            "2027-01-02T08:00:00+00:00", "2027-01-02T16:00:00+00:00", "2027-01-03T00:00:00+00:00",
            "2027-01-03T08:00:00+00:00", "2027-01-03T16:00:00+00:00", "2027-01-04T00:00:00+00:00");
        Iso(schedule.CourseEndDate).Should().Be("2027-01-04");
        Iso(schedule.ResponseAssessmentDate).Should().Be("2027-02-01");
        Iso(schedule.NextCourseWindow.Dates!).Should().Be("2027-02-15..2027-03-29");
    }

    // Etc/UTC. First dose 15:50: cycle 2 starts 2027-01-15T15:50 and its dose 14, 104 h later,
    // is 2027-01-19T23:50 and ends 00:05 on the 20th, so the course end date — the local date the last infusion ends — is 2027-01-20.
    [Fact]
    public void Plan_LastInfusionEndingAfterMidnight_CountsFollowUpFromTheNextDay()
    {
        var schedule = LabelPlanner.Plan(Local("2027-01-01T15:50"), Utc);

        Rfc3339(schedule.Doses[^1].Start).Should().Be("2027-01-19T23:50:00+00:00");
        Rfc3339(schedule.CourseEnd).Should().Be("2027-01-20T00:05:00+00:00");
        Iso(schedule.CourseEndDate).Should().Be("2027-01-20");
        Iso(schedule.ResponseAssessmentDate).Should().Be("2027-02-17");
    }

    // Etc/UTC. Course end date 2027-01-31; one month later is clamped to 2027-02-28.
    [Fact]
    public void Plan_MonthlyImagingFromTheThirtyFirst_FallsOnTheMonthsLastDay()
    {
        var protocol = new CourseProtocolBuilder { ResponseAssessmentDelay = Period.FromMonths(1) }.Build();

        var schedule = new CoursePlanner(protocol).Plan(Local("2027-01-13T08:00"), Utc);

        Iso(schedule.CourseEndDate).Should().Be("2027-01-31");
        Iso(schedule.ResponseAssessmentDate).Should().Be("2027-02-28");
    }

    // A window from 31 days to 1 month is equal from 2000-01-01 (both end on 02-01), but from
    // 2000-01-30 the start is 2000-03-01 (leap year: 2 + 29 days) and the end 2000-02-29, and from
    // 2027-04-15 it would run from 05-16 back to 05-15. Build checks every day of a leap year and
    // a common year, so such a window is rejected before any course is planned.
    [Fact]
    public void Build_WindowInDaysAndMonthsThatInvertsInAShortMonth_IsRejected()
    {
        var builder = new CourseProtocolBuilder { RetreatmentWindowStart = Period.FromDays(31), RetreatmentWindowEnd = Period.FromMonths(1) };

        var act = () => builder.Build();

        act.Should().ThrowExactly<InvalidCourseProtocolException>().WithMessage(
            "Invalid course protocol: RetreatmentWindowEnd must not end before RetreatmentWindowStart (P31D) from any course end date, as it does from 2000-01-30; was P1M; see rule 8 (Next-course window).");
    }
}
