using FluentAssertions;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Planning;

// DoseTiming.StandardTimes: each cycle's first dose at its start, every later dose at the next
// standard time, skipping one less than half the interval (4 h) away. Expected values are worked
// by hand below and were checked with an independent oracle (Python zoneinfo; a standard time
// resolved with fold=0, which moves a skipped time forward by the gap and takes the earlier of
// two repeated instants).
public partial class CoursePlannerTests
{
    private static readonly LocalTime[] HalfPastOne = [new(1, 30), new(9, 30), new(17, 30)];

    private static CourseProtocol StandardTimes(params LocalTime[] times) =>
        new CourseProtocolBuilder
        {
            DoseTiming = DoseTiming.StandardTimes,
            StandardAdministrationTimes = times.Length == 0 ? [new LocalTime(0, 0), new LocalTime(8, 0), new LocalTime(16, 0)] : times,
        }.Build();

    // America/New_York in June: EDT (-04:00) throughout. Order at 13:30: the next standard time,
    // 16:00, is 2.5 h away, less than half of 8 h (4 h), so it is skipped; dose 2 is at 00:00.
    // Then every standard time: 13 more doses to 06-06 00:00 (the 14th). The 120 h window ends
    // 06-06 13:30, so 06-06 08:00 still fits: 15 dose times, cap 14.
    // Cycle 2 starts on day 15 (06-15 13:30) and repeats the pattern.
    [Fact]
    public void Plan_StandardTimes_OrderAt1330_SkipsThe1600Dose()
    {
        var schedule = Plan("2027-06-01T13:30", "America/New_York", StandardTimes());

        schedule.Cycles[0].Doses.Select(dose => Rfc3339(dose.Start)).Should().Equal(
            "2027-06-01T13:30:00-04:00",
            "2027-06-02T00:00:00-04:00", "2027-06-02T08:00:00-04:00", "2027-06-02T16:00:00-04:00",
            "2027-06-03T00:00:00-04:00", "2027-06-03T08:00:00-04:00", "2027-06-03T16:00:00-04:00",
            "2027-06-04T00:00:00-04:00", "2027-06-04T08:00:00-04:00", "2027-06-04T16:00:00-04:00",
            "2027-06-05T00:00:00-04:00", "2027-06-05T08:00:00-04:00", "2027-06-05T16:00:00-04:00",
            "2027-06-06T00:00:00-04:00");
        schedule.Cycles[0].WindowDoseCapacity.Should().Be(15);
        schedule.Cycles[0].BoundBy.Should().Be(CycleBound.Cap);
        Rfc3339(schedule.Cycles[1].Start).Should().Be("2027-06-15T13:30:00-04:00");
        Rfc3339(schedule.Cycles[1].Doses[1].Start).Should().Be("2027-06-16T00:00:00-04:00");
        Rfc3339(schedule.CourseEnd).Should().Be("2027-06-20T00:15:00-04:00");
        schedule.DoseTiming.Should().Be(DoseTiming.StandardTimes);
    }

    // Order at 11:00: 16:00 is 5 h away, not less than 4 h, so it is kept. 14 doses end at
    // 06-05 16:00; 06-06 00:00 and 08:00 are also before the window's end (06-06 11:00), but a
    // window holds at most its 15 eight-hourly slots (CycleWindowRule), so the capacity is 15.
    [Fact]
    public void Plan_StandardTimes_OrderAt1100_KeepsThe1600Dose()
    {
        var schedule = Plan("2027-06-01T11:00", "America/New_York", StandardTimes());

        var starts = schedule.Cycles[0].Doses.Select(dose => Rfc3339(dose.Start)).ToList();
        starts.Take(3).Should().Equal("2027-06-01T11:00:00-04:00", "2027-06-01T16:00:00-04:00", "2027-06-02T00:00:00-04:00");
        starts[^1].Should().Be("2027-06-05T16:00:00-04:00");
        starts.Should().HaveCount(14);
        schedule.Cycles[0].WindowDoseCapacity.Should().Be(15);
    }

