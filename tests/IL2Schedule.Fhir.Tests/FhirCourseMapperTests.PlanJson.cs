using System.Text.Json.Nodes;
using FluentAssertions;

namespace IL2Schedule.Fhir.Tests;

/// <summary>
/// The planned course's FHIR JSON, field by field, against values worked by hand. New York: EST
/// (-05:00) until 2027-03-14 02:00, then EDT (-04:00). Sydney: AEST (+10:00) until 2022-10-02 02:00,
/// then AEDT (+11:00).
/// </summary>
public partial class FhirCourseMapperTests
{
    private static JsonNode Json(Hl7.Fhir.Model.Resource resource) => JsonNode.Parse(FhirCourseMapper.Serialize(resource))!;

    private static JsonNode Resource(JsonNode bundle, string type, int occurrence = 0) =>
        bundle["entry"]!.AsArray().Select(entry => entry!["resource"]!).Where(r => (string?)r["resourceType"] == type).ElementAt(occurrence);

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(node => (string)node!).ToList();

    [Fact]
    public void Collection_HoldsCarePlanTwoRequestsAndTwoServiceRequests()
    {
        var bundle = Json(Courses.Mapper.ToCollection(Courses.WorkedExample()));

        ((string?)bundle["type"]).Should().Be("collection");
        bundle["entry"]!.AsArray().Select(entry => (string?)entry!["resource"]!["resourceType"])
            .Should().Equal("CarePlan", "MedicationRequest", "MedicationRequest", "ServiceRequest", "ServiceRequest");
        bundle["entry"]!.AsArray().Should().OnlyContain(entry =>
            (string?)entry!["fullUrl"] == "urn:uuid:" + (string?)entry["resource"]!["id"]);
    }

    // Cycle 1: 08:00 -05:00 + 8 h steps; dose 12 at 03-14 00:00 -05:00 (05:00Z); dose 13 is 8 elapsed
    // hours later, 13:00Z = 09:00 -04:00; dose 14 17:00 -04:00. Window 03-10 13:00Z + 120 h = 03-15
    // 13:00Z = 09:00 -04:00.
    [Fact]
    public void Cycle1Timing_HasTheRuleAndEveryDoseStartWithItsOffset()
    {
        var timing = Resource(Json(Courses.Mapper.ToCollection(Courses.WorkedExample())), "MedicationRequest")["dosageInstruction"]![0]!["timing"]!;

        var events = Strings(timing["event"]);
        events.Should().HaveCount(14);
        events[0].Should().Be("2027-03-10T08:00:00-05:00");
        events[1].Should().Be("2027-03-10T16:00:00-05:00");
        events[2].Should().Be("2027-03-11T00:00:00-05:00");
        events[11].Should().Be("2027-03-14T00:00:00-05:00");
        events[12].Should().Be("2027-03-14T09:00:00-04:00");
        events[13].Should().Be("2027-03-14T17:00:00-04:00");
        var repeat = timing["repeat"]!;
        ((string?)repeat["boundsPeriod"]!["start"]).Should().Be("2027-03-10T08:00:00-05:00");
        ((string?)repeat["boundsPeriod"]!["end"]).Should().Be("2027-03-15T09:00:00-04:00");
        ((int)repeat["count"]!).Should().Be(14);
        ((int)repeat["frequency"]!).Should().Be(1);
        ((decimal)repeat["period"]!).Should().Be(8);
        ((string?)repeat["periodUnit"]).Should().Be("h");
        ((decimal)repeat["duration"]!).Should().Be(15);
        ((string?)repeat["durationUnit"]).Should().Be("min");
        ((string?)repeat["extension"]![0]!["url"]).Should().Be("http://hl7.org/fhir/StructureDefinition/timing-exact");
        ((bool)repeat["extension"]![0]!["valueBoolean"]!).Should().BeTrue();
        ((string?)timing["extension"]![0]!["url"]).Should().Be("http://hl7.org/fhir/StructureDefinition/timezone");
        ((string?)timing["extension"]![0]!["valueCode"]).Should().Be("America/New_York");
    }

