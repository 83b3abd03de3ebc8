using FluentAssertions;
using NodaTime;

namespace IL2Schedule.Tests.Protocols;

/// <summary>
/// Tests of <see cref="CourseProtocol"/>: the presets' values (from the prescribing information
/// and the NCI Surgery Branch protocol, not from the code), derived values, equality,
/// <see cref="CourseProtocol.WithDoseTiming"/>, <see cref="CourseProtocol.ToBuilder"/> and the text form.
/// The validation rules are tested through <see cref="CourseProtocolBuilder.Build"/> in CourseProtocolBuilderTests.
/// </summary>
public partial class CourseProtocolTests
{
    // Proleukin label, section 2.1 and Table 1: 600,000 IU/kg, 15-minute infusion every 8 hours,
    // days 1–5 and 15–19, at most 14 doses a cycle; imaging about 4 weeks after; retreatment
    // 6–12 weeks (Atkins 1999, Fyfe 1995) and at least 7 weeks after discharge.
    [Fact]
    public void Label_HasThePrescribingInformationsSettings()
    {
        var label = CourseProtocol.Label;

        label.DoseInternationalUnitsPerKilogram.Should().Be(600_000);
        label.CycleCount.Should().Be(2);
        label.CycleLengthDays.Should().Be(5);
        label.RestPeriodDays.Should().Be(9);
        label.DosingInterval.Should().Be(Duration.FromHours(8));
        label.InfusionDuration.Should().Be(Duration.FromMinutes(15));
        label.MaxDosesPerCycle.Should().Be(14);
        label.DoseTiming.Should().Be(DoseTiming.Elapsed);
        label.ResponseAssessmentDelay.Should().Be(Period.FromWeeks(4));
        label.RetreatmentWindowStart.Should().Be(Period.FromWeeks(6));
        label.RetreatmentWindowEnd.Should().Be(Period.FromWeeks(12));
        label.MinimumIntervalAfterDischarge.Should().Be(Period.FromWeeks(7));
    }

    // Label, section 2.1: "600,000 IU/kg (0.037 mg/kg)". HemOnc.org example orders: 00:00, 08:00,
    // 16:00. The window stays the core's 120 elapsed hours.
    [Fact]
    public void Label_HasTheMilligramFigureStandardTimesAndElapsedWindow()
    {
        var label = CourseProtocol.Label;

        label.DoseMilligramsPerKilogram.Should().Be(0.037m);
        label.StandardAdministrationTimes.Should().Equal(new LocalTime(0, 0), new LocalTime(8, 0), new LocalTime(16, 0));
        label.CycleWindowCounting.Should().Be(CycleWindowCounting.Elapsed);
    }

    // This library's choice: a partly given dose counts towards the label's cap (section 2.1), in both presets.
    [Fact]
    public void Presets_CountAStoppedInfusionAsGiven()
    {
        CourseProtocol.Label.StoppedInfusionCounting.Should().Be(StoppedInfusionCounting.CountsAsGiven);
        CourseProtocol.NciSurgeryBranch.StoppedInfusionCounting.Should().Be(StoppedInfusionCounting.CountsAsGiven);
        new CourseProtocolBuilder(CourseProtocol.Label) { StoppedInfusionCounting = StoppedInfusionCounting.CountsAsHeld }.Build()
            .ToBuilder().StoppedInfusionCounting.Should().Be(StoppedInfusionCounting.CountsAsHeld);
    }

    [Fact]
    public void Label_DerivedValues_AreFifteenSlotsTwentyEightDosesAndFourteenDaysBetweenCycles()
    {
        var label = CourseProtocol.Label;

        label.CycleWindow.Should().Be(Duration.FromHours(120));
        label.SlotsPerCycle.Should().Be(15);
        label.MaxDosesPerCourse.Should().Be(28);
        label.DaysBetweenCycleStarts.Should().Be(14);
    }

    // NCI Surgery Branch (Rosenberg 1994; NCT01160445): 720,000 IU/kg, up to 15 doses a cycle;
    // otherwise as the label.
    [Fact]
    public void NciSurgeryBranch_Is720000IuPerKgAndFifteenDosesAndOtherwiseTheLabel()
    {
        var nci = CourseProtocol.NciSurgeryBranch;

        nci.DoseInternationalUnitsPerKilogram.Should().Be(720_000);
        nci.MaxDosesPerCycle.Should().Be(15);
        nci.MaxDosesPerCourse.Should().Be(30);
        nci.SlotsPerCycle.Should().Be(15);
        nci.DoseMilligramsPerKilogram.Should().BeNull("the NCI sources give the dose in IU/kg only");
        nci.Should().Be(new CourseProtocolBuilder(CourseProtocol.Label) { DoseInternationalUnitsPerKilogram = 720_000, DoseMilligramsPerKilogram = null, MaxDosesPerCycle = 15 }.Build());
    }

