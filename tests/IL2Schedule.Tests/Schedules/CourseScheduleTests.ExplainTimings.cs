using FluentAssertions;
using NodaTime;
using NodaTime.TimeZones;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Schedules;

/// <content>
/// <see cref="CourseSchedule.Explain"/> for each dose timing, the calendar-day window and every
/// cycle-start resolution, in America/New_York: EST (-05:00) until 2027-03-14 02:00, then EDT
/// (-04:00); EDT until 2027-11-07 02:00, then EST (01:00-01:59 happens twice).
/// </content>
public partial class CourseScheduleTests
{
    // Elapsed (the worked example): dose 2 is 480 min after dose 1 at 08:00 -05:00 (13:00Z), 16:00 -05:00.
    [Fact]
    public void Explain_ElapsedDose_NamesThePreviousDoseAndTheInterval()
    {
        var explained = WorkedExample().Explain();

        var dose1 = Find(explained, "dose 1 start");
        Shape(dose1).Should().Be(("2027-03-10T08:00:00-05:00", 3, "Label §2.1 (\"every 8 hours\"); EHR practice differs (domain notes)"));
        Inputs(dose1).Should().Equal("cycle=1", "cycle start=2027-03-10T08:00:00-05:00");
        dose1.Note.Should().Be("the cycle's first dose is given at its start");
        var dose2 = Find(explained, "dose 2 start");
        dose2.Value.Should().Be("2027-03-10T16:00:00-05:00");
        Inputs(dose2).Should().Equal("previous dose start=2027-03-10T08:00:00-05:00", "timing=elapsed", "interval=480 min");
        dose2.Note.Should().BeNull();
        Inputs(Find(explained, "dose 15 start")).Should().Equal("cycle=2", "cycle start=2027-03-24T08:00:00-04:00");
        Inputs(Find(explained, "dose 13 end")).Should().Equal("start=2027-03-14T09:00:00-04:00", "infusion=15 min");
        Inputs(Find(explained, "cycle 1 window end")).Should().Equal("cycle start=2027-03-10T08:00:00-05:00", "cycle length=5 days", "counted as=elapsed hours from the cycle start");
        Find(explained, "cycle 1 window end").Note.Should().Be("exclusive");
        Inputs(Find(explained, "course end")).Should().Equal("dose 28 end=2027-03-28T16:15:00-04:00");
        Inputs(Find(explained, "course end date")).Should().Equal("course end=2027-03-28T16:15:00-04:00", "zone=America/New_York");
        Inputs(Find(explained, "imaging date by the protocol")).Should().Equal("course end date=2027-03-28", "delay=4 weeks");
        Inputs(Find(explained, "next-course window start by the course end")).Should().Equal("course end date=2027-03-28", "after it=6 weeks");
        Inputs(Find(explained, "next-course window end")).Should().Equal("course end date=2027-03-28", "after it=12 weeks");
        Find(explained, "next-course window end").Note.Should().Be("inclusive");
        Inputs(Find(explained, "next-course window")).Should().Equal("the window by the course end alone=2027-05-09/2027-06-20");
        Shape(Find(explained, "cycle 1 start")).Value.Should().Be("2027-03-10T08:00:00-05:00");
        Inputs(Find(explained, "cycle 1 start")).Should().Equal("requested first dose=2027-03-10T08:00:00", "zone=America/New_York");
        Find(explained, "cycle 1 start").Note.Should().BeNull();
    }

    // Wall clock: dose 12 at 03-14 00:00 -05:00 (05:00Z); dose 13 keeps 08:00, now -04:00 (12:00Z):
    // 7 h = 420 min elapsed; its clock time is 12 × 480 min = 5,760 min after the nominal start.
    [Fact]
    public void Explain_WallClockDose_NamesTheClockTimeAndAShortInterval()
    {
        var explained = new CoursePlanner(CourseProtocol.Label.WithDoseTiming(DoseTiming.WallClock)).Plan(Local("2027-03-10T08:00"), NewYork).Explain();

        var dose13 = Find(explained, "dose 13 start");
        Shape(dose13).Should().Be(("2027-03-14T08:00:00-04:00", 3, "Label §2.1 (\"every 8 hours\"); EHR practice differs (domain notes)"));
        Inputs(dose13).Should().Equal("nominal cycle start=2027-03-10T08:00:00", "timing=wall-clock", "clock time after it=5760 min");
        dose13.Note.Should().Be("420 min elapsed since the previous dose, across a clock change");
        var dose12 = Find(explained, "dose 12 start");
        dose12.Value.Should().Be("2027-03-14T00:00:00-05:00");
        Inputs(dose12).Should().Equal("nominal cycle start=2027-03-10T08:00:00", "timing=wall-clock", "clock time after it=5280 min");
        dose12.Note.Should().BeNull();
    }

