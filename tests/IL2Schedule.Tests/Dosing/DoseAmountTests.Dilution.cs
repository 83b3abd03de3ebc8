using FluentAssertions;

namespace IL2Schedule.Tests.Dosing;

/// <content>
/// The final concentration against the label's 0.03–0.07 mg/mL (section 2.5), worked by hand:
/// mg = weight × 0.037 mg/kg; diluent by IU = weight × 600,000 IU/kg (25 mL up to 25.4 million IU,
/// 50 mL up to 60 million, 100 mL above); concentration = mg ÷ mL.
/// </content>
public partial class DoseAmountTests
{
    // 20 kg: 12,000,000 IU -> 25 mL; 0.74 mg / 25 mL = 0.0296 mg/mL < 0.03 -> below.
    // 72.5 kg: 43,500,000 IU -> 50 mL; 2.6825 mg / 50 mL = 0.05365 mg/mL -> inside.
    // 200 kg: 120,000,000 IU -> 100 mL; 7.4 mg / 100 mL = 0.074 mg/mL > 0.07 -> above.
    [Theory]
    [InlineData("20", "12000000", "0.74", 25, "0.0296", false)]
    [InlineData("72.5", "43500000", "2.6825", 50, "0.05365", true)]
    [InlineData("200", "120000000", "7.4", 100, "0.074", false)]
    public void Concentration_IsMilligramsOverDiluent_CheckedAgainstTheLabelRange(string weight, string iu, string mg, int diluent, string concentration, bool inRange)
    {
        var amount = DoseAmount.For(CourseProtocol.Label, decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture));

        amount.InternationalUnits.Should().Be(decimal.Parse(iu, System.Globalization.CultureInfo.InvariantCulture));
        amount.Milligrams.Should().Be(decimal.Parse(mg, System.Globalization.CultureInfo.InvariantCulture));
        amount.DiluentMilliliters.Should().Be(diluent);
        amount.ConcentrationMilligramsPerMilliliter.Should().Be(decimal.Parse(concentration, System.Globalization.CultureInfo.InvariantCulture));
        amount.IsConcentrationInLabelRange.Should().Be(inRange);
        (amount.ConcentrationWarning is null).Should().Be(inRange);
    }

    [Fact]
    public void ConcentrationWarning_NamesTheValueTheBandTheRangeAndTheLabel()
    {
        DoseAmount.For(CourseProtocol.Label, 200m).ConcentrationWarning.Should().Be(
            "final concentration 0.074 mg/mL (7.4 mg in 100 mL of 5% dextrose) is above the label's range of 0.03 to 0.07 mg/mL (Label §2.5); the dose is not changed");
        DoseAmount.For(CourseProtocol.Label, 20m).ConcentrationWarning.Should().Be(
            "final concentration 0.0296 mg/mL (0.74 mg in 25 mL of 5% dextrose) is below the label's range of 0.03 to 0.07 mg/mL (Label §2.5); the dose is not changed");
    }

    // The upper bound in the 100 mL band (above 60 million IU, 100 kg): 0.07 mg/mL is 7 mg, at
    // 7 / 0.037 = 189.189... kg. 189.18 kg: 6.99966 mg / 100 mL = 0.0699966 (inside); 189.19 kg:
    // 7.00003 mg / 100 mL = 0.0700003 (above).
    [Theory]
    [InlineData("189.18", "0.0699966", true)]
    [InlineData("189.19", "0.0700003", false)]
    public void Concentration_AtTheUpperBound_IsInsideUpToIt(string weight, string concentration, bool inRange)
    {
        var amount = DoseAmount.For(CourseProtocol.Label, decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture));

        amount.ConcentrationMilligramsPerMilliliter.Should().Be(decimal.Parse(concentration, System.Globalization.CultureInfo.InvariantCulture));
        amount.IsConcentrationInLabelRange.Should().Be(inRange);
    }

    [Fact]
    public void Concentration_WithoutAMgFigure_IsNotComputedAndNotChecked()
    {
        var amount = DoseAmount.For(CourseProtocol.NciSurgeryBranch, 200m);

        amount.ConcentrationMilligramsPerMilliliter.Should().BeNull();
        amount.IsConcentrationInLabelRange.Should().BeNull();
        amount.ConcentrationWarning.Should().BeNull();
    }

    [Fact]
    public void Concentration_OutsideTheRange_LeavesTheDoseAsItIs()
    {
        var schedule = new CoursePlanner().Plan(new NodaTime.LocalDateTime(2027, 3, 10, 8, 0), "America/New_York").WithBodyWeight(200m);

        schedule.DoseAmount!.InternationalUnits.Should().Be(120_000_000m);
        schedule.PlannedCourseMilligrams.Should().Be(207.2m); // 28 x 7.4 mg
    }

    // Both ends of the label's range are inside it. A protocol of 0.035 mg/kg at 100 kg: 60,000,000
    // IU -> 50 mL; 3.5 mg / 50 mL = 0.07 mg/mL. 0.03 mg/kg at 25 kg: 15,000,000 IU -> 25 mL; 0.75 mg
    // / 25 mL = 0.03 mg/mL. 0.0299 mg/kg at 25 kg: 0.7475 mg / 25 mL = 0.0299 mg/mL, below.
    [Theory]
    [InlineData("0.035", "100", "0.07", true)]
    [InlineData("0.03", "25", "0.03", true)]
    [InlineData("0.0299", "25", "0.0299", false)]
    public void Concentration_AtEitherEndOfTheRange_IsInside(string milligramsPerKilogram, string weight, string concentration, bool inRange)
    {
        var protocol = new CourseProtocolBuilder { DoseMilligramsPerKilogram = decimal.Parse(milligramsPerKilogram, System.Globalization.CultureInfo.InvariantCulture) }.Build();

        var amount = DoseAmount.For(protocol, decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture));

        amount.ConcentrationMilligramsPerMilliliter.Should().Be(decimal.Parse(concentration, System.Globalization.CultureInfo.InvariantCulture));
        amount.IsConcentrationInLabelRange.Should().Be(inRange);
        (amount.ConcentrationWarning is null).Should().Be(inRange);
    }
}
