using FluentAssertions;
using IL2Schedule.Records;
using static IL2Schedule.Tests.Records.ReplannedExplanationTests;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

/// <summary>
/// The explanation of a complete course and of ended windows, and the invariant texts of
/// <see cref="CourseStatus"/>, <see cref="ReplannedSchedule"/>, <see cref="ReplannedCycle"/> and
/// <see cref="SupersededEvent"/>, compared whole.
/// </summary>
/// <remarks>
/// The worked example (2027-03-10 08:00 America/New_York; EST -05:00 until 2027-03-14 02:00, then
/// EDT -04:00). Times are worked by hand and checked with Python zoneinfo: cycle 1's slots are due
/// every 8 h from 08:00 -05:00; its elapsed window closes 120 h later, 2027-03-15 09:00 -04:00;
/// cycle 2's slot 1 is due on day 15, 2027-03-24 08:00 -04:00.
/// </remarks>
public class ReplannedTextTests
{
    private static DoseGiven Given(string id, int cycle, int slot, string start) => new(id, cycle, slot, At(start), null);

    /// <summary>
    /// Calendar-day windows and stopped infusions counted as held: slot 1 given 08:00 -05:00, slot 2
    /// started 16:00 and stopped 16:04 -05:00, the course stopped at 20:00 -05:00.
    /// </summary>
    private static CourseRecord StoppedCourse()
    {
        var protocol = new CourseProtocolBuilder(CourseProtocol.Label)
        {
            CycleWindowCounting = CycleWindowCounting.CalendarDays,
            StoppedInfusionCounting = StoppedInfusionCounting.CountsAsHeld,
        }.Build();
        return Plan(protocol).ApplyAll(
        [
            Given("b1", 1, 1, "2027-03-10T08:00:00-05:00"),
            new DoseStopped("b2", 1, 2, At("2027-03-10T16:00:00-05:00"), At("2027-03-10T16:04:00-05:00"), "rigors"),
            new CourseStopped("x", At("2027-03-10T20:00:00-05:00"), "capillary leak"),
        ]);
    }

    [Fact]
    public void Explain_CompleteCourse_EndsWithTheLastDoseThatRan_AndCalendarDayWindowsCiteRule12()
    {
        var derivations = StoppedCourse().Schedule.Explain();

        // Days 1-5 are 03-10 to 03-14: the window closes at local midnight starting 03-15, after the change, -04:00.
        Explained(derivations, "cycle 1 window end").Should().Be(
            "cycle 1 window end = 2027-03-15T00:00:00-04:00 by planning 12 from window opens 2027-03-10T08:00:00-05:00, cycle length 5 days; exclusive");
        Explained(derivations, "cycle 2 window end").Should().Be(
            "cycle 2 window end = 2027-03-29T00:00:00-04:00 by planning 12 from window opens 2027-03-24T08:00:00-04:00, cycle length 5 days; exclusive");
        Explained(derivations, "cycle 1 slot 2 status").Should().Be(
            "cycle 1 slot 2 status = stopped by re-planning 2 from event b2, stopped-infusion counting CountsAsHeld; "
            + "stopped: started 2027-03-10T16:00:00-05:00, stopped 2027-03-10T16:04:00-05:00 (rigors); counts towards the cap as a held dose");
        Explained(derivations, "cycle 1 end").Should().Be(
            "cycle 1 end = CourseStopped by re-planning 2 from doses given 1, doses held 0, doses stopped 1, dose cap 14, held-dose policy UseReserveSlots, stopped-infusion counting CountsAsHeld");
        // The course ends when the stopped infusion did, 16:04 -05:00; 2027-03-10 + 4 weeks = 04-07, + 6 weeks = 04-21, + 12 weeks = 06-02.
        string[] expected =
        [
            "course end = 2027-03-10T16:04:00-05:00 by re-planning 4 from course complete yes; the end of the last given dose",
            "course end date = 2027-03-10 by planning 6 from course end 2027-03-10T16:04:00-05:00, zone America/New_York",
            "imaging date by the protocol = 2027-04-07 by planning 7 from course end date 2027-03-10, delay 4 weeks",
            "next-course window start by the course end = 2027-04-21 by planning 8 from course end date 2027-03-10, after it 6 weeks",
            "next-course window end = 2027-06-02 by planning 8 from course end date 2027-03-10, after it 12 weeks; inclusive",
            "next-course window = 2027-04-21/2027-06-02 by planning 8 from the window by the course end alone 2027-04-21/2027-06-02",
        ];
        derivations.Select(Line).SkipWhile(line => !line.StartsWith("course end =", StringComparison.Ordinal)).Should().Equal(expected);
    }

    [Fact]
    public void Texts_CompleteCourse_SayCompleteAndNothingLeftToGive()
    {
        var record = StoppedCourse();

        record.Schedule.ToString().Should().Be("1 given, 0 held, 1 stopped, 0 planned; complete; ends 2027-03-10T16:04:00-05:00; imaging 2027-04-07");
        record.Schedule.Cycles[0].ToString().Should().Be(
            "cycle 1: 2027-03-10T08:00:00-05:00 to 2027-03-15T00:00:00-04:00, 1 given, 0 held, 1 stopped, ended (course stopped)");
        record.GetStatus(At("2027-03-10T21:00:00-05:00")).ToString().Should().Be(
            "at 2027-03-10T21:00:00-05:00: complete; nothing overdue; nothing left to give");
    }

