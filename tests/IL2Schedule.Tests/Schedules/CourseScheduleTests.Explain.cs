using FluentAssertions;
using NodaTime;

namespace IL2Schedule.Tests.Schedules;

/// <content>
/// <see cref="CourseSchedule.Explain"/> on README's worked example, America/New_York: EST (-05:00)
/// until 2027-03-14 02:00, then EDT (-04:00). Dose 1 08:00 -05:00; dose 12 03-14 00:00 -05:00;
/// dose 13 eight elapsed hours later, 09:00 -04:00; cycle 1's window 120 h from 03-10 13:00Z =
/// 03-15 13:00Z = 09:00 -04:00; cycle 2 on day 15, 03-24 08:00 -04:00; dose 28 03-28 16:00 -04:00,
/// ending 16:15. Imaging 03-28 + 4 weeks = 04-25; window + 6 weeks 05-09 to + 12 weeks 06-20;
/// discharge 03-31 + 7 weeks = 05-19.
/// </content>
public partial class CourseScheduleTests
{
    private static Derivation Find(IReadOnlyList<Derivation> derivations, string subject) =>
        derivations.Single(derivation => derivation.Subject == subject);

    private static IEnumerable<string> Inputs(Derivation derivation) => derivation.Inputs.Select(input => input.Key + "=" + input.Value);

    private static (string Value, int Rule, string Source) Shape(Derivation derivation) => (derivation.Value, derivation.RuleNumber, derivation.Source);

    [Fact]
    public void Explain_WorkedExample_GivesEveryComputedValueWithItsRule()
    {
        var explained = WorkedExample().Explain();

        // 2 cycles x (start, window end, doses planned) + 28 doses x (start, end) + course end and
        // its date + imaging + the window's start, end and the window in force.
        explained.Should().HaveCount(6 + 56 + 2 + 1 + 3);
        explained.Select(derivation => derivation.Subject).Should().OnlyHaveUniqueItems();
        Shape(Find(explained, "cycle 1 start")).Should().Be(("2027-03-10T08:00:00-05:00", 1, "Alberta Health Services Connect Care manual; KHN 2018 (errors in the skipped/repeated hour)"));
        Shape(Find(explained, "cycle 1 window end")).Should().Be(("2027-03-15T09:00:00-04:00", 4, "Label Table 1; Rosenberg 1994 / NCT01160445"));
        Find(explained, "cycle 1 doses planned").Value.Should().Be("14");
        Find(explained, "cycle 1 doses planned").Note.Should().Be("bound by the dose cap");
        Inputs(Find(explained, "cycle 1 doses planned")).Should().Equal("dose cap=14", "dose times in the window=15");
        Shape(Find(explained, "dose 12 start")).Should().Be(("2027-03-14T00:00:00-05:00", 3, "Label §2.1 (\"every 8 hours\"); EHR practice differs (domain notes)"));
        Find(explained, "dose 13 start").Value.Should().Be("2027-03-14T09:00:00-04:00");
        Inputs(Find(explained, "dose 13 start")).Should().Contain("previous dose start=2027-03-14T00:00:00-05:00");
        Find(explained, "dose 13 start").Note.Should().Be("the offset changed from -05:00 to -04:00; the clock time moved");
        Shape(Find(explained, "dose 13 end")).Should().Be(("2027-03-14T09:15:00-04:00", 5, "Label §2.1"));
        var cycle2 = Find(explained, "cycle 2 start");
        Shape(cycle2).Should().Be(("2027-03-24T08:00:00-04:00", 2, "Label, Table 1"));
        cycle2.RuleName.Should().Be("Cycle start");
        Inputs(cycle2).Should().Equal("requested first dose=2027-03-10T08:00:00", "days after it=14 days", "nominal start=2027-03-24T08:00:00", "zone=America/New_York");
        cycle2.Note.Should().BeNull();
        Find(explained, "dose 28 start").Value.Should().Be("2027-03-28T16:00:00-04:00");
        Shape(Find(explained, "course end")).Should().Be(("2027-03-28T16:15:00-04:00", 6, "Label Table 1"));
        Find(explained, "course end date").Value.Should().Be("2027-03-28");
        Shape(Find(explained, "imaging date by the protocol")).Should().Be(("2027-04-25", 7, "Label, \"Retreatment\""));
        Find(explained, "next-course window start by the course end").Value.Should().Be("2027-05-09");
        Shape(Find(explained, "next-course window end")).Should().Be(("2027-06-20", 8, "Atkins 1999; Fyfe 1995; Label, \"Retreatment\""));
        Find(explained, "next-course window").Value.Should().Be("2027-05-09/2027-06-20");
    }

    [Fact]
    public void Explain_WithDischargeWeightAndWorkingDays_ExplainsTheDischargeRuleTheShiftAndTheAmounts()
    {
        // Course end date Sun 2027-03-28: imaging Sun 04-25 -> Mon 04-26; window Sun 05-09 ->
        // discharge Wed 03-31 + 7 weeks = Wed 05-19 (a working day) to Sun 06-20 -> Fri 06-18.
        // 200 kg: 120,000,000 IU, 7.4 mg, 6 vials (120 / 22 = 5.45), 100 mL, 0.074 mg/mL (above 0.07).
        var explained = WorkedExample().WithDischargeDate(new LocalDate(2027, 3, 31)).WithBodyWeight(200m)
            .WithWorkingDays(WorkingDayCalendar.SaturdaySunday, NonWorkingDayShift.Next).Explain();

        Find(explained, "next-course window earliest start after discharge").Value.Should().Be("2027-05-19");
        Find(explained, "next-course window earliest start after discharge").Note.Should().Be("the discharge rule");
        Find(explained, "next-course window").Value.Should().Be("2027-05-19/2027-06-20");
        Shape(Find(explained, "imaging date")).Should().Be(("2027-04-26", 13, "hospital practice (imaging closed at weekends and holidays)"));
        Find(explained, "imaging date").Note.Should().Be("2027-04-25 is not a working day");
        Find(explained, "next-course window on working days").Value.Should().Be("2027-05-19/2027-06-18");
        Find(explained, "dose IU").Value.Should().Be("120000000");
        Find(explained, "dose mg").Value.Should().Be("7.4");
        Find(explained, "vials").Value.Should().Be("6");
        Find(explained, "diluent mL").Value.Should().Be("100");
        var concentration = Find(explained, "final concentration mg/mL");
        Shape(concentration).Should().Be(("0.074", 15, "Label §2.5"));
        concentration.Note.Should().StartWith("final concentration 0.074 mg/mL (7.4 mg in 100 mL of 5% dextrose) is above");
        Find(explained, "course IU planned").Value.Should().Be("3360000000"); // 28 x 120,000,000
    }

    // First dose 2027-02-28 02:30 EST; cycle 2 nominally 2027-03-14 02:30, which New York skips.
    [Fact]
    public void Explain_CycleStartInAGap_SaysItWasShiftedForward()
    {
        var explained = new CoursePlanner().Plan(new LocalDateTime(2027, 2, 28, 2, 30), "America/New_York").Explain();

        var cycle2 = Find(explained, "cycle 2 start");
        cycle2.Value.Should().Be("2027-03-14T03:30:00-04:00");
        cycle2.Note.Should().Be("2027-03-14T02:30:00 is skipped by the zone (a gap); moved forward by the gap's length");
    }
}
