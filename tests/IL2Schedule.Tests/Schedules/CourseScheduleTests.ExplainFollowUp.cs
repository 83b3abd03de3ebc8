using FluentAssertions;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Schedules;

/// <content>
/// <see cref="CourseSchedule.Explain"/>'s inputs for the follow-up dates and the dose amounts, on
/// README's worked example (America/New_York; course end date Sun 2027-03-28; imaging + 4 weeks
/// = Sun 04-25; window + 6 weeks Sun 05-09 to + 12 weeks Sun 06-20), Saturdays and Sundays off.
/// </content>
public partial class CourseScheduleTests
{
    private const string SaturdaySunday = "working days=weekend Saturday, Sunday; no holidays";

    // 72.5 kg: 72.5 × 600,000 = 43,500,000 IU; × 0.037 = 2.6825 mg; 43.5 / 22 million IU = 1.98,
    // rounded up to 2 vials; above 25.4 and up to 60 million IU: 50 mL; 2.6825 / 50 = 0.05365
    // mg/mL, inside 0.03-0.07; the course, 28 × 43,500,000 = 1,218,000,000 IU.
    [Fact]
    public void Explain_WithABodyWeight_GivesEachAmountsInputs()
    {
        var explained = WorkedExample().WithBodyWeight(72.5m).Explain();

        Inputs(Find(explained, "dose IU")).Should().Equal("body weight=72.5 kg", "IU/kg=600000");
        Inputs(Find(explained, "dose mg")).Should().Equal("body weight=72.5 kg", "mg/kg=0.037");
        Find(explained, "vials").Value.Should().Be("2");
        Inputs(Find(explained, "vials")).Should().Equal("dose IU=43500000", "IU per vial=22000000");
        Find(explained, "vials").Note.Should().Be("rounded up");
        Find(explained, "diluent mL").Value.Should().Be("50");
        Inputs(Find(explained, "diluent mL")).Should().Equal("dose IU=43500000");
        Find(explained, "diluent mL").Note.Should().Be("25 mL up to 25.4 million IU, 50 mL up to 60 million IU, 100 mL above (label section 2.5)");
        var concentration = Find(explained, "final concentration mg/mL");
        concentration.Value.Should().Be("0.05365");
        Inputs(concentration).Should().Equal("dose mg=2.6825", "diluent mL=50", "label range=0.03-0.07");
        concentration.Note.Should().Be("within the label's range");
        Find(explained, "course IU planned").Value.Should().Be("1218000000");
        Inputs(Find(explained, "course IU planned")).Should().Equal("dose IU=43500000", "doses planned=28");
    }

    // Discharge Wed 03-31 + 7 weeks = Wed 05-19; on working days the window is 05-19 to Fri 06-18.
    [Fact]
    public void Explain_WithADischargeAndWorkingDays_GivesTheRulesInputs()
    {
        var explained = WorkedExample().WithDischargeDate(Date("2027-03-31"))
            .WithWorkingDays(WorkingDayCalendar.SaturdaySunday, NonWorkingDayShift.Next).Explain();

        Inputs(Find(explained, "imaging date")).Should().Equal("by the protocol=2027-04-25", SaturdaySunday, "shift=Next");
        Inputs(Find(explained, "next-course window earliest start after discharge")).Should().Equal("discharge date=2027-03-31", "minimum interval=7 weeks");
        var onWorkingDays = Find(explained, "next-course window on working days");
        Inputs(onWorkingDays).Should().Equal("the window by the course end alone=2027-05-09/2027-06-20", SaturdaySunday);
        onWorkingDays.Note.Should().Be(
            "Start moved from 2027-05-09: the next course starts at least 7 weeks after discharge on 2027-03-31, so not before 2027-05-19. "
            + "End moved from 2027-06-20 to the previous working day, 2027-06-18.");
        Find(explained, "next-course window").Note.Should().Be(
            "Start moved from 2027-05-09: the next course starts at least 7 weeks after discharge on 2027-03-31, so not before 2027-05-19.");
    }

    // A first dose a day later (03-11 08:00 -05:00) ends the course on Mon 03-29 16:15 -04:00:
    // imaging Mon 04-26 and the window Mon 05-10 to Mon 06-21 are already working days.
    [Fact]
    public void Explain_FollowUpDatesAlreadyOnWorkingDays_SaysSo()
    {
        var explained = new CoursePlanner().Plan(Local("2027-03-11T08:00"), NewYork)
            .WithWorkingDays(WorkingDayCalendar.SaturdaySunday, NonWorkingDayShift.Next).Explain();

        Find(explained, "imaging date").Value.Should().Be("2027-04-26");
        Find(explained, "imaging date").Note.Should().Be("already a working day");
        Find(explained, "next-course window on working days").Value.Should().Be("2027-05-10/2027-06-21");
        Find(explained, "next-course window on working days").Note.Should().BeNull();
    }

    // Discharge 05-10 + 7 weeks = 06-28, after the window's end 06-20: no window.
    [Fact]
    public void Explain_WindowEmptiedByDischarge_SaysNone()
    {
        var explained = WorkedExample().WithDischargeDate(Date("2027-05-10")).Explain();

        Find(explained, "next-course window earliest start after discharge").Value.Should().Be("2027-06-28");
        Find(explained, "next-course window").Value.Should().Be("none");
    }

    // A protocol's periods in words: imaging 1 month and 3 days after the course end date 03-28
    // (04-28, then 05-01); window 2 months (05-28) to 1 year (2028-03-28) after it; discharge 03-31
    // + 1 week and 1 day = 04-08, before the window's start, so the window is not moved.
    [Fact]
    public void Explain_ProtocolPeriods_AreWrittenInWordsWithPlurals()
    {
        var protocol = new CourseProtocolBuilder
        {
            ResponseAssessmentDelay = Period.FromMonths(1) + Period.FromDays(3),
            RetreatmentWindowStart = Period.FromMonths(2),
            RetreatmentWindowEnd = Period.FromYears(1),
            MinimumIntervalAfterDischarge = Period.FromWeeks(1) + Period.FromDays(1),
        }.Build();

        var explained = new CoursePlanner(protocol).Plan(Local("2027-03-10T08:00"), NewYork).WithDischargeDate(Date("2027-03-31")).Explain();

        Find(explained, "imaging date by the protocol").Value.Should().Be("2027-05-01");
        Inputs(Find(explained, "imaging date by the protocol")).Should().Equal("course end date=2027-03-28", "delay=1 month and 3 days");
        Inputs(Find(explained, "next-course window start by the course end")).Should().Equal("course end date=2027-03-28", "after it=2 months");
        Inputs(Find(explained, "next-course window end")).Should().Equal("course end date=2027-03-28", "after it=1 year");
        Inputs(Find(explained, "next-course window earliest start after discharge")).Should().Equal("discharge date=2027-03-31", "minimum interval=1 week and 1 day");
        Find(explained, "next-course window earliest start after discharge").Value.Should().Be("2027-04-08");
        Find(explained, "next-course window").Value.Should().Be("2027-05-28/2028-03-28");
    }
}
