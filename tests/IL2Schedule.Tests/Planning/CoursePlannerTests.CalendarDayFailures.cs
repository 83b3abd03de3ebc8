using FluentAssertions;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Planning;

public partial class CoursePlannerTests
{
    // Pacific/Apia skips 2011-12-30 entirely: 2011-12-29T23:59:59 -10:00 is followed by
    // 2011-12-31T00:00 +14:00 (both 2011-12-30T10:00Z; Python zoneinfo). One-day cycles counted in
    // calendar days, one day of rest: cycle 1 on 12-28 (08:00 and 16:00 -10:00; 12-29 00:00 is day 2),
    // cycle 2 nominally 12-30 08:00, skipped, moved forward by the 24-hour gap to 12-31 08:00 +14:00
    // (12-30 18:00Z), after its one calendar day (12-30, which the zone skips) ends at the start of
    // 12-31, 00:00 +14:00 (12-30 10:00Z): the cycle holds no dose time.
    internal static readonly CourseProtocol OneCalendarDay = new CourseProtocolBuilder(CourseProtocol.Label)
    {
        CycleLengthDays = 1,
        RestPeriodDays = 1,
        MaxDosesPerCycle = 3,
        CycleWindowCounting = CycleWindowCounting.CalendarDays,
    }.Build();

    internal const string MissedCalendarDays =
        "Cycle 2 would start at 2011-12-31T08:00:00+14:00, after its calendar days end at 2011-12-31T00:00:00+14:00: "
        + "Pacific/Apia skips the local time 2011-12-30T08:00; see rule 12 (Calendar-day cycle windows); use CycleWindowCounting.Elapsed or another first-dose time. (Parameter 'firstDose')";

    [Fact]
    public void Plan_CalendarDaysACycleStartSkipsPast_ThrowsCycleMissesItsCalendarDays()
    {
        var act = () => new CoursePlanner(OneCalendarDay).Plan(Local("2011-12-28T08:00"), "Pacific/Apia");

        var thrown = act.Should().ThrowExactly<CoursePlanningException>().Which;
        (thrown.Reason, thrown.Cycle, thrown.DoseInCycle).Should().Be((CoursePlanningFailure.CycleMissesItsCalendarDays, 2, (int?)null));
        thrown.At.ToInstant().Should().Be(Instant.FromUtc(2011, 12, 30, 18, 0));
        thrown.Message.Should().Be(MissedCalendarDays);
        thrown.Problem.Should().Be(MissedCalendarDays[..MissedCalendarDays.IndexOf("; use", StringComparison.Ordinal)]);
    }
}