    [Fact]
    public void Texts_CourseStoppedBeforeAnyDose_HaveNoCourseEnd()
    {
        var schedule = Plan(CourseProtocol.Label).Apply(new CourseStopped("x", At("2027-03-10T07:00:00-05:00"), "withdrew consent")).Schedule;

        schedule.CourseEnd.Should().BeNull();
        schedule.ToString().Should().Be("0 given, 0 held, 0 planned; complete; no course end");
        schedule.Cycles[0].ToString().Should().Be("cycle 1: 2027-03-10T08:00:00-05:00 to 2027-03-15T09:00:00-04:00, 0 given, 0 held, ended (course stopped)");
        schedule.Explain().Select(d => d.Subject).Should().NotContain(["course end", "course end date", "imaging date by the protocol"]);
    }

    [Theory]
    // 17:00 -05:00: slot 2 (16:00) is overdue alone; slot 3 is due at 2027-03-11 00:00 -05:00.
    [InlineData("2027-03-10T17:00:00-05:00", "at 2027-03-10T17:00:00-05:00: in progress; 1 overdue (cycle 1 slot 2); next due cycle 1 slot 3 at 2027-03-11T00:00:00-05:00")]
    // 2027-03-11 09:00 -05:00: slots 2 (16:00), 3 (00:00) and 4 (08:00) are overdue; slot 5 is due 16:00 -05:00.
    [InlineData("2027-03-11T09:00:00-05:00", "at 2027-03-11T09:00:00-05:00: in progress; 3 overdue (cycle 1 slots 2, 3, 4); next due cycle 1 slot 5 at 2027-03-11T16:00:00-05:00")]
    // 2027-03-16 12:00 -04:00: cycle 1's window closed (03-15 09:00 -04:00), so its unrecorded slots are skipped, not overdue.
    [InlineData("2027-03-16T12:00:00-04:00", "at 2027-03-16T12:00:00-04:00: in progress; nothing overdue; next due cycle 2 slot 1 at 2027-03-24T08:00:00-04:00")]
    public void Status_ToString_CountsOverdueSlotsPerCycle_InSingularAndPlural(string at, string expected)
    {
        var record = Plan(CourseProtocol.Label).Apply(Given("g1", 1, 1, "2027-03-10T08:00:00-05:00"));

        record.GetStatus(At(at)).ToString().Should().Be(expected);
    }

    [Fact]
    public void ClosedWindow_EndsTheCycle_InItsTextAndItsExplanation()
    {
        var schedule = Plan(CourseProtocol.Label).Apply(Given("g1", 1, 1, "2027-03-10T08:00:00-05:00")).GetStatus(At("2027-03-16T12:00:00-04:00")).Schedule;

        schedule.Cycles[0].ToString().Should().Be("cycle 1: 2027-03-10T08:00:00-05:00 to 2027-03-15T09:00:00-04:00, 1 given, 0 held, ended (window closed)");
        // Cycle 2's 14 slots are planned: dose 14 at 08:00 + 13 x 8 h = 2027-03-28 16:00 -04:00, ending 16:15; + 4 weeks = 04-25.
        schedule.ToString().Should().Be("1 given, 0 held, 14 planned; in progress; projected end 2027-03-28T16:15:00-04:00; imaging 2027-04-25");
        var derivations = schedule.Explain();
        Explained(derivations, "cycle 1 slot 2 status").Should().Be("cycle 1 slot 2 status = skipped by re-planning 2 from ");
        Explained(derivations, "cycle 1 end").Should().Be(
            "cycle 1 end = WindowClosed by re-planning 2 from doses given 1, doses held 0, doses stopped 0, dose cap 14, held-dose policy UseReserveSlots, stopped-infusion counting CountsAsGiven");
        Explained(derivations, "cycle 2 start").Should().Be(
            "cycle 2 start = 2027-03-24T08:00:00-04:00 by planning 2 from requested first dose 2027-03-10T08:00:00, days after it 14 days, nominal start 2027-03-24T08:00:00, zone America/New_York");
    }

    [Fact]
    public void Superseded_WithOnlyWhoRecordedIt_OrOnlyWhen_AndACorrectionWithoutId()
    {
        var record = Plan(CourseProtocol.Label).ApplyAll(
        [
            new DoseHeld("e1", 1, 1, "hypotension").WithAudit(null, "RN Lee"),
            new Corrected(null, "e1", Given("e1", 1, 1, "2027-03-10T08:20:00-05:00")),
            new Corrected("c2", "e1", Given("e1", 1, 1, "2027-03-10T08:25:00-05:00")).WithAudit(At("2027-03-10T12:00:00-05:00"), null),
        ]);

        record.Schedule.Superseded.Select(s => s.Description).Should().Equal(
            "doseHeld e1 (cycle 1, slot 1, reason 'hypotension'), recorded by RN Lee, corrected to doseGiven e1 (cycle 1, slot 1, start 2027-03-10T08:20:00-05:00)",
            "doseGiven e1 (cycle 1, slot 1, start 2027-03-10T08:20:00-05:00), corrected by c2 to doseGiven e1 (cycle 1, slot 1, start 2027-03-10T08:25:00-05:00), recorded 2027-03-10T12:00:00-05:00");
        Rfc3339(record.Schedule.Slots[0].Start).Should().Be("2027-03-10T08:25:00-05:00");
    }
}