    // Exactly half the interval: 12:00 to 16:00 is 4 h, which is not less than 4 h: kept.
    // 12:01 leaves 3 h 59 min: skipped.
    [Theory]
    [InlineData("2027-06-01T12:00", "2027-06-01T16:00:00-04:00")]
    [InlineData("2027-06-01T12:01", "2027-06-02T00:00:00-04:00")]
    [InlineData("2027-06-01T16:00", "2027-06-02T00:00:00-04:00")] // an order on a standard time: the next one, 8 h later
    [InlineData("2027-06-01T15:59", "2027-06-02T00:00:00-04:00")]
    public void Plan_StandardTimes_HalfTheIntervalIsKept(string firstDose, string expectedSecondDose)
    {
        var schedule = Plan(firstDose, "America/New_York", StandardTimes());

        Rfc3339(schedule.Doses[1].Start).Should().Be(expectedSecondDose);
    }

    // America/New_York, spring 2027: at 02:00 EST (-05:00) on 03-14 clocks go to 03:00 EDT (-04:00).
    // Order 03-12 13:30 -05:00: 16:00 skipped (2.5 h); then 00:00, 08:00, 16:00 on 03-13 and 00:00
    // on 03-14 (all -05:00); 08:00 -04:00 on 03-14 is 12:00Z, only 7 h after 00:00 -05:00 (05:00Z).
    [Fact]
    public void Plan_StandardTimes_NewYorkSpring_OneIntervalIsSevenHours()
    {
        var schedule = Plan("2027-03-12T13:30", "America/New_York", StandardTimes());

        schedule.Cycles[0].Doses.Take(7).Select(dose => Rfc3339(dose.Start)).Should().Equal(
            "2027-03-12T13:30:00-05:00", "2027-03-13T00:00:00-05:00", "2027-03-13T08:00:00-05:00",
            "2027-03-13T16:00:00-05:00", "2027-03-14T00:00:00-05:00",
            "2027-03-14T08:00:00-04:00", "2027-03-14T16:00:00-04:00");
        (schedule.Doses[5].Start.ToInstant() - schedule.Doses[4].Start.ToInstant()).Should().Be(Duration.FromHours(7));
    }

    // Same change, standard times 02:00, 10:00, 18:00. 02:00 on 03-14 does not exist: it moves
    // forward by the gap to 03:00 -04:00 (07:00Z), 8 h after 18:00 -05:00 (23:00Z on 03-13).
    // 10:00 -04:00 (14:00Z) is then 7 h later.
    [Fact]
    public void Plan_StandardTimes_NewYorkSpring_AStandardTimeInTheGapMovesForward()
    {
        var schedule = Plan("2027-03-12T18:00", "America/New_York", StandardTimes(new(2, 0), new(10, 0), new(18, 0)));

        schedule.Cycles[0].Doses.Take(6).Select(dose => Rfc3339(dose.Start)).Should().Equal(
            "2027-03-12T18:00:00-05:00", "2027-03-13T02:00:00-05:00", "2027-03-13T10:00:00-05:00",
            "2027-03-13T18:00:00-05:00", "2027-03-14T03:00:00-04:00", "2027-03-14T10:00:00-04:00");
    }

