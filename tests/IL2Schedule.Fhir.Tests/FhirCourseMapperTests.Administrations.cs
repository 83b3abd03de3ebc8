using System.Text.Json.Nodes;
using FluentAssertions;
using Hl7.Fhir.Model;
using IL2Schedule.Records;

namespace IL2Schedule.Fhir.Tests;

/// <summary>
/// A recorded course's MedicationAdministrations, and reading them back. The record is
/// <see cref="Courses.Recorded"/>: New York, all in EST (-05:00).
/// </summary>
public partial class FhirCourseMapperTests
{
    private static List<JsonNode> Administrations() =>
        Courses.Mapper.ToAdministrations(Courses.Recorded()).Select(administration => Json(administration)).ToList();

    private static JsonNode SubExtension(JsonNode administration, string name) =>
        administration["extension"]!.AsArray().Single(e => (string?)e!["url"] == "urn:il2schedule:fhir:course-event")!["extension"]!
            .AsArray().Single(e => (string?)e!["url"] == name)!;

    [Fact]
    public void EachDoseEvent_HasItsStatus()
    {
        Administrations().Select(a => (string?)a["status"]).Should().Equal(
            "completed",        // e1, given 08:05
            "not-done",         // e2, held
            "completed",        // e3, given late 00:30
            "stopped",          // e4, a DoseStopped, 08:30 to 08:40, before 08:30 + 15 min
            "entered-in-error", // e5, replaced by c1
            "completed");       // c1's replacement, 16:35
    }

    [Fact]
    public void GivenDoses_HaveTheirRecordedStartAndEnd()
    {
        var administrations = Administrations();

        ((string?)administrations[0]["effectivePeriod"]!["start"]).Should().Be("2027-03-10T08:05:00-05:00");
        administrations[0]["effectivePeriod"]!["end"].Should().BeNull();
        ((string?)administrations[3]["effectivePeriod"]!["start"]).Should().Be("2027-03-11T08:30:00-05:00");
        ((string?)administrations[3]["effectivePeriod"]!["end"]).Should().Be("2027-03-11T08:40:00-05:00");
        ((string?)administrations[4]["effectivePeriod"]!["start"]).Should().Be("2027-03-11T16:30:00-05:00");
        ((string?)administrations[5]["effectivePeriod"]!["start"]).Should().Be("2027-03-11T16:35:00-05:00");
    }

    [Fact]
    public void StoppedInfusion_HasItsActualEndAndReason()
    {
        var stopped = Administrations()[3];

        ((string?)stopped["statusReason"]![0]!["text"]).Should().Be("rigors");
        ((string?)stopped["effectivePeriod"]!["end"]).Should().Be("2027-03-11T08:40:00-05:00");
    }

    // Europe/London, 2027-10-31: BST (+01:00) ends at 02:00, clocks go back to 01:00 GMT (+00:00).
    // Slot 3 starts at the first 01:50 (+01:00, 00:50 UTC) and is stopped at the second 01:02
    // (+00:00, 01:02 UTC), before its planned end 01:05 UTC; both offsets are written and read back.
    [Fact]
    public void StoppedInfusionAcrossTheAutumnOverlap_KeepsBothOffsetsAndReadsBack()
    {
        var plan = new CoursePlanner().Plan(new NodaTime.LocalDateTime(2027, 10, 30, 9, 50), "Europe/London");
        var record = CourseRecord.Start(plan).ApplyAll(
        [
            new DoseGiven("g1", 1, 1, NodaTime.Instant.FromUtc(2027, 10, 30, 8, 50), null),
            new DoseGiven("g2", 1, 2, NodaTime.Instant.FromUtc(2027, 10, 30, 16, 50), null),
            new DoseStopped("s3", 1, 3, NodaTime.Instant.FromUtc(2027, 10, 31, 0, 50), NodaTime.Instant.FromUtc(2027, 10, 31, 1, 2), "hypotension"),
        ]);

        var administrations = Courses.Mapper.ToAdministrations(record);
        var stopped = Json(administrations[2]);

        ((string?)stopped["status"]).Should().Be("stopped");
        ((string?)stopped["effectivePeriod"]!["start"]).Should().Be("2027-10-31T01:50:00+01:00");
        ((string?)stopped["effectivePeriod"]!["end"]).Should().Be("2027-10-31T01:02:00+00:00");
        Courses.Mapper.ApplyAdministrations(CourseRecord.Start(plan), administrations).Should().Be(record);
    }

