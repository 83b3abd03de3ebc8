using FluentAssertions;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Schedules;

/// <summary>
/// Tests of <see cref="Derivation"/>: its text form and equality, on README's worked example
/// (America/New_York, EST -05:00 until 2027-03-14 02:00, then EDT -04:00; first dose 2027-03-10
/// 08:00 -05:00; cycle 2 on day 15, 03-24 08:00 -04:00; dose 12 03-14 00:00 -05:00, dose 13
/// eight elapsed hours later, 09:00 -04:00).
/// </summary>
public class DerivationTests
{
    private static IReadOnlyList<Derivation> Explained() =>
        new CoursePlanner().Plan(Local("2027-03-10T08:00"), DateTimeZoneProviders.Tzdb["America/New_York"]).Explain();

    private static Derivation Find(IReadOnlyList<Derivation> derivations, string subject) =>
        derivations.Single(derivation => derivation.Subject == subject);

    [Fact]
    public void ToString_WithoutANote_GivesValueRuleSourceAndInputs()
    {
        var cycle2 = Find(Explained(), "cycle 2 start");

        (cycle2.RuleSet, cycle2.RuleNumber, cycle2.RuleName).Should().Be((RuleSet.Planning, 2, "Cycle start"));
        cycle2.ToString().Should().Be(
            "cycle 2 start = 2027-03-24T08:00:00-04:00 by rule 2 (Cycle start; Label, Table 1) from requested first dose 2027-03-10T08:00:00, "
            + "days after it 14 days, nominal start 2027-03-24T08:00:00, zone America/New_York");
    }

    [Fact]
    public void ToString_WithANote_EndsWithIt()
    {
        Find(Explained(), "dose 13 start").ToString().Should().Be(
            "dose 13 start = 2027-03-14T09:00:00-04:00 by rule 3 (Dose timing; Label §2.1 (\"every 8 hours\"); EHR practice differs (domain notes)) "
            + "from previous dose start 2027-03-14T00:00:00-05:00, timing elapsed, interval 480 min; the offset changed from -05:00 to -04:00; the clock time moved");
    }

    [Fact]
    public void Equals_TheSameDerivationFromTwoExplanations_IsEqualWithTheSameHashCode()
    {
        var first = Explained();
        var second = Explained();

        first.Should().HaveCount(second.Count);
        for (int i = 0; i < first.Count; i++)
        {
            first[i].Should().NotBeSameAs(second[i]);
            first[i].Equals(second[i]).Should().BeTrue(first[i].Subject);
            first[i].Equals((object)second[i]).Should().BeTrue(first[i].Subject);
            (first[i] == second[i]).Should().BeTrue(first[i].Subject);
            (first[i] != second[i]).Should().BeFalse(first[i].Subject);
            first[i].GetHashCode().Should().Be(second[i].GetHashCode(), first[i].Subject);
        }
    }

    [Fact]
    public void Equals_DifferentDerivationsNullOrAnotherType_IsFalse()
    {
        var explained = Explained();
        Derivation? none = null;

        (explained[0] == explained[1]).Should().BeFalse();
        (explained[0] != explained[1]).Should().BeTrue();
        explained[0].Equals(none).Should().BeFalse();
        explained[0].Equals((object)"cycle 1 start").Should().BeFalse();
        (explained[0] == none).Should().BeFalse();
        (none == explained[0]).Should().BeFalse();
        (none == null).Should().BeTrue();
    }

    // The same subject and value from two plans whose only difference is the note: the
    // discharge rule (discharge 2027-03-31 + 7 weeks = 05-19) does not change the window by the
    // course end alone (05-09 to 06-20), only the window in force and its note.
    [Fact]
    public void Equals_SameSubjectValueAndRuleButAnotherNote_IsFalse()
    {
        var plain = Find(Explained(), "next-course window end");
        var discharged = Find(
            new CoursePlanner().Plan(Local("2027-03-10T08:00"), DateTimeZoneProviders.Tzdb["America/New_York"]).WithDischargeDate(new LocalDate(2027, 3, 31)).Explain(),
            "next-course window");

        plain.Value.Should().Be("2027-06-20");
        discharged.Value.Should().Be("2027-05-19/2027-06-20");
        discharged.Note.Should().Be("Start moved from 2027-05-09: the next course starts at least 7 weeks after discharge on 2027-03-31, so not before 2027-05-19.");
        (Find(Explained(), "next-course window") == discharged).Should().BeFalse();
    }
}
