using FluentAssertions;
using Hl7.Fhir.Model;
using IL2Schedule.Records;

namespace IL2Schedule.Fhir.Tests;

/// <summary>MedicationAdministrations that cannot be mapped: an error naming the resource and the element, nothing applied.</summary>
public partial class FhirCourseMapperTests
{
    private static readonly CourseRecord Fresh = CourseRecord.Start(Courses.WorkedExample());

    private static List<MedicationAdministration> Exported() => Courses.Mapper.ToAdministrations(Courses.Recorded()).ToList();

    private static FhirMappingException Rejection(IEnumerable<MedicationAdministration> administrations)
    {
        var apply = () => Courses.Mapper.ApplyAdministrations(Fresh, administrations);
        return apply.Should().Throw<FhirMappingException>().Which;
    }

    [Fact]
    public void AStatusThatIsNoOutcome_IsRejected()
    {
        var administrations = Exported();
        administrations[2].Status = MedicationAdministration.MedicationAdministrationStatusCodes.InProgress;

        var e = Rejection(administrations);

        e.ResourceId.Should().Be(administrations[2].Id);
        e.Element.Should().Be("status");
        e.Message.Should().Be($"MedicationAdministration {administrations[2].Id}: status: 'in-progress' is not a recorded outcome; expected completed, stopped, not-done or entered-in-error");
    }

    [Fact]
    public void AStartWithoutATime_IsRejected()
    {
        var administrations = Exported();
        ((Period)administrations[0].Effective).Start = "2027-03-10";

        var e = Rejection(administrations);

        e.Element.Should().Be("effectivePeriod.start");
        e.Message.Should().EndWith("must be a dateTime with seconds and an offset, like 2027-03-10T08:00:00-05:00; was '2027-03-10'");
    }

    [Fact]
    public void AnotherPatient_IsRejected()
    {
        var administrations = Exported();
        administrations[1].Subject = new ResourceReference("Patient/p2");

        Rejection(administrations).Element.Should().Be("subject");
    }

    [Fact]
    public void ARequestOfAnotherCourse_IsRejected()
    {
        var administrations = Exported();
        administrations[1].Request = new ResourceReference("MedicationRequest/other");

        var e = Rejection(administrations);

        e.Element.Should().Be("request");
        e.Message.Should().Contain("was 'MedicationRequest/other'");
    }

    [Fact]
    public void AMissingCourseEventExtension_IsRejected()
    {
        var administrations = Exported();
        administrations[0].Extension.Clear();

        Rejection(administrations).Element.Should().Be("extension");
    }

    [Fact]
    public void AHeldDoseWithoutReason_IsRejected()
    {
        var administrations = Exported();
        administrations[1].StatusReason.Clear();

        Rejection(administrations).Element.Should().Be("statusReason");
    }

    [Fact]
    public void AStoppedInfusionWithoutEnd_IsRejected()
    {
        var administrations = Exported();
        ((Period)administrations[3].Effective).End = null;

        Rejection(administrations).Element.Should().Be("effectivePeriod.end");
    }

    [Fact]
    public void AStoppedInfusionWithoutAReason_IsRejected()
    {
        var administrations = Exported();
        administrations[3].StatusReason = [];

        var e = Rejection(administrations);

        e.Element.Should().Be("statusReason");
        e.Message.Should().EndWith("a stopped infusion needs statusReason[0].text, the reason it was stopped");
    }

    // Slot 4 started at 08:30 -05:00; its planned end is 08:45, so a stop at 08:45 is a full infusion.
    [Fact]
    public void AStoppedInfusionEndingAtItsPlannedEnd_IsRejectedByTheRecordsRule()
    {
        var administrations = Exported();
        ((Period)administrations[3].Effective).End = "2027-03-11T08:45:00-05:00";

        var e = Rejection(administrations);

        e.Element.Should().Be("effectivePeriod.end");
        e.InnerException.Should().BeOfType<CourseEventRejectedException>().Which.Rule.Should().Be(CourseEventRule.StopNotBeforeInfusionEnd);
    }

    [Fact]
    public void AnEnteredInErrorAdministrationThatNothingCorrects_IsRejected()
    {
        var administrations = Exported().Take(5);

        var e = Rejection(administrations);

        e.Element.Should().Be("status");
        e.Message.Should().EndWith("is entered-in-error, but no later administration in the input corrects event 'e5'");
    }

    // The second administration of slot 1 breaks the record's AlreadyRecorded rule; the first is not applied either.
    [Fact]
    public void AnEventTheRecordRejects_NamesItsAdministrationAndAppliesNothing()
    {
        var administrations = Exported();
        var duplicate = (MedicationAdministration)administrations[0].DeepCopy();
        duplicate.Id = "dup";
        duplicate.Extension[0].Extension.RemoveAll(e => e.Url == "eventId");

        var e = Rejection([administrations[0], duplicate]);

        e.ResourceId.Should().Be("dup");
        e.Element.Should().Be("extension.slot");
        e.InnerException.Should().BeOfType<CourseEventRejectedException>().Which.Rule.Should().Be(CourseEventRule.AlreadyRecorded);
        Fresh.Events.Should().BeEmpty();
    }

    [Theory]
    [InlineData("not json", "(input)")]
    [InlineData("{\"resourceType\": \"Patient\", \"id\": \"p1\"}", "resourceType")]
    [InlineData("[{\"resourceType\": \"Patient\"}]", "[0]")]
    [InlineData("{\"resourceType\": \"MedicationAdministration\", \"status\": 12}", "(input)")]
    public void InputThatIsNotAdministrations_IsRejected(string json, string element)
    {
        var apply = () => Courses.Mapper.ApplyAdministrations(Fresh, json);

        apply.Should().Throw<FhirMappingException>().Which.Element.Should().Be(element);
    }

    // The whole input at fault: no "(input):" prefix, and System.Text.Json's 0-based position made 1-based.
    [Fact]
    public void InputThatIsNotJson_IsWordedAsTheInput_WithAOneBasedPosition()
    {
        var e = FluentActions.Invoking(() => Courses.Mapper.ApplyAdministrations(Fresh, "[1")).Should().Throw<FhirMappingException>().Which;

        e.Element.Should().Be(FhirMappingException.WholeInput);
        e.Message.Should().StartWith("The input is not a JSON array: ").And.NotContain("LineNumber").And.EndWith("(line 1, byte 3).");
        e.Reason.Should().StartWith("is not a JSON array: ");
    }

    [Fact]
    public void InputLargerThanItsLimit_IsRefusedAndNothingIsApplied()
    {
        var apply = () => Courses.Mapper.ApplyAdministrations(Fresh, new string(' ', InputLimits.MaxFhirJsonBytes + 1));

        apply.Should().Throw<InputLimitExceededException>().Which.LimitName.Should().Be("MaxFhirJsonBytes");
        Fresh.Events.Should().BeEmpty();
    }
}
