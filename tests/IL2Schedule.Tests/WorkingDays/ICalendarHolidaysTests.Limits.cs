using FluentAssertions;
using IL2Schedule.ICalendar;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.WorkingDays;

/// <summary>Closures that cannot be read are rejected with an ArgumentException, never a hang or an overflow.</summary>
public partial class ICalendarHolidaysTests
{
    [Theory]
    [InlineData("SECONDLY")]
    [InlineData("MINUTELY")]
    [InlineData("HOURLY")]
    public void Read_RuleRepeatingMoreOftenThanDaily_IsRejected(string frequency)
    {
        var act = () => ICalendarHolidays.Read(Calendar($"SUMMARY:Drill\nDTSTART;VALUE=DATE:20270105\nRRULE:FREQ={frequency}"), Year2027);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().StartWith(
            $"icsText must repeat all-day closures at most daily; event 'Drill' repeats {frequency}");
    }

    // The range ends on the last date NodaTime can represent: the search must not step past it.
    [Fact]
    public void Read_RangeEndingOn99991231_ReadsTheClosures()
    {
        var lastDays = new DateInterval(Date("9999-12-01"), Date("9999-12-31"));

        var dates = ICalendarHolidays.Read(Calendar("SUMMARY:Closure\nDTSTART;VALUE=DATE:99991224"), lastDays);

        dates.Select(Iso).Should().Equal("9999-12-24");
    }
}
