using System.Text.Json;
using FluentAssertions;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using NodaTime;
using NodaTime.Testing.TimeZones;

namespace IL2Schedule.Tests.Serialization;

/// <summary>
/// A record whose plan inputs are malformed is rejected with a <see cref="JsonException"/> whose whole
/// message names the property and the rule. One bad property per row; the rest of the record
/// (label protocol, first dose 2027-03-10T08:00 America/New_York, no events) is valid.
/// </summary>
public class CourseRecordJsonBadRecordTests
{
    private const string Valid = "\"firstDose\": \"2027-03-10T08:00\", \"zone\": \"America/New_York\", \"protocol\": \"label\", \"events\": []";

    [Theory]
    [InlineData("[]", "A course record must be a JSON object.")]
    [InlineData("null", "A course record must be a JSON object.")]
    [InlineData("""{"schemaVersion": "1", """ + Valid + "}", "schemaVersion must be a whole number; was \"1\".")]
    [InlineData("""{"schemaVersion": 2, """ + Valid + "}", "schemaVersion must be 1; was 2.")]
    [InlineData("""{"zone": "America/New_York", "protocol": "label", "events": []}""", "firstDose is required.")]
    [InlineData("""{"firstDose": 8, "zone": "America/New_York", "protocol": "label", "events": []}""", "firstDose must be a string; was 8.")]
    [InlineData("""{"firstDose": "2027-03-10 08:00", "zone": "America/New_York", "protocol": "label", "events": []}""", "firstDose must be a local date-time such as 2027-03-10T08:00 or 2027-03-10T08:00:00 (hours 00-23); was '2027-03-10 08:00'.")]
    [InlineData("""{"firstDose": "2027-03-09T24:00", "zone": "America/New_York", "protocol": "label", "events": []}""", "firstDose must be a local date-time such as 2027-03-10T08:00 or 2027-03-10T08:00:00 (hours 00-23); was '2027-03-09T24:00'.")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "protocol": "label", "events": []}""", "zone is required.")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": -5, "protocol": "label", "events": []}""", "zone must be a string; was -5.")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "events": []}""", "protocol is required.")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "nih", "events": []}""", "protocol must be 'label', 'nci' or an object of settings; was 'nih'.")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": 1, "events": []}""", "protocol must be 'label', 'nci' or an object of settings; was 1.")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": ["label"], "events": []}""", "protocol must be 'label', 'nci' or an object of settings; was [\"label\"].")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label"}""", "events is required.")]
    [InlineData("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label", "events": {}}""", "events must be an array.")]
    [InlineData("{" + Valid + """, "doseTiming": 1}""", "doseTiming must be a string; was 1.")]
    [InlineData("{" + Valid + """, "doseTiming": "wall clock"}""", "doseTiming must be 'elapsed', 'wallClock' or 'standardTimes'; was 'wall clock'.")]
    [InlineData("{" + Valid + """, "heldDosePolicy": true}""", "heldDosePolicy must be a string; was true.")]
    [InlineData("{" + Valid + """, "heldDosePolicy": "skip"}""", "heldDosePolicy must be 'useReserveSlots' or 'forfeit'; was 'skip'.")]
    [InlineData("{" + Valid + """, "courseNumber": "2"}""", "courseNumber must be a whole number; was \"2\".")]
    [InlineData("{" + Valid + """, "courseNumber": 0}""", "courseNumber must be at least 1; was 0.")]
    [InlineData("{" + Valid + """, "retreatmentOverrideReason": 3}""", "retreatmentOverrideReason must be a string; was 3.")]
    [InlineData("{" + Valid + """, "retreatmentOverrideReason": " "}""", "retreatmentOverrideReason must be null or a non-empty text.")]
    [InlineData("{" + Valid + """, "firstDoseStart": 8}""", "firstDoseStart must be a string; was 8.")]
    [InlineData("{" + Valid + """, "firstDoseStart": "2027-03-10T08:00"}""", "firstDoseStart must be an RFC 3339 date-time with an offset such as 2027-03-10T08:05:00-05:00; was '2027-03-10T08:00'.")]
    [InlineData("{" + Valid + """, "bodyWeightKg": "70"}""", "bodyWeightKg must be a number of kilograms; was \"70\".")]
    [InlineData("{" + Valid + """, "workingDays": 5}""", "workingDays must be an object with weekend, holidays and imagingDateShift; was 5.")]
    [InlineData("{" + Valid + """, "workingDays": {"weekend": ["funday"], "holidays": [], "imagingDateShift": "next"}}""", "workingDays.weekend must be one of monday, tuesday, wednesday, thursday, friday, saturday, sunday; was 'funday'.")]
    [InlineData("{" + Valid + """, "workingDays": {"weekend": ["none"], "holidays": [], "imagingDateShift": "next"}}""", "workingDays.weekend must hold monday to sunday; was 'none'.")]
    // 2027-03-14 02:30 does not exist in New York (EST -05:00 jumps to EDT -04:00 at 02:00).
    [InlineData("""{"firstDose": "2027-03-14T02:30", "zone": "America/New_York", "protocol": "label", "events": []}""", "firstDose 2027-03-14T02:30:00 is skipped in America/New_York; add firstDoseStart with the offset meant.")]
    // 2027-11-07 01:30 happens twice in New York (EDT -04:00, then EST -05:00 from 02:00 EDT).
    [InlineData("""{"firstDose": "2027-11-07T01:30", "zone": "America/New_York", "protocol": "label", "events": []}""", "firstDose 2027-11-07T01:30:00 is repeated in America/New_York; add firstDoseStart with the offset meant.")]
    // 2027-11-07 01:30 happens twice in New York (-04:00, then -05:00); -07:00 is neither.
    [InlineData("""{"firstDose": "2027-11-07T01:30", "firstDoseStart": "2027-11-07T01:30:00-07:00", "zone": "America/New_York", "protocol": "label", "events": []}""", "firstDoseStart must be an instant of firstDose 2027-11-07T01:30:00 in America/New_York: one of the instants of a repeated time, or for a skipped time one from the gap's start to the time shifted forward by the gap.")]
    public void Deserialize_AMalformedPlanInput_IsRejectedWithItsName(string json, string message)
    {
        var act = () => CourseRecordJson.Deserialize(json);

        act.Should().Throw<JsonException>().Which.Message.Should().Be(message);
    }

    [Fact]
    public void Deserialize_AMisspelledZone_IsRejectedWithTheTzdbVersionAndASuggestion()
    {
        var act = () => CourseRecordJson.Deserialize("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_Yrok", "protocol": "label", "events": []}""");

        act.Should().Throw<JsonException>().Which.Message.Should().Be(
            $"zone must be a tzdb {TimeZoneDatabase.Embedded.TzdbVersion}, Windows or fixed-offset time zone id; was 'America/New_Yrok'; did you mean America/New_York?");
    }

    // "Europe/" is contained in every Europe/ id; the first three in ordinal order are suggested.
    [Fact]
    public void Deserialize_AZoneCloseToSeveral_ListsTheSuggestions()
    {
        var act = () => CourseRecordJson.Deserialize("""{"firstDose": "2027-03-10T08:00", "zone": "Europe/", "protocol": "label", "events": []}""");

        act.Should().Throw<JsonException>().Which.Message.Should().Be(
            $"zone must be a tzdb {TimeZoneDatabase.Embedded.TzdbVersion}, Windows or fixed-offset time zone id; was 'Europe/'; did you mean Europe/Amsterdam, Europe/Andorra, Europe/Astrakhan?");
    }

    [Fact]
    public void Deserialize_AZoneLikeNoOther_IsRejectedWithoutASuggestion()
    {
        var act = () => CourseRecordJson.Deserialize("""{"firstDose": "2027-03-10T08:00", "zone": "Qqqqqqqqqqqqqqqq", "protocol": "label", "events": []}""");

        act.Should().Throw<JsonException>().Which.Message.Should().Be(
            $"zone must be a tzdb {TimeZoneDatabase.Embedded.TzdbVersion}, Windows or fixed-offset time zone id; was 'Qqqqqqqqqqqqqqqq'.");
    }

    [Fact]
    public void Deserialize_AProtocolObjectMissingSettings_NamesTheProtocolNotTheDocumentType()
    {
        var act = () => CourseRecordJson.Deserialize("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": {"cycleCount": 2}, "events": []}""");

        var message = act.Should().Throw<JsonException>().Which.Message;
        message.Should().StartWith("protocol must be 'label', 'nci' or an object with every setting of the planned JSON form's protocol: ");
        message.Should().Contain("the protocol").And.NotContain("IL2Schedule.Serialization.ProtocolDocument");
    }

    [Fact]
    public void Deserialize_NullOrNullDatabase_Throws()
    {
        var nullJson = () => CourseRecordJson.Deserialize(null!, TimeZoneDatabase.Embedded);
        var nullDatabase = () => CourseRecordJson.Deserialize("{}", null!);

        nullJson.Should().Throw<ArgumentNullException>().WithParameterName("json");
        nullDatabase.Should().Throw<ArgumentNullException>().WithParameterName("database");
    }

    [Fact]
    public void SerializeScheduleOrStatus_Null_Throws()
    {
        var schedule = () => CourseRecordJson.SerializeSchedule(null!);
        var status = () => CourseRecordJson.SerializeStatus(null!);

        schedule.Should().Throw<ArgumentNullException>().WithParameterName("schedule");
        status.Should().Throw<ArgumentNullException>().WithParameterName("status");
    }

    // A zone no tzdb knows (NodaTime.Testing's, +00:00 until 2030) could not be found again on reading.
    [Fact]
    public void Serialize_ARecordInAZoneWithoutAReadableId_IsRejected()
    {
        var zone = new SingleTransitionDateTimeZone(Instant.FromUtc(2030, 1, 1, 0, 0), Offset.Zero, Offset.FromHours(1), "Test/Nowhere");
        var record = CourseRecord.Start(new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), zone));

        var act = () => CourseRecordJson.Serialize(record);

        act.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be(
            "record's zone must have a tzdb or fixed-offset id so the document can be read back; was 'Test/Nowhere' (Parameter 'record')");
    }

    [Fact]
    public void Serialize_NullRecord_Throws()
    {
        var act = () => CourseRecordJson.Serialize(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("record");
    }
}
