using FluentAssertions;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Planning;

public partial class CoursePlannerTests
{
    // The README's worked example, worked by hand.
    // America/New_York: 2027-03-14 02:00 EST (-05:00) -> 03:00 EDT (-04:00).
    // Elapsed timing, label protocol: 14 doses every 8 h from 2027-03-10 08:00 -05:00.
    [Fact]
    public void WorkedExample_NewYorkSpringForward_MatchesHandWorkedTimeline()
    {
        var schedule = new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), NewYork);

        string[] expectedStarts =
        [
            // Cycle 1: before the change, EST -05:00.
            "2027-03-10T08:00:00-05:00", "2027-03-10T16:00:00-05:00", "2027-03-11T00:00:00-05:00",
            "2027-03-11T08:00:00-05:00", "2027-03-11T16:00:00-05:00", "2027-03-12T00:00:00-05:00",
            "2027-03-12T08:00:00-05:00", "2027-03-12T16:00:00-05:00", "2027-03-13T00:00:00-05:00",
            "2027-03-13T08:00:00-05:00", "2027-03-13T16:00:00-05:00", "2027-03-14T00:00:00-05:00",
            // 8 h after 00:00 EST is 08:00 EST = 09:00 EDT -04:00.
            "2027-03-14T09:00:00-04:00", "2027-03-14T17:00:00-04:00",
            // Cycle 2: day 15 at 08:00 local, EDT -04:00.
            "2027-03-24T08:00:00-04:00", "2027-03-24T16:00:00-04:00", "2027-03-25T00:00:00-04:00",
            "2027-03-25T08:00:00-04:00", "2027-03-25T16:00:00-04:00", "2027-03-26T00:00:00-04:00",
            "2027-03-26T08:00:00-04:00", "2027-03-26T16:00:00-04:00", "2027-03-27T00:00:00-04:00",
            "2027-03-27T08:00:00-04:00", "2027-03-27T16:00:00-04:00", "2027-03-28T00:00:00-04:00",
            "2027-03-28T08:00:00-04:00", "2027-03-28T16:00:00-04:00",
        ];

        schedule.Doses.Select(dose => Rfc3339(dose.Start)).Should().Equal(expectedStarts);
        schedule.Doses.Select(dose => dose.Number).Should().Equal(Enumerable.Range(1, 28));
        schedule.Doses.Select(dose => dose.CycleNumber).Should().Equal(Enumerable.Repeat(1, 14).Concat(Enumerable.Repeat(2, 14)));
        schedule.Doses.Select(dose => dose.NumberInCycle).Should().Equal(Enumerable.Range(1, 14).Concat(Enumerable.Range(1, 14)));
        schedule.Cycles.Select(cycle => Rfc3339(cycle.Start)).Should().Equal("2027-03-10T08:00:00-05:00", "2027-03-24T08:00:00-04:00");
        // 120 elapsed hours after 08:00 -05:00 is 08:00 -05:00 on 03-15, i.e. 09:00 -04:00.
        schedule.Cycles.Select(cycle => Rfc3339(cycle.WindowEnd)).Should().Equal("2027-03-15T09:00:00-04:00", "2027-03-29T08:00:00-04:00");
        Rfc3339(schedule.CourseEnd).Should().Be("2027-03-28T16:15:00-04:00");
        schedule.CourseEndDate.Should().Be(new LocalDate(2027, 3, 28));
        schedule.ResponseAssessmentDate.Should().Be(new LocalDate(2027, 4, 25));
        (schedule.NextCourseWindow.Dates == new DateInterval(new LocalDate(2027, 5, 9), new LocalDate(2027, 6, 20))).Should().BeTrue();
        schedule.NextCourseWindow.Note.Should().BeNull();
        schedule.ZoneId.Should().Be("America/New_York");
        schedule.DoseTiming.Should().Be(DoseTiming.Elapsed);
    }
}
