using FluentAssertions;
using Hl7.Fhir.Model;

namespace IL2Schedule.Fhir.Tests;

/// <content>
/// The label's dilution range in the MedicationRequest's dosage text (label section 2.5): 20 kg is
/// 0.74 mg in 25 mL = 0.0296 mg/mL, below 0.03, so the text ends with the warning; without a
/// weight the text is as before.
/// </content>
public partial class FhirCourseMapperTests
{
    [Fact]
    public void DosageText_AConcentrationOutsideTheLabelRange_EndsWithTheWarning()
    {
        var light = (MedicationRequest)Courses.Mapper.ToCollection(Courses.WorkedExample().WithBodyWeight(20m)).Entry[1].Resource!;
        var plain = (MedicationRequest)Courses.Mapper.ToCollection(Courses.WorkedExample()).Entry[1].Resource!;

        light.DosageInstruction[0].Text.Should().Be("600,000 IU/kg intravenously over 15 minutes every 8 hours; 14 doses in cycle 1; warning: final concentration 0.0296 mg/mL (0.74 mg in 25 mL of 5% dextrose) is below the label's range of 0.03 to 0.07 mg/mL (Label §2.5); the dose is not changed");
        plain.DosageInstruction[0].Text.Should().Be("600,000 IU/kg intravenously over 15 minutes every 8 hours; 14 doses in cycle 1");
    }
}
