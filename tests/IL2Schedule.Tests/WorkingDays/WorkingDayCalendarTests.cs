using FluentAssertions;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.WorkingDays;

public class WorkingDayCalendarTests
{
    // 2027-04-24 is a Saturday: Friday 04-23 is one day back, Monday 04-26 two days on.
    [Theory]
    [InlineData(NonWorkingDayShift.Next, "2027-04-26")]
    [InlineData(NonWorkingDayShift.Previous, "2027-04-23")]
    [InlineData(NonWorkingDayShift.Nearest, "2027-04-23")]
    [InlineData(NonWorkingDayShift.None, "2027-04-24")]
    public void Shift_Saturday(NonWorkingDayShift shift, string expected)
    {
        Iso(WorkingDayCalendar.SaturdaySunday.Shift(Date("2027-04-24"), shift)).Should().Be(expected);
    }

    // Sunday 2027-04-25: Monday is one day on, Friday two back.
    [Fact]
    public void Shift_Sunday_NearestIsMonday()
    {
        Iso(WorkingDayCalendar.SaturdaySunday.Shift(Date("2027-04-25"), NonWorkingDayShift.Nearest)).Should().Be("2027-04-26");
    }

    // A holiday Wednesday 2027-06-02: Tuesday and Thursday are equally near; the later one wins.
    [Fact]
    public void Shift_NearestOnATie_TakesTheLaterDay()
    {
        var calendar = WorkingDayCalendar.SaturdaySunday.WithHolidays([Date("2027-06-02")]);

        Iso(calendar.Shift(Date("2027-06-02"), NonWorkingDayShift.Nearest)).Should().Be("2027-06-03");
    }

    [Fact]
    public void Shift_AWorkingDay_IsKept()
    {
        Iso(WorkingDayCalendar.SaturdaySunday.Shift(Date("2027-04-26"), NonWorkingDayShift.Previous)).Should().Be("2027-04-26");
    }

    // A Friday-Saturday weekend: Saturday 04-24 moves to Sunday 04-25.
    [Fact]
    public void Shift_ConfigurableWeekend()
    {
        var calendar = new WorkingDayCalendar([IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], []);

        Iso(calendar.Shift(Date("2027-04-24"), NonWorkingDayShift.Next)).Should().Be("2027-04-25");
        calendar.IsWorkingDay(Date("2027-04-25")).Should().BeTrue();
        calendar.IsWorkingDay(Date("2027-04-23")).Should().BeFalse();
    }

    [Fact]
    public void Constructor_SortsAndDeduplicates()
    {
        var calendar = new WorkingDayCalendar(
            [IsoDayOfWeek.Sunday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday],
            [Date("2027-12-28"), Date("2027-12-27"), Date("2027-12-28")]);

        calendar.WeekendDays.Should().Equal(IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday);
        calendar.Holidays.Select(Iso).Should().Equal("2027-12-27", "2027-12-28");
        calendar.Should().Be(WorkingDayCalendar.SaturdaySunday.WithHolidays([Date("2027-12-27"), Date("2027-12-28")]));
        calendar.ToString().Should().Be("weekend Saturday, Sunday; 2 holidays from 2027-12-27 to 2027-12-28");
    }

    [Fact]
    public void Constructor_AllSevenDays_Throws()
    {
        var act = () => new WorkingDayCalendar(Enumerable.Range(1, 7).Select(day => (IsoDayOfWeek)day), []);

        act.Should().ThrowExactly<ArgumentException>().WithMessage("weekendDays must leave at least one working day a week; was all seven days*");
    }

    [Fact]
    public void Constructor_NoneAsADay_Throws()
    {
        var act = () => new WorkingDayCalendar([IsoDayOfWeek.None], []);

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().WithMessage("weekendDays must hold only Monday to Sunday; was None*");
    }

    [Fact]
    public void Constructor_HolidayInAnotherCalendar_Throws()
    {
        var julian = new LocalDate(2027, 12, 25, CalendarSystem.Julian);

        var act = () => new WorkingDayCalendar([], [julian]);

        act.Should().ThrowExactly<ArgumentException>().WithMessage("holidays must be in the ISO calendar; was 2027-12-25 in the Julian calendar*");
    }

    [Fact]
    public void Constructor_Nulls_Throw()
    {
        FluentActions.Invoking(() => new WorkingDayCalendar(null!, [])).Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("weekendDays");
        FluentActions.Invoking(() => new WorkingDayCalendar([], null!)).Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("holidays");
    }

    [Fact]
    public void Shift_UndefinedValue_Throws()
    {
        var act = () => WorkingDayCalendar.SaturdaySunday.Shift(Date("2027-04-24"), (NonWorkingDayShift)9);

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().WithMessage("shift must be one of Next, Previous, Nearest, None; was 9*");
    }

    [Fact]
    public void ParseHolidayText_Null_Throws()
    {
        var act = () => WorkingDayCalendar.ParseHolidayText(null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("text");
    }

    [Fact]
    public void ToString_NoWeekendAndOneHoliday_IsSingular()
    {
        new WorkingDayCalendar([], [Date("2027-12-25")]).ToString().Should().Be("weekend none; 1 holiday from 2027-12-25 to 2027-12-25");
        new WorkingDayCalendar([IsoDayOfWeek.Friday], []).ToString().Should().Be("weekend Friday; no holidays");
    }

    // Equal calendars (the same weekend days and holidays, however given) have equal hash codes,
    // with holidays and without; a calendar differing in one holiday or one weekend day is unequal.
    [Fact]
    public void Equality_ComparesWeekendDaysAndHolidays()
    {
        var christmas = new WorkingDayCalendar([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], [Date("2027-12-25")]);
        var christmasAgain = WorkingDayCalendar.SaturdaySunday.WithHolidays([Date("2027-12-25")]);
        var noHolidays = new WorkingDayCalendar([IsoDayOfWeek.Sunday, IsoDayOfWeek.Saturday], []);

        christmas.GetHashCode().Should().Be(christmasAgain.GetHashCode());
        noHolidays.GetHashCode().Should().Be(WorkingDayCalendar.SaturdaySunday.GetHashCode());
        (christmas == christmasAgain).Should().BeTrue();
        (christmas != christmasAgain).Should().BeFalse();
        (noHolidays != WorkingDayCalendar.SaturdaySunday).Should().BeFalse();
        (christmas != WorkingDayCalendar.SaturdaySunday.WithHolidays([Date("2027-12-24")])).Should().BeTrue();
        (christmas != new WorkingDayCalendar([IsoDayOfWeek.Sunday], [Date("2027-12-25")])).Should().BeTrue();
        (christmas != null).Should().BeTrue();
        ((WorkingDayCalendar?)null != null).Should().BeFalse();
    }
}
