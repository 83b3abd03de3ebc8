using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;

namespace IL2Schedule.Tests;

/// <summary>
/// The error messages that state a rule of the documentation's tables take its number and name
/// from <see cref="RuleBook"/>: each test reads the rule from RuleBook, and the literal messages
/// (written from docs/rules.md and docs/records.md, not from the code) fail if RuleBook's name is wrong.
/// </summary>
public partial class RuleBookTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    // Planning rule 5 (Infusion): "The dosing interval must be longer than the infusion."
    [Fact]
    public void ProtocolProblem_DosingIntervalNotLongerThanTheInfusion_CitesRule5()
    {
        var act = new CourseProtocolBuilder { DosingInterval = Duration.FromMinutes(10) }.Build;

        var exception = act.Should().ThrowExactly<InvalidCourseProtocolException>().Which;
        exception.Problems.Should().ContainSingle().Which.DocumentedRule.Should().BeSameAs(RuleBook.Get(RuleSet.Planning, 5));
        exception.Problems[0].Rule.Should().EndWith("; see " + RuleBook.Get(RuleSet.Planning, 5));
        exception.Message.Should().Be("Invalid course protocol: DosingInterval must be longer than InfusionDuration (0:15:00); was 0:10:00; see rule 5 (Infusion).");
    }

    // A range limit of this library's (CycleCount 1 to 10) is in no table: no citation.
    [Fact]
    public void ProtocolProblem_ALimitOfThisLibrary_CitesNoRule()
    {
        var act = new CourseProtocolBuilder { CycleCount = 0 }.Build;

        var problem = act.Should().ThrowExactly<InvalidCourseProtocolException>().Which.Problems.Should().ContainSingle().Which;
        problem.DocumentedRule.Should().BeNull();
        problem.ToString().Should().Be("CycleCount must be in range [1, 10]; was 0");
    }

    // Re-planning rule 5 (Rejections): "unknown cycle or slot". The worked example has 2 cycles.
    [Fact]
    public void EventRejection_UnknownCycle_CitesReplanningRule5()
    {
        var record = CourseRecord.Start(new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), NewYork));
        // 2027-03-10 08:00 -05:00 = 13:00Z.
        var act = () => record.Apply(new DoseGiven("e1", 3, 1, Instant.FromUtc(2027, 3, 10, 13, 0), null));

        var exception = act.Should().ThrowExactly<CourseEventRejectedException>().Which;
        exception.DocumentedRule.Should().BeSameAs(RuleBook.Get(RuleSet.Replanning, 5));
        exception.Reason.Should().EndWith("; see " + RuleBook.Get(RuleSet.Replanning, 5) + ".");
        exception.Reason.Should().Be("doseGiven e1 (cycle 3, slot 1, start 2027-03-10T08:00:00-05:00) is rejected by rule UnknownCycle: it names cycle 3, but the course has 2 cycles; see re-planning rule 5 (Rejections).");
    }

    // Re-planning rule 3 (Later cycle start): "only before any of its doses is recorded". Cycle 2
    // slot 1 due 2027-03-24 08:00 -04:00 = 12:00Z.
    [Fact]
    public void EventRejection_RescheduleOfAStartedCycle_CitesReplanningRule3()
    {
        var record = CourseRecord.Start(new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), NewYork))
            .Apply(new DoseGiven("c2s1", 2, 1, Instant.FromUtc(2027, 3, 24, 12, 0), null));
        var act = () => record.Apply(new CycleRescheduled("r1", 2, new LocalDateTime(2027, 3, 31, 8, 0)));

        var exception = act.Should().ThrowExactly<CourseEventRejectedException>().Which;
        exception.Rule.Should().Be(CourseEventRule.CycleAlreadyStarted);
        exception.DocumentedRule.Should().BeSameAs(RuleBook.Get(RuleSet.Replanning, 3));
        exception.Reason.Should().EndWith("; see re-planning rule 3 (Later cycle start).");
    }

    // Ids are this library's rule, in no table: the message has no citation.
    [Fact]
    public void EventRejection_IdAlreadyUsed_CitesNoRule()
    {
        var record = CourseRecord.Start(new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), NewYork))
            .Apply(new DoseHeld("e1", 1, 1, "fever"));
        var act = () => record.Apply(new DoseHeld("e1", 1, 2, "fever"));

        var exception = act.Should().ThrowExactly<CourseEventRejectedException>().Which;
        exception.Rule.Should().Be(CourseEventRule.IdAlreadyUsed);
        exception.DocumentedRule.Should().BeNull();
        exception.Reason.Should().NotContain("; see ");
    }

    // Planning rule 3 (Dose timing), wall-clock: Pacific/Apia skipped 2011-12-30 (12-29 -10:00 ->
    // 12-31 +14:00). From 12-28 08:00, dose 8's clock time 12-30 16:00 is in the gap and moves on a
    // day to 12-31 16:00 +14:00 (ends 16:15); dose 9's clock time is 12-31 00:00 +14:00, before it.
    [Fact]
    public void PlanningException_WallClockDoseBeforeThePreviousInfusionEnds_CitesRule3()
    {
        var plan = () => new CoursePlanner(CourseProtocol.Label.WithDoseTiming(DoseTiming.WallClock))
            .Plan(new LocalDateTime(2011, 12, 28, 8, 0), DateTimeZoneProviders.Tzdb["Pacific/Apia"]);

        var exception = plan.Should().Throw<CoursePlanningException>().Which;
        exception.DocumentedRule.Should().BeSameAs(RuleBook.Get(RuleSet.Planning, 3));
        exception.Problem.Should().EndWith("; see " + RuleBook.Get(RuleSet.Planning, 3));
        exception.Problem.Should().Be("Dose 9 of cycle 1 would start at 2011-12-31T00:00:00+14:00, before the previous infusion ends at 2011-12-31T16:15:00+14:00: "
            + "Pacific/Apia changes its clocks too far for wall-clock timing here; see rule 3 (Dose timing)");
    }
}
