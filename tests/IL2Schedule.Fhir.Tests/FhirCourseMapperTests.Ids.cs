using System.Text.RegularExpressions;
using FluentAssertions;
using Hl7.Fhir.Model;
using NodaTime;

namespace IL2Schedule.Fhir.Tests;

/// <summary>Resource ids and identifiers: stable for the same course, different for different ones.</summary>
public partial class FhirCourseMapperTests
{
    private static List<string> Ids(Bundle bundle) => bundle.Entry.Select(entry => entry.Resource!.Id!).ToList();

    [Fact]
    public void SameInputs_GiveTheSameIds()
    {
        Ids(new FhirCourseMapper("Patient/p1").ToCollection(Courses.WorkedExample()))
            .Should().Equal(Ids(new FhirCourseMapper("Patient/p1").ToCollection(Courses.WorkedExample())));
    }

    [Fact]
    public void Ids_AreVersion8UuidsAndIdentifiersAreTheirUrns()
    {
        var bundle = Courses.Mapper.ToCollection(Courses.WorkedExample());

        Ids(bundle).Should().OnlyHaveUniqueItems().And.OnlyContain(id => Regex.IsMatch(id, "^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        foreach (var entry in bundle.Entry)
        {
            var identifier = entry.Resource switch
            {
                CarePlan carePlan => carePlan.Identifier.Single(),
                MedicationRequest request => request.Identifier.Single(),
                ServiceRequest request => request.Identifier.Single(),
                _ => throw new InvalidOperationException(entry.Resource!.TypeName),
            };
            identifier.System.Should().Be("urn:ietf:rfc:3986");
            identifier.Value.Should().Be("urn:uuid:" + entry.Resource.Id);
        }
    }

    [Fact]
    public void DifferentPatientCourseNumberFirstDoseOrProtocol_GiveOtherIds()
    {
        var ids = Ids(Courses.Mapper.ToCollection(Courses.WorkedExample()));
        var others = new[]
        {
            new FhirCourseMapper("Patient/p2").ToCollection(Courses.WorkedExample()),
            Courses.Mapper.ToCollection(Courses.WorkedExample(), courseNumber: 2),
            Courses.Mapper.ToCollection(new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 16, 0), "America/New_York")),
            Courses.Mapper.ToCollection(new CoursePlanner(CourseProtocol.NciSurgeryBranch).Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York")),
        };

        foreach (var other in others)
        {
            Ids(other).Should().NotIntersectWith(ids);
        }
    }

    [Fact]
    public void BodyWeightAndDischarge_KeepTheIds() =>
        Ids(Courses.Mapper.ToCollection(Courses.WorkedExample().WithBodyWeight(80m).WithDischargeDate(new LocalDate(2027, 3, 31))))
            .Should().Equal(Ids(Courses.Mapper.ToCollection(Courses.WorkedExample())));

    [Fact]
    public void Transaction_PostsEachResourceWithConditionalCreateOnItsIdentifier()
    {
        var bundle = Courses.Mapper.ToTransaction(Courses.WorkedExample());

        bundle.Type.Should().Be(Bundle.BundleType.Transaction);
        bundle.Entry.Should().HaveCount(5);
        foreach (var entry in bundle.Entry)
        {
            entry.Request!.Method.Should().Be(Bundle.HTTPVerb.POST);
            entry.Request.Url.Should().Be(entry.Resource!.TypeName);
            entry.Request.IfNoneExist.Should().Be("identifier=urn:ietf:rfc:3986|urn:uuid:" + entry.Resource.Id);
        }
    }

    [Theory]
    [InlineData("p1")]
    [InlineData("Patient/")]
    [InlineData("Patient/a b")]
    [InlineData("Practitioner/1")]
    public void PatientReference_MustBePatientAndAnId(string reference)
    {
        var create = () => new FhirCourseMapper(reference);

        create.Should().Throw<ArgumentException>().WithMessage(
            $"patientReference must be Patient/ and a FHIR id of 1 to 64 letters, digits, '-' or '.', like Patient/123; was '{reference}'*");
    }
}