    // America/New_York, autumn 2027: at 02:00 EDT (-04:00) on 11-07 clocks go back to 01:00 EST
    // (-05:00); 01:00-01:59 happens twice. Standard times 01:30, 09:30, 17:30: 01:30 on 11-07 takes
    // the earlier instant, -04:00 (05:30Z); 09:30 -05:00 (14:30Z) is 9 h later.
    [Fact]
    public void Plan_StandardTimes_NewYorkAutumn_AStandardTimeInTheOverlapTakesTheEarlierInstant()
    {
        var schedule = Plan("2027-11-05T17:30", "America/New_York", StandardTimes(HalfPastOne));

        schedule.Cycles[0].Doses.Take(7).Select(dose => Rfc3339(dose.Start)).Should().Equal(
            "2027-11-05T17:30:00-04:00", "2027-11-06T01:30:00-04:00", "2027-11-06T09:30:00-04:00",
            "2027-11-06T17:30:00-04:00", "2027-11-07T01:30:00-04:00", "2027-11-07T09:30:00-05:00",
            "2027-11-07T17:30:00-05:00");
        (schedule.Doses[5].Start.ToInstant() - schedule.Doses[4].Start.ToInstant()).Should().Be(Duration.FromHours(9));
    }

    // Europe/London, spring 2027: at 01:00 GMT (+00:00) on 03-28 clocks go to 02:00 BST (+01:00).
    // Default times: 00:00 +00:00 (00:00Z) then 08:00 +01:00 (07:00Z): 7 h. The 120 h window from
    // 16:00Z on 03-26 ends 16:00Z on 03-31 = 17:00 +01:00; 16 dose times fall before it, and the first 15 are the cycle's (CycleWindowRule).
    // Autumn: at 02:00 BST on 10-31 clocks go back to 01:00 GMT. 00:00 +01:00 (23:00Z on 10-30)
    // then 08:00 +00:00 (08:00Z): 9 h.
    [Theory]
    [InlineData("2027-03-26T16:00", "2027-03-28T00:00:00+00:00", "2027-03-28T08:00:00+01:00", 7)]
    [InlineData("2027-10-29T16:00", "2027-10-31T00:00:00+01:00", "2027-10-31T08:00:00+00:00", 9)]
    public void Plan_StandardTimes_LondonChanges_OneIntervalIsSevenOrNineHours(string firstDose, string before, string after, int hours)
    {
        var schedule = Plan(firstDose, "Europe/London", StandardTimes());

        Rfc3339(schedule.Doses[4].Start).Should().Be(before);
        Rfc3339(schedule.Doses[5].Start).Should().Be(after);
        (schedule.Doses[5].Start.ToInstant() - schedule.Doses[4].Start.ToInstant()).Should().Be(Duration.FromHours(hours));
    }

    // Europe/London with 01:30, 09:30, 17:30. Spring: 01:30 on 03-28 does not exist (01:00-02:00
    // is skipped) and moves forward by the gap to 02:30 +01:00. Autumn: 01:30 on 10-31 happens
    // twice; the earlier instant is +01:00 (00:30Z), and 09:30 +00:00 is 9 h after it.
    [Theory]
    [InlineData("2027-03-26T17:30", "2027-03-28T02:30:00+01:00", "2027-03-28T09:30:00+01:00")]
    [InlineData("2027-10-29T17:30", "2027-10-31T01:30:00+01:00", "2027-10-31T09:30:00+00:00")]
    public void Plan_StandardTimes_LondonGapAndOverlap(string firstDose, string fifth, string sixth)
    {
        var schedule = Plan(firstDose, "Europe/London", StandardTimes(HalfPastOne));

        Rfc3339(schedule.Doses[4].Start).Should().Be(fifth);
        Rfc3339(schedule.Doses[5].Start).Should().Be(sixth);
    }

    // Cycle 2 is a new order too: it starts at its nominal start (day 15 at the requested clock
    // time) even though that is not a standard time, and applies the 50% rule again.
    [Fact]
    public void Plan_StandardTimes_EachCycleStartsAtItsNominalStart()
    {
        var schedule = Plan("2027-06-01T13:30", "America/New_York", StandardTimes());

        schedule.Cycles.Select(cycle => Rfc3339(cycle.Doses[0].Start)).Should().Equal(
            "2027-06-01T13:30:00-04:00", "2027-06-15T13:30:00-04:00");
        schedule.Doses.Should().HaveCount(28);
    }
}