    // Slots that start inside a window of cycleDays x 24 h, one every interval: the ceiling of
    // window / interval. 120 h / 8 h = 15; 120 h / 7 h = 17.1 -> 18 (0, 7, ..., 119 h);
    // 120 h / 9 h = 13.3 -> 14 (0, ..., 117 h); 120 h / 24 h = 5; 24 h / 6 h = 4;
    // 120 h / 481 min = 14.97 -> 15.
    [Theory]
    [InlineData(480, 5, 15)]
    [InlineData(420, 5, 18)]
    [InlineData(540, 5, 14)]
    [InlineData(1440, 5, 5)]
    [InlineData(1440, 1, 1)]
    [InlineData(360, 1, 4)]
    [InlineData(481, 5, 15)]
    public void SlotsPerCycle_CountsTheIntervalStartsInsideTheWindow(int intervalMinutes, int cycleDays, int expectedSlots)
    {
        var protocol = new CourseProtocolBuilder
        {
            DosingInterval = Duration.FromMinutes(intervalMinutes),
            CycleLengthDays = cycleDays,
            MaxDosesPerCycle = 1,
        }.Build();

        protocol.SlotsPerCycle.Should().Be(expectedSlots);
        protocol.CycleWindow.Should().Be(Duration.FromDays(cycleDays));
    }

    [Fact]
    public void MaxDosesPerCourse_IsCyclesTimesDoseCap()
    {
        var protocol = new CourseProtocolBuilder { CycleCount = 3, MaxDosesPerCycle = 12, RestPeriodDays = 2 }.Build();

        protocol.MaxDosesPerCourse.Should().Be(36);
        protocol.DaysBetweenCycleStarts.Should().Be(7);
    }

    [Fact]
    public void Equals_ProtocolBuiltFromTheSameSettings_IsEqualWithTheSameHashCode()
    {
        var rebuilt = CourseProtocol.Label.ToBuilder().Build();

        rebuilt.Should().NotBeSameAs(CourseProtocol.Label);
        rebuilt.Equals(CourseProtocol.Label).Should().BeTrue();
        rebuilt.Equals((object)CourseProtocol.Label).Should().BeTrue();
        (rebuilt == CourseProtocol.Label).Should().BeTrue();
        (rebuilt != CourseProtocol.Label).Should().BeFalse();
        rebuilt.GetHashCode().Should().Be(CourseProtocol.Label.GetHashCode());
    }

    public static TheoryData<string> EverySetting =>
    [
        "DoseInternationalUnitsPerKilogram", "CycleCount", "CycleLengthDays", "RestPeriodDays", "DosingInterval",
        "InfusionDuration", "MaxDosesPerCycle", "DoseTiming", "ResponseAssessmentDelay", "RetreatmentWindowStart",
        "RetreatmentWindowEnd", "MinimumIntervalAfterDischarge", "StoppedInfusionCounting",
    ];

    [Theory]
    [MemberData(nameof(EverySetting))]
    public void Equals_ProtocolsDifferingInOneSetting_AreNotEqual(string setting)
    {
        var builder = CourseProtocol.Label.ToBuilder();
        switch (setting)
        {
            case "DoseInternationalUnitsPerKilogram": builder.DoseInternationalUnitsPerKilogram = 720_000; break;
            case "CycleCount": builder.CycleCount = 3; break;
            case "CycleLengthDays": builder.CycleLengthDays = 6; break;
            case "RestPeriodDays": builder.RestPeriodDays = 10; break;
            case "DosingInterval": builder.DosingInterval = Duration.FromHours(7); break;
            case "InfusionDuration": builder.InfusionDuration = Duration.FromMinutes(20); break;
            case "MaxDosesPerCycle": builder.MaxDosesPerCycle = 12; break;
            case "DoseTiming": builder.DoseTiming = DoseTiming.WallClock; break;
            case "ResponseAssessmentDelay": builder.ResponseAssessmentDelay = Period.FromMonths(1); break;
            case "RetreatmentWindowStart": builder.RetreatmentWindowStart = Period.FromWeeks(7); break;
            case "RetreatmentWindowEnd": builder.RetreatmentWindowEnd = Period.FromWeeks(9); break;
            case "StoppedInfusionCounting": builder.StoppedInfusionCounting = StoppedInfusionCounting.CountsAsHeld; break;
            default: builder.MinimumIntervalAfterDischarge = Period.FromWeeks(8); break;
        }

        var changed = builder.Build();

        changed.Equals(CourseProtocol.Label).Should().BeFalse();
        (changed == CourseProtocol.Label).Should().BeFalse();
        (changed != CourseProtocol.Label).Should().BeTrue();
    }

