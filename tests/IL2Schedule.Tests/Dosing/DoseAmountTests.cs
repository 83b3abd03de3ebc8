using FluentAssertions;
using NodaTime;

namespace IL2Schedule.Tests.Dosing;

// Dose amounts worked by hand. Label: 600,000 IU/kg and 0.037 mg/kg; NCI: 720,000 IU/kg and no
// mg figure. Vials: IU / 22,000,000 rounded up. Diluent: <= 25.4 million IU 25 mL, <= 60 million
// IU 50 mL, above 100 mL.
public partial class DoseAmountTests
{
    //  label  50 kg:  30,000,000 IU, 1.85 mg;   30.0 / 22 = 1.36 -> 2 vials; 25.4 < 30.0 <= 60 -> 50 mL
    //  label  72.5:   43,500,000 IU, 2.6825 mg; 43.5 / 22 = 1.98 -> 2;       50 mL
    //  label 140:     84,000,000 IU, 5.18 mg;   84.0 / 22 = 3.82 -> 4;       84 > 60 -> 100 mL
    //  NCI    50:     36,000,000 IU, no mg;     36.0 / 22 = 1.64 -> 2;       50 mL
    //  NCI    72.5:   52,200,000 IU;            52.2 / 22 = 2.37 -> 3;       50 mL
    //  NCI   140:    100,800,000 IU;           100.8 / 22 = 4.58 -> 5;       100 mL
    [Theory]
    [InlineData("label", "50", "30000000", "1.85", 2, 50)]
    [InlineData("label", "72.5", "43500000", "2.6825", 2, 50)]
    [InlineData("label", "140", "84000000", "5.18", 4, 100)]
    [InlineData("nci", "50", "36000000", null, 2, 50)]
    [InlineData("nci", "72.5", "52200000", null, 3, 50)]
    [InlineData("nci", "140", "100800000", null, 5, 100)]
    public void For_Presets_GivesIuAndMgFromTheirOwnFiguresVialsAndDiluent(string preset, string weight, string internationalUnits, string? milligrams, int vials, int diluentMilliliters)
    {
        var protocol = preset == "label" ? CourseProtocol.Label : CourseProtocol.NciSurgeryBranch;

        var amount = DoseAmount.For(protocol, decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture));