    // A DoseGiven is a full dose whatever its recorded end: 08:30 to 08:40 is completed, not stopped.
    [Fact]
    public void GivenDoseWithAnEarlyEnd_IsCompleted()
    {
        var record = CourseRecord.Start(Courses.WorkedExample())
            .Apply(new DoseGiven("g1", 1, 1, Courses.At(2027, 3, 10, 8, 0), Courses.At(2027, 3, 10, 8, 6)));

        var administration = Json(Courses.Mapper.ToAdministrations(record).Single());

        ((string?)administration["status"]).Should().Be("completed");
        ((string?)administration["effectivePeriod"]!["end"]).Should().Be("2027-03-10T08:06:00-05:00");
        administration["statusReason"].Should().BeNull();
    }

    // Slot 2 is due 8 h after slot 1's given start 08:05: 16:05 -05:00.
    [Fact]
    public void HeldDose_HasItsReasonAndDueTime()
    {
        var held = Administrations()[1];

        ((string?)held["statusReason"]![0]!["text"]).Should().Be("hypotension");
        ((string?)held["effectiveDateTime"]).Should().Be("2027-03-10T16:05:00-05:00");
    }

    [Fact]
    public void Administrations_CarryCycleSlotEventIdAndTheirRequest()
    {
        var administrations = Administrations();
        var cycle1Request = Courses.Mapper.ToCollection(Courses.WorkedExample()).Entry[1].FullUrl;

        administrations.Select(a => (int)SubExtension(a, "slot")["valuePositiveInt"]!).Should().Equal(1, 2, 3, 4, 5, 5);
        administrations.Should().OnlyContain(a => (int)SubExtension(a, "cycle")["valuePositiveInt"]! == 1);
        administrations.Select(a => (string?)SubExtension(a, "eventId")["valueString"]).Should().Equal("e1", "e2", "e3", "e4", "e5", "e5");
        ((string?)SubExtension(administrations[5], "corrects")["valueString"]).Should().Be("e5");
        ((string?)SubExtension(administrations[5], "correctionId")["valueString"]).Should().Be("c1");
        administrations.Should().OnlyContain(a => (string?)a["request"]!["reference"] == cycle1Request);
        administrations.Should().OnlyContain(a => (string?)a["subject"]!["reference"] == "Patient/p1");
    }

    [Fact]
    public void RoundTrip_GivesAnEqualRecord()
    {
        var recorded = Courses.Recorded();

        var readBack = Courses.Mapper.ApplyAdministrations(CourseRecord.Start(recorded.Plan), Courses.Mapper.ToAdministrations(recorded));

        readBack.Should().Be(recorded);
        readBack.Events.Should().Equal(recorded.Events);
    }

    [Fact]
    public void RoundTripThroughBundleJson_GivesAnEqualRecord()
    {
        var recorded = Courses.Recorded();
        string json = FhirCourseMapper.Serialize(Courses.Mapper.ToCollection(recorded));

        Courses.Mapper.ApplyAdministrations(CourseRecord.Start(recorded.Plan), json).Should().Be(recorded);
    }

    [Fact]
    public void RoundTripThroughAJsonArray_GivesAnEqualRecord()
    {
        var recorded = Courses.Recorded();
        string json = "[" + string.Join(",", Courses.Mapper.ToAdministrations(recorded).Select(a => FhirCourseMapper.Serialize(a))) + "]";

        Courses.Mapper.ApplyAdministrations(CourseRecord.Start(recorded.Plan), json).Should().Be(recorded);
    }

    [Fact]
    public void ApplyingTheSameAdministrationsAgain_ChangesNothing()
    {
        var recorded = Courses.Recorded();

        Courses.Mapper.ApplyAdministrations(recorded, Courses.Mapper.ToAdministrations(recorded)).Should().BeSameAs(recorded);
    }

    [Fact]
    public void NonDoseEvents_HaveNoAdministration()
    {
        var record = Courses.Recorded().Apply(new CycleStopped("s1", 1, Courses.At(2027, 3, 11, 20, 0), "oliguria"));

        Courses.Mapper.ToAdministrations(record).Should().HaveCount(6);
    }

    [Fact]
    public void CorrectingADoseIntoAStop_CannotBeExpressed()
    {
        var record = CourseRecord.Start(Courses.WorkedExample())
            .Apply(new DoseGiven("e1", 1, 1, Courses.At(2027, 3, 10, 8, 0), null))
            .Apply(new Corrected("c1", "e1", new CycleStopped(null, 1, Courses.At(2027, 3, 10, 7, 0), "entered on the wrong patient")));

        var export = () => Courses.Mapper.ToAdministrations(record);

        export.Should().Throw<ArgumentException>().WithMessage(
            "record's correction c1 replaces event e1 with a cycleStopped; a MedicationAdministration cannot express a correction between a dose and another kind of event*");
    }
}