    // Standard times 00:00, 08:00, 16:00: after dose 12 at 03-14 00:00 -05:00 (05:00Z) the next
    // standard time is 08:00 -04:00 (12:00Z), 420 min on, not less than half the 480-min interval.
    [Fact]
    public void Explain_StandardTimesDose_NamesTheTimesAndHalfTheInterval()
    {
        var explained = new CoursePlanner(CourseProtocol.Label.WithDoseTiming(DoseTiming.StandardTimes)).Plan(Local("2027-03-10T08:00"), NewYork).Explain();

        var dose13 = Find(explained, "dose 13 start");
        Shape(dose13).Should().Be(("2027-03-14T08:00:00-04:00", 11, "HemOnc.org orders; pharmacy \"50% rule\" (Mass General Brigham order entry)"));
        Inputs(dose13).Should().Equal(
            "previous dose start=2027-03-14T00:00:00-05:00", "standard times=00:00,08:00,16:00", "half the interval=240 min", "elapsed since the previous dose=420 min");
        dose13.Note.Should().BeNull();
        Shape(Find(explained, "dose 1 start")).Should().Be(("2027-03-10T08:00:00-05:00", 11, "HemOnc.org orders; pharmacy \"50% rule\" (Mass General Brigham order entry)"));
    }

    // Calendar days from 2027-03-10 16:00 -05:00 (21:00Z): days 1-5 end at 03-15 00:00 -04:00
    // (04:00Z). Elapsed doses: 16:00, then 00:00/08:00/16:00 on 03-11 to 03-13 (10 doses), dose 11
    // at 03-14 00:00 -05:00, dose 12 at 09:00 -04:00, dose 13 at 17:00 -04:00; a 14th would be
    // 03-15 01:00 -04:00, after the window: 13 dose times, bound by the window.
    [Fact]
    public void Explain_CalendarDayWindow_IsRule12AndBoundByTheWindow()
    {
        var calendarDays = new CourseProtocolBuilder(CourseProtocol.Label) { CycleWindowCounting = CycleWindowCounting.CalendarDays }.Build();
        var explained = new CoursePlanner(calendarDays).Plan(Local("2027-03-10T16:00"), NewYork).Explain();

        var windowEnd = Find(explained, "cycle 1 window end");
        Shape(windowEnd).Should().Be(("2027-03-15T00:00:00-04:00", 12, "Label Table 1 (\"days 1–5\"); domain notes"));
        Inputs(windowEnd).Should().Equal("cycle start=2027-03-10T16:00:00-05:00", "cycle length=5 days", "counted as=calendar days");
        var planned = Find(explained, "cycle 1 doses planned");
        Shape(planned).Should().Be(("13", 12, "Label Table 1 (\"days 1–5\"); domain notes"));
        Inputs(planned).Should().Equal("dose cap=14", "dose times in the window=13");
        planned.Note.Should().Be("bound by the window");
        Find(explained, "dose 13 start").Value.Should().Be("2027-03-14T17:00:00-04:00");
    }

    // A cycle length of one day: "1 day", not "1 days"; two days between cycle starts: "2 days".
    [Fact]
    public void Explain_OneDayCycle_SaysOneDay()
    {
        var oneDay = new CourseProtocolBuilder(CourseProtocol.Label) { CycleLengthDays = 1, RestPeriodDays = 1, MaxDosesPerCycle = 3 }.Build();
        var explained = new CoursePlanner(oneDay).Plan(Local("2027-06-01T08:00"), NewYork).Explain();

        Inputs(Find(explained, "cycle 1 window end")).Should().Contain("cycle length=1 day");
        Inputs(Find(explained, "cycle 2 start")).Should().Contain("days after it=2 days");
    }

    // 2027-11-07 01:30 happens at -04:00 (05:30Z) and again at -05:00 (06:30Z).
    [Fact]
    public void Explain_CycleStartsInAnOverlap_SayWhichInstantWasTaken()
    {
        var laterCycle = new CoursePlanner().Plan(Local("2027-10-24T01:30"), NewYork).Explain();
        var later = Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnForwardShifted);
        var firstLater = new CoursePlanner().Plan(Local("2027-11-07T01:30"), NewYork, later).Explain();

        var cycle2 = Find(laterCycle, "cycle 2 start");
        cycle2.Value.Should().Be("2027-11-07T01:30:00-04:00");
        cycle2.Note.Should().Be("2027-11-07T01:30:00 happens twice in the zone (an overlap); the earlier instant is taken");
        var cycle1 = Find(firstLater, "cycle 1 start");
        cycle1.Value.Should().Be("2027-11-07T01:30:00-05:00");
        cycle1.Note.Should().Be("2027-11-07T01:30:00 happens twice in the zone (an overlap); the later instant, as the first dose was given");
    }

    // 2027-03-14 02:30 is skipped: lenient moves it forward by the hour's gap to 03:30 -04:00; the
    // start of the interval after the gap is 03:00 -04:00.
    [Fact]
    public void Explain_FirstDoseInAGap_SaysHowTheResolverPlacedIt()
    {
        var afterGap = Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);
        var shifted = Find(new CoursePlanner().Plan(Local("2027-03-14T02:30"), NewYork, Resolvers.LenientResolver).Explain(), "cycle 1 start");
        var other = Find(new CoursePlanner().Plan(Local("2027-03-14T02:30"), NewYork, afterGap).Explain(), "cycle 1 start");

        shifted.Value.Should().Be("2027-03-14T03:30:00-04:00");
        shifted.Note.Should().Be("2027-03-14T02:30:00 is skipped by the zone (a gap); moved forward by the gap's length");
        Inputs(shifted).Should().Equal("requested first dose=2027-03-14T02:30:00", "zone=America/New_York");
        other.Value.Should().Be("2027-03-14T03:00:00-04:00");
        other.Note.Should().Be("2027-03-14T02:30:00 is skipped by the zone (a gap); the first dose's resolver chose this instant");
    }
}