    [Fact]
    public void Equals_NullOrAnotherType_IsFalseAndTwoNullsAreEqual()
    {
        CourseProtocol? none = null;

        CourseProtocol.Label.Equals((object?)"Label").Should().BeFalse();
        CourseProtocol.NciSurgeryBranch.Equals(none).Should().BeFalse();
        (CourseProtocol.Label == none).Should().BeFalse();
        (none == CourseProtocol.Label).Should().BeFalse();
        (none == null).Should().BeTrue();
        (none != CourseProtocol.Label).Should().BeTrue();
        CourseProtocol.Label.Should().NotBe(CourseProtocol.NciSurgeryBranch);
    }

    [Fact]
    public void WithDoseTiming_SameTiming_ReturnsThisInstance()
    {
        CourseProtocol.Label.WithDoseTiming(DoseTiming.Elapsed).Should().BeSameAs(CourseProtocol.Label);
    }

    [Fact]
    public void WithDoseTiming_OtherTiming_ChangesOnlyTheTimingAndLeavesThePresetAlone()
    {
        var wallClock = CourseProtocol.Label.WithDoseTiming(DoseTiming.WallClock);

        wallClock.DoseTiming.Should().Be(DoseTiming.WallClock);
        wallClock.Should().Be(new CourseProtocolBuilder(CourseProtocol.Label) { DoseTiming = DoseTiming.WallClock }.Build());
        wallClock.WithDoseTiming(DoseTiming.Elapsed).Should().Be(CourseProtocol.Label);
        CourseProtocol.Label.DoseTiming.Should().Be(DoseTiming.Elapsed);
    }

    // Documented: "ArgumentOutOfRangeException: doseTiming is not a defined value", with the
    // guard's message shape "{name} must be {rule}; was {value}".
    [Fact]
    public void WithDoseTiming_UndefinedValue_ThrowsArgumentOutOfRangeExceptionNamingDoseTiming()
    {
        var act = () => CourseProtocol.Label.WithDoseTiming((DoseTiming)7);

        var exception = act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        exception.ParamName.Should().Be("doseTiming");
        exception.Message.Should().StartWith("doseTiming must be one of Elapsed, WallClock, StandardTimes; was 7");
        CourseProtocol.Label.DoseTiming.Should().Be(DoseTiming.Elapsed);
    }

    [Fact]
    public void ToBuilder_ReturnsAnIndependentBuilderHoldingEverySetting()
    {
        var builder = CourseProtocol.NciSurgeryBranch.ToBuilder();
        var other = CourseProtocol.NciSurgeryBranch.ToBuilder();

        builder.MaxDosesPerCycle = 10;
        builder.ResponseAssessmentDelay = Period.FromMonths(1);

        other.MaxDosesPerCycle.Should().Be(15);
        other.ResponseAssessmentDelay.Should().Be(Period.FromWeeks(4));
        other.Build().Should().Be(CourseProtocol.NciSurgeryBranch);
        CourseProtocol.NciSurgeryBranch.MaxDosesPerCycle.Should().Be(15);
        CourseProtocol.NciSurgeryBranch.ResponseAssessmentDelay.Should().Be(Period.FromWeeks(4));
        builder.Build().MaxDosesPerCycle.Should().Be(10);
    }

    [Fact]
    public void ToString_Label_DescribesEverySettingInInvariantText()
    {
        CourseProtocol.Label.ToString().Should().Be(
            "2 cycles of 5 days, 9 days' rest; 0:15:00 infusion every 8:00:00; at most 14 doses a cycle; 600000 IU/kg (0.037 mg/kg); Elapsed timing (standard times 00:00, 08:00, 16:00); Elapsed cycle window; imaging P4W; next course P6W–P12W, discharge +P7W; stopped infusions CountsAsGiven");
    }

    [Fact]
    public void ToString_NciWithWallClockTiming_DescribesItsOwnSettings()
    {
        CourseProtocol.NciSurgeryBranch.WithDoseTiming(DoseTiming.WallClock).ToString().Should().Be(
            "2 cycles of 5 days, 9 days' rest; 0:15:00 infusion every 8:00:00; at most 15 doses a cycle; 720000 IU/kg (no mg/kg); WallClock timing (standard times 00:00, 08:00, 16:00); Elapsed cycle window; imaging P4W; next course P6W–P12W, discharge +P7W; stopped infusions CountsAsGiven");
    }
}