    // Cycle 2 starts on day 15 at the requested clock time, 2027-03-24 08:00 -04:00; dose 28 is
    // 13 x 8 h = 4 days 8 h later, 03-28 16:00 -04:00; window 03-24 12:00Z + 120 h = 03-29 08:00 -04:00.
    [Fact]
    public void Cycle2Timing_StartsOnDay15()
    {
        var request = Resource(Json(Courses.Mapper.ToCollection(Courses.WorkedExample())), "MedicationRequest", 1);
        var timing = request["dosageInstruction"]![0]!["timing"]!;

        Strings(timing["event"]).Should().HaveCount(14).And.StartWith("2027-03-24T08:00:00-04:00").And.EndWith("2027-03-28T16:00:00-04:00");
        ((string?)timing["repeat"]!["boundsPeriod"]!["end"]).Should().Be("2027-03-29T08:00:00-04:00");
    }

    // Dose 1 at 18:00 +10:00 (08:00Z); dose 2 8 h later at 16:00Z, which is 02:00 AEST, the instant
    // clocks go to 03:00 AEDT: 03:00 +11:00; dose 3 00:00Z = 11:00 +11:00; dose 14 at 08:00Z + 104 h
    // = 10-05 16:00Z = 10-06 03:00 +11:00. Window 08:00Z + 120 h = 10-06 08:00Z = 19:00 +11:00.
    [Fact]
    public void Sydney_DosesCrossTheSpringChangeInElapsedTime()
    {
        var bundle = Json(Courses.Mapper.ToCollection(Courses.Sydney()));
        var timing = Resource(bundle, "MedicationRequest")["dosageInstruction"]![0]!["timing"]!;

        Strings(timing["event"]).Take(4).Should().Equal(
            "2022-10-01T18:00:00+10:00", "2022-10-02T03:00:00+11:00", "2022-10-02T11:00:00+11:00", "2022-10-02T19:00:00+11:00");
        Strings(timing["event"])[13].Should().Be("2022-10-06T03:00:00+11:00");
        ((string?)timing["repeat"]!["boundsPeriod"]!["start"]).Should().Be("2022-10-01T18:00:00+10:00");
        ((string?)timing["repeat"]!["boundsPeriod"]!["end"]).Should().Be("2022-10-06T19:00:00+11:00");
        ((string?)timing["extension"]![0]!["valueCode"]).Should().Be("Australia/Sydney");
    }

    // Cycle 2: 10-01 18:00 + 14 days = 10-15 18:00 AEDT (+11:00); dose 28 + 104 h = 10-20 02:00 +11:00,
    // ending 02:15. Imaging 10-20 + 4 weeks = 11-17; window 10-20 + 6 weeks = 12-01 to + 12 weeks = 2023-01-12.
    [Fact]
    public void Sydney_CarePlanPeriodAndFollowUpDates()
    {
        var bundle = Json(Courses.Mapper.ToCollection(Courses.Sydney()));

        var carePlan = Resource(bundle, "CarePlan");
        ((string?)carePlan["period"]!["start"]).Should().Be("2022-10-01T18:00:00+10:00");
        ((string?)carePlan["period"]!["end"]).Should().Be("2022-10-20T02:15:00+11:00");
        Strings(Resource(bundle, "MedicationRequest", 1)["dosageInstruction"]![0]!["timing"]!["event"])
            .Should().StartWith("2022-10-15T18:00:00+11:00").And.EndWith("2022-10-20T02:00:00+11:00");
        ((string?)Resource(bundle, "ServiceRequest")["occurrenceDateTime"]).Should().Be("2022-11-17");
        ((string?)Resource(bundle, "ServiceRequest", 1)["occurrencePeriod"]!["start"]).Should().Be("2022-12-01");
        ((string?)Resource(bundle, "ServiceRequest", 1)["occurrencePeriod"]!["end"]).Should().Be("2023-01-12");
    }

