using FluentAssertions;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Schedules;

/// <summary>
/// Tests of <see cref="NextCourseWindow"/>. Worked example: course end date 2027-03-28, window
/// 2027-05-09 (+6 weeks) to 2027-06-20 (+12 weeks), both inclusive; discharge + 7 weeks moves the start.
/// </summary>
public class NextCourseWindowTests
{
    private static CourseSchedule WorkedExample() =>
        new CoursePlanner().Plan(Local("2027-03-10T08:00"), DateTimeZoneProviders.Tzdb["America/New_York"]);

    [Fact]
    public void WithoutDischarge_IsTheSixToTwelveWeekWindow()
    {
        var window = WorkedExample().NextCourseWindow;

        Iso(window.Dates!).Should().Be("2027-05-09..2027-06-20");
        Iso(window.ByCourseEnd).Should().Be("2027-05-09..2027-06-20");
        window.IsEmpty.Should().BeFalse();
        window.DischargeDate.Should().BeNull();
        window.EarliestAfterDischarge.Should().BeNull();
        window.Note.Should().BeNull();
    }

    [Fact]
    public void ToString_IsBothInclusiveDates()
    {
        WorkedExample().NextCourseWindow.ToString().Should().Be("2027-05-09 to 2027-06-20");
        WorkedExample().WithDischargeDate(Date("2027-03-31")).NextCourseWindow.ToString().Should().Be("2027-05-19 to 2027-06-20");
    }

    // Documented: "empty: " and the reason — said once, not "empty: Empty: ...".
    [Fact]
    public void ToString_EmptyWindow_SaysEmptyOnceThenTheReason()
    {
        var window = WorkedExample().WithDischargeDate(Date("2027-05-10")).NextCourseWindow;

        window.ToString().Should().Be(
            "Empty: the next course starts at least 7 weeks after discharge on 2027-05-10, so not before 2027-06-28, which is after the window's end 2027-06-20 (12 weeks after the course end date 2027-03-28).");
    }

    [Fact]
    public void Equals_SameWindowFromTwoPlans_IsEqualWithTheSameHashCode()
    {
        var first = WorkedExample().WithDischargeDate(Date("2027-03-31")).NextCourseWindow;
        var second = WorkedExample().WithDischargeDate(Date("2027-03-31")).NextCourseWindow;

        first.Should().NotBeSameAs(second);
        first.Equals(second).Should().BeTrue();
        first.Equals((object)second).Should().BeTrue();
        (first == second).Should().BeTrue();
        (first != second).Should().BeFalse();
        first.GetHashCode().Should().Be(second.GetHashCode());
    }

    [Fact]
    public void Equals_EmptyWindowsForTheSameDischarge_AreEqual()
    {
        var first = WorkedExample().WithDischargeDate(Date("2027-05-10")).NextCourseWindow;
        var second = WorkedExample().WithDischargeDate(Date("2027-05-10")).NextCourseWindow;

        (first == second).Should().BeTrue();
        first.GetHashCode().Should().Be(second.GetHashCode());
    }

    [Fact]
    public void Equals_SameDatesButADischargeDate_IsFalse()
    {
        // A 5-week minimum after a discharge on the course end date (2027-03-28) gives 2027-05-02,
        // before the window's start 2027-05-09, so the dates stay as they were.
        var fiveWeeks = new CoursePlanner(new CourseProtocolBuilder { MinimumIntervalAfterDischarge = Period.FromWeeks(5) }.Build())
            .Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York");
        var plain = fiveWeeks.NextCourseWindow;
        var withEarlyDischarge = fiveWeeks.WithDischargeDate(Date("2027-03-28")).NextCourseWindow;

        Iso(withEarlyDischarge.Dates!).Should().Be(Iso(plain.Dates!));
        (plain == withEarlyDischarge).Should().BeFalse();
        (plain != withEarlyDischarge).Should().BeTrue();
    }

    [Fact]
    public void Equals_NullOrAnotherType_IsFalseAndTwoNullsAreEqual()
    {
        var window = WorkedExample().NextCourseWindow;
        NextCourseWindow? none = null;

        window.Equals(none).Should().BeFalse();
        window.Equals((object)"window").Should().BeFalse();
        (window == none).Should().BeFalse();
        (none == window).Should().BeFalse();
        (none == null).Should().BeTrue();
    }
}