        amount.InternationalUnits.Should().Be(decimal.Parse(internationalUnits, System.Globalization.CultureInfo.InvariantCulture));
        amount.Milligrams.Should().Be(milligrams is null ? null : decimal.Parse(milligrams, System.Globalization.CultureInfo.InvariantCulture));
        amount.Vials.Should().Be(vials);
        amount.DiluentMilliliters.Should().Be(diluentMilliliters);
        amount.BodyWeightKilograms.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(weight);
    }

    // The band bounds belong to the smaller volume; a vial's 22 million IU exactly needs 1 vial.
    //   508,000 IU/kg x 50 kg     = 25,400,000 IU -> 25 mL;  x 50.001 kg = 25,400,508 -> 50 mL
    //   600,000 IU/kg x 100 kg    = 60,000,000 IU -> 50 mL;  x 100.001 kg = 60,000,600 -> 100 mL
    //   440,000 IU/kg x 50 kg     = 22,000,000 IU -> 1 vial; x 50.001 kg = 22,000,440 -> 2 vials
    //   600,000 IU/kg x 40 kg     = 24,000,000 IU -> 25 mL, 2 vials
    [Theory]
    [InlineData(508_000, "50", 25, 2)]
    [InlineData(508_000, "50.001", 50, 2)]
    [InlineData(600_000, "100", 50, 3)]
    [InlineData(600_000, "100.001", 100, 3)]
    [InlineData(440_000, "50", 25, 1)]
    [InlineData(440_000, "50.001", 25, 2)]
    [InlineData(600_000, "40", 25, 2)]
    public void For_AtTheBandAndVialBoundaries(int internationalUnitsPerKilogram, string weight, int diluentMilliliters, int vials)
    {
        var protocol = new CourseProtocolBuilder { DoseInternationalUnitsPerKilogram = internationalUnitsPerKilogram }.Build();

        var amount = DoseAmount.For(protocol, decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture));

        amount.DiluentMilliliters.Should().Be(diluentMilliliters);
        amount.Vials.Should().Be(vials);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("-72.5")]
    [InlineData("350.001")]
    [InlineData("72500")]
    public void For_InvalidWeight_ThrowsNamingTheRuleAndValue(string weight)
    {
        var act = () => DoseAmount.For(CourseProtocol.Label, decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture));

        var exception = act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        exception.ParamName.Should().Be("bodyWeightKilograms");
        exception.Message.Should().StartWith($"bodyWeightKilograms must be in range (0, 350] kg; was {weight}");
    }

    [Fact]
    public void For_TheHeaviestWeight_IsAccepted()
    {
        // 350 x 600,000 = 210,000,000 IU; / 22,000,000 = 9.55 -> 10 vials; 100 mL.
        var amount = DoseAmount.For(CourseProtocol.Label, 350m);

        amount.InternationalUnits.Should().Be(210_000_000m);
        amount.Vials.Should().Be(10);
    }

    [Fact]
    public void ToString_IsInvariant()
    {
        DoseAmount.For(CourseProtocol.Label, 72.5m).ToString().Should().Be("72.5 kg: 43500000 IU, 2.6825 mg, 2 vials, 50 mL");
        DoseAmount.For(CourseProtocol.NciSurgeryBranch, 30m).ToString().Should().Be("30 kg: 21600000 IU, no mg, 1 vial, 25 mL");
    }

    // Course totals: label 28 doses x 43,500,000 = 1,218,000,000 IU and 28 x 2.6825 = 75.11 mg;
    // NCI 30 doses x 52,200,000 = 1,566,000,000 IU and no mg. With a calendar-day window and a
    // 16:00 first dose the label plans 26 doses: 26 x 43,500,000 = 1,131,000,000 IU, 26 x 2.6825 = 69.745 mg.
    [Theory]
    [InlineData("label", "2027-03-10T08:00", "1218000000", "75.11")]
    [InlineData("nci", "2027-03-10T08:00", "1566000000", null)]
    [InlineData("label calendar days", "2027-06-01T16:00", "1131000000", "69.745")]
    public void Schedule_WithBodyWeight_PlansTheCourseTotal(string protocolName, string firstDose, string totalInternationalUnits, string? totalMilligrams)
    {
        var protocol = protocolName switch
        {
            "label" => CourseProtocol.Label,
            "nci" => CourseProtocol.NciSurgeryBranch,
            _ => new CourseProtocolBuilder { CycleWindowCounting = CycleWindowCounting.CalendarDays }.Build(),
        };
        var schedule = new CoursePlanner(protocol).Plan(TimeText.Local(firstDose), "America/New_York").WithBodyWeight(72.5m);

        schedule.PlannedCourseInternationalUnits.Should().Be(decimal.Parse(totalInternationalUnits, System.Globalization.CultureInfo.InvariantCulture));
        schedule.PlannedCourseMilligrams.Should().Be(totalMilligrams is null ? null : decimal.Parse(totalMilligrams, System.Globalization.CultureInfo.InvariantCulture));
        schedule.DoseAmount.Should().Be(DoseAmount.For(protocol, 72.5m));
    }

    [Fact]
    public void Schedule_WithoutBodyWeight_HasNoAmounts()
    {
        var schedule = new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York");

        schedule.DoseAmount.Should().BeNull();
        schedule.PlannedCourseInternationalUnits.Should().BeNull();
        schedule.PlannedCourseMilligrams.Should().BeNull();
        schedule.WithBodyWeight(72.5m).WithBodyWeight(null).Should().Be(schedule);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("351")]
    public void Schedule_WithInvalidBodyWeight_ThrowsAndLeavesTheScheduleUnchanged(string weight)
    {
        var schedule = new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York").WithBodyWeight(72.5m);

        var act = () => schedule.WithBodyWeight(decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture));

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which.Message.Should().StartWith($"bodyWeightKilograms must be in range (0, 350] kg; was {weight}");
        schedule.DoseAmount!.BodyWeightKilograms.Should().Be(72.5m);
    }

    [Fact]
    public void For_NullProtocol_Throws()
    {
        var act = () => DoseAmount.For(null!, 70m);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("protocol");
    }

    // Amounts are equal when weight, IU and mg all are. 50 kg at 600,000 IU/kg and 0.037 mg/kg is
    // 30,000,000 IU and 1.85 mg; 100 kg at 300,000 IU/kg and 0.0185 mg/kg is the same IU and mg at
    // another weight; 50 kg at 0.036 mg/kg differs in mg alone (1.8 mg); 50 kg at 500,000 IU/kg
    // differs in IU alone (25,000,000 IU).
    [Fact]
    public void Equality_ComparesWeightIuAndMg()
    {
        var amount = DoseAmount.For(CourseProtocol.Label, 50m);
        var same = DoseAmount.For(CourseProtocol.Label, 50m);
        var otherWeight = DoseAmount.For(new CourseProtocolBuilder { DoseInternationalUnitsPerKilogram = 300_000, DoseMilligramsPerKilogram = 0.0185m }.Build(), 100m);
        var otherMg = DoseAmount.For(new CourseProtocolBuilder { DoseMilligramsPerKilogram = 0.036m }.Build(), 50m);
        var otherIu = DoseAmount.For(new CourseProtocolBuilder { DoseInternationalUnitsPerKilogram = 500_000 }.Build(), 50m);

        (otherWeight.InternationalUnits, otherWeight.Milligrams).Should().Be((30_000_000m, 1.85m));
        (otherMg.BodyWeightKilograms, otherMg.InternationalUnits, otherMg.Milligrams).Should().Be((50m, 30_000_000m, 1.8m));
        (otherIu.BodyWeightKilograms, otherIu.InternationalUnits, otherIu.Milligrams).Should().Be((50m, 25_000_000m, 1.85m));
        amount.Equals(same).Should().BeTrue();
        (amount == same).Should().BeTrue();
        (amount != same).Should().BeFalse();
        amount.GetHashCode().Should().Be(same.GetHashCode());
        foreach (var other in new[] { otherWeight, otherMg, otherIu })
        {
            amount.Equals(other).Should().BeFalse();
            (amount == other).Should().BeFalse();
            (amount != other).Should().BeTrue();
        }
        DoseAmount? none = null;
        object? nothing = null;
        amount.Equals(none).Should().BeFalse();
        amount.Equals(nothing).Should().BeFalse();
        (amount != none).Should().BeTrue();
        (none == null).Should().BeTrue();
        (none != null).Should().BeFalse();
    }
}