    [Fact]
    public void CarePlan_StatusIntentSubjectAndActivities()
    {
        var bundle = Json(Courses.Mapper.ToCollection(Courses.WorkedExample()));
        var carePlan = Resource(bundle, "CarePlan");

        ((string?)carePlan["status"]).Should().Be("active");
        ((string?)carePlan["intent"]).Should().Be("plan");
        ((string?)carePlan["subject"]!["reference"]).Should().Be("Patient/p1");
        ((string?)carePlan["period"]!["start"]).Should().Be("2027-03-10T08:00:00-05:00");
        ((string?)carePlan["period"]!["end"]).Should().Be("2027-03-28T16:15:00-04:00");
        var others = bundle["entry"]!.AsArray().Skip(1).Select(entry => (string?)entry!["fullUrl"]).ToList();
        carePlan["activity"]!.AsArray().Select(a => (string?)a!["reference"]!["reference"]).Should().Equal(others);
    }

    [Fact]
    public void MedicationRequest_DoseIsPerKilogramInUcum_OrInIuWithABodyWeight()
    {
        var perKg = Resource(Json(Courses.Mapper.ToCollection(Courses.WorkedExample())), "MedicationRequest");
        var dose = perKg["dosageInstruction"]![0]!["doseAndRate"]![0]!["doseQuantity"]!;
        ((decimal)dose["value"]!).Should().Be(600000);
        ((string?)dose["unit"]).Should().Be("[iU]/kg");
        ((string?)dose["system"]).Should().Be("http://unitsofmeasure.org");
        ((string?)dose["code"]).Should().Be("[iU]/kg");
        ((string?)perKg["status"]).Should().Be("active");
        ((string?)perKg["intent"]).Should().Be("plan");
        ((string?)perKg["medicationCodeableConcept"]!["text"]).Should().Be("aldesleukin (Proleukin)");

        // 72.5 kg x 600,000 IU/kg = 43,500,000 IU.
        var weighed = Resource(Json(Courses.Mapper.ToCollection(Courses.WorkedExample().WithBodyWeight(72.5m))), "MedicationRequest");
        var iu = weighed["dosageInstruction"]![0]!["doseAndRate"]![0]!["doseQuantity"]!;
        ((decimal)iu["value"]!).Should().Be(43_500_000m);
        ((string?)iu["code"]).Should().Be("[iU]");
    }

    // Imaging: course end date 03-28 + 4 weeks = 04-25. Window 03-28 + 6 weeks = 05-09 to + 12 weeks = 06-20.
    [Fact]
    public void ServiceRequests_ImagingDateAndNextCourseWindow()
    {
        var bundle = Json(Courses.Mapper.ToCollection(Courses.WorkedExample()));

        ((string?)Resource(bundle, "ServiceRequest")["occurrenceDateTime"]).Should().Be("2027-04-25");
        var next = Resource(bundle, "ServiceRequest", 1);
        ((string?)next["occurrencePeriod"]!["start"]).Should().Be("2027-05-09");
        ((string?)next["occurrencePeriod"]!["end"]).Should().Be("2027-06-20");
        next["note"].Should().BeNull();
    }

    // Discharge 2027-08-01 + 7 weeks = 09-19, after the window's end 06-20: the window is empty.
    [Fact]
    public void EmptyNextCourseWindow_HasNoOccurrenceAndSaysWhy()
    {
        var plan = Courses.WorkedExample().WithDischargeDate(new NodaTime.LocalDate(2027, 8, 1));
        var next = Resource(Json(Courses.Mapper.ToCollection(plan)), "ServiceRequest", 1);

        next["occurrencePeriod"].Should().BeNull();
        ((string?)next["note"]![0]!["text"]).Should().Be(plan.NextCourseWindow.Note);
    }
}
