using FluentAssertions;
using Hl7.Fhir.Model;
using Xunit.Abstractions;

namespace IL2Schedule.Fhir.Tests;

/// <summary>
/// Every exported bundle passes the Firely validator against the base R4 profiles with no error;
/// warnings are printed to the test output. A broken Timing shows that the validator evaluates the
/// FHIRPath invariants (tim-1 ... tim-10) rather than passing everything.
/// </summary>
[Collection(FhirValidatorGroup.Name)]
public partial class FhirCourseMapperTests(FhirValidatorFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void WorkedExample_Collection_HasNoErrors() => ShouldHaveNoErrors(Courses.Mapper.ToCollection(Courses.WorkedExample()));

    [Fact]
    public void WorkedExample_Transaction_HasNoErrors() => ShouldHaveNoErrors(Courses.Mapper.ToTransaction(Courses.WorkedExample()));

    [Fact]
    public void WorkedExample_WithBodyWeightAndDischarge_HasNoErrors() =>
        ShouldHaveNoErrors(Courses.Mapper.ToCollection(Courses.WorkedExample().WithBodyWeight(72.5m).WithDischargeDate(new NodaTime.LocalDate(2027, 3, 31))));

    [Fact]
    public void SydneyAcrossTheSpringChange_HasNoErrors() => ShouldHaveNoErrors(Courses.Mapper.ToTransaction(Courses.Sydney()));

    [Fact]
    public void RecordedCourse_WithHeldLateStoppedAndCorrectedDoses_HasNoErrors() =>
        ShouldHaveNoErrors(Courses.Mapper.ToCollection(Courses.Recorded()));

    // An empty next-course window: discharge 2027-08-01 + 7 weeks = 09-19, after the window's end 06-20.
    [Fact]
    public void EmptyNextCourseWindow_HasNoErrors() =>
        ShouldHaveNoErrors(Courses.Mapper.ToCollection(Courses.WorkedExample().WithDischargeDate(new NodaTime.LocalDate(2027, 8, 1))));

    [Theory]
    [InlineData("tim-1", "duration without durationUnit")]
    [InlineData("tim-2", "period without periodUnit")]
    [InlineData("tim-4", "negative duration")]
    [InlineData("tim-5", "negative period")]
    [InlineData("tim-6", "periodMax without period")]
    [InlineData("tim-7", "durationMax without duration")]
    [InlineData("tim-8", "countMax without count")]
    [InlineData("tim-9", "offset without when")]
    [InlineData("tim-10", "timeOfDay with when")]
    public void BrokenTiming_IsReportedByItsInvariant(string invariant, string breakage)
    {
        var request = (MedicationRequest)Courses.Mapper.ToCollection(Courses.WorkedExample()).Entry[1].Resource!;
        var repeat = request.DosageInstruction[0].Timing!.Repeat!;
        switch (invariant)
        {
            case "tim-1": repeat.DurationUnit = null; break;
            case "tim-2": repeat.PeriodUnit = null; break;
            case "tim-4": repeat.Duration = -15; break;
            case "tim-5": repeat.Period = -8; break;
            case "tim-6": repeat.Period = null; repeat.PeriodUnit = null; repeat.PeriodMax = 9; break;
            case "tim-7": repeat.Duration = null; repeat.DurationUnit = null; repeat.DurationMax = 20; break;
            case "tim-8": repeat.Count = null; repeat.CountMax = 15; break;
            case "tim-9": repeat.Offset = 30; break;
            case "tim-10": repeat.TimeOfDayElement.Add(new Time("08:00:00")); repeat.When = [Timing.EventTiming.MORN]; break;
        }

        var errors = Errors(fixture.Validate(request));

        errors.Select(issue => issue.Details!.Text).Should().Contain(text => text.Contains(invariant + " ", StringComparison.Ordinal), because: $"{breakage} breaks {invariant}");
    }

    // The same break inside a bundle: the validator reaches the entries, not only the bundle.
    [Fact]
    public void BrokenTimingInsideABundle_IsReported()
    {
        var bundle = Courses.Mapper.ToTransaction(Courses.Sydney());
        ((MedicationRequest)bundle.Entry[2].Resource!).DosageInstruction[0].Timing!.Repeat!.DurationUnit = null;

        Errors(fixture.Validate(bundle)).Should().ContainSingle()
            .Which.Details!.Text.Should().Contain("tim-1 ");
    }

    private void ShouldHaveNoErrors(Bundle bundle)
    {
        var issues = fixture.Validate(bundle);
        foreach (var issue in issues)
        {
            output.WriteLine($"{issue.Severity}: {issue.Details?.Text} @ {string.Join(", ", issue.Expression)}");
        }
        Errors(issues).Should().BeEmpty();
    }

    private static List<OperationOutcome.IssueComponent> Errors(IReadOnlyList<OperationOutcome.IssueComponent> issues) =>
        issues.Where(issue => issue.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).ToList();
}
