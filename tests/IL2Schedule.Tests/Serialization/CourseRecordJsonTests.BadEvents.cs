using System.Text.Json;
using FluentAssertions;
using IL2Schedule.Serialization;

namespace IL2Schedule.Tests.Serialization;

/// <summary>
/// A record whose one event is malformed is rejected with a <see cref="JsonException"/> whose whole
/// message names the event's JSON path (with its id when the id is a text), the property and the rule.
/// One bad event per row, for every event type; the record around it (label protocol, first dose
/// 2027-03-10T08:00 America/New_York, EST -05:00) is valid, so the event is read before any rule applies.
/// </summary>
public class CourseRecordJsonBadEventTests
{
    private const string Rfc = " must be an RFC 3339 date-time with an offset such as 2027-03-10T08:05:00-05:00; was ";
    private const string Range = " must be between 0001-01-02 and 9999-12-30; was ";

    private static string Record(string events) =>
        """{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label", "events": [""" + events + "]}";

    [Theory]
    // The event itself, its id and its type.
    [InlineData("5", "events[0] must be an object.")]
    [InlineData("""{"cycle": 1}""", "events[0].type is required.")]
    [InlineData("""{"id": "e1", "cycle": 1}""", "events[0] (id e1).type is required.")]
    [InlineData("""{"id": 7, "type": "doseHeld"}""", "events[0].id must be a string; was 7.")]
    [InlineData("""{"type": 3}""", "events[0].type must be a string; was 3.")]
    [InlineData("""{"id": "e1", "type": "doseSkipped"}""", "events[0] (id e1).type must be one of doseGiven, doseStopped, doseHeld, cycleStopped, courseStopped, cycleRescheduled, discharged, corrected; was 'doseSkipped'.")]
    // doseGiven, with and without end.
    [InlineData("""{"type": "doseGiven", "slot": 1, "start": "2027-03-10T08:05:00-05:00"}""", "events[0].cycle is required.")]
    [InlineData("""{"type": "doseGiven", "cycle": "1", "slot": 1, "start": "2027-03-10T08:05:00-05:00"}""", "events[0].cycle must be a whole number; was \"1\".")]
    [InlineData("""{"type": "doseGiven", "cycle": 1, "slot": 1.5, "start": "2027-03-10T08:05:00-05:00"}""", "events[0].slot must be a whole number; was 1.5.")]
    [InlineData("""{"type": "doseGiven", "cycle": 1, "start": "2027-03-10T08:05:00-05:00"}""", "events[0].slot is required.")]
    [InlineData("""{"type": "doseGiven", "cycle": 1, "slot": 1}""", "events[0].start is required.")]
    [InlineData("""{"type": "doseGiven", "cycle": 1, "slot": 1, "start": 8}""", "events[0].start must be a string; was 8.")]
    [InlineData("""{"type": "doseGiven", "cycle": 1, "slot": 1, "start": "2027-03-10T08:05:00"}""", "events[0].start" + Rfc + "'2027-03-10T08:05:00'.")]
    [InlineData("""{"id": "g1", "type": "doseGiven", "cycle": 1, "slot": 1, "start": "2027-03-10T08:05:00-05:00", "end": true}""", "events[0] (id g1).end must be a string; was true.")]
    [InlineData("""{"type": "doseGiven", "cycle": 1, "slot": 1, "start": "2027-03-10T08:05:00-05:00", "end": "08:20"}""", "events[0].end" + Rfc + "'08:20'.")]
    [InlineData("""{"type": "doseGiven", "cycle": 1, "slot": 1, "start": "0001-01-01T12:00:00Z"}""", "events[0].start" + Range + "'0001-01-01T12:00:00Z'.")]
    [InlineData("""{"type": "doseGiven", "cycle": 1, "slot": 1, "start": "9999-12-31T00:00:00Z"}""", "events[0].start" + Range + "'9999-12-31T00:00:00Z'.")]
    // doseStopped.
    [InlineData("""{"type": "doseStopped", "cycle": 1, "slot": 1, "end": "2027-03-10T08:10:00-05:00", "reason": "rigors"}""", "events[0].start is required.")]
    [InlineData("""{"type": "doseStopped", "cycle": 1, "slot": 1, "start": [], "end": "2027-03-10T08:10:00-05:00", "reason": "rigors"}""", "events[0].start must be a string; was [].")]
    [InlineData("""{"type": "doseStopped", "cycle": 1, "slot": 1, "start": "2027-03-10", "end": "2027-03-10T08:10:00-05:00", "reason": "rigors"}""", "events[0].start" + Rfc + "'2027-03-10'.")]
    [InlineData("""{"type": "doseStopped", "cycle": 1, "slot": 1, "start": "2027-03-10T08:05:00-05:00", "reason": "rigors"}""", "events[0].end is required.")]
    [InlineData("""{"type": "doseStopped", "cycle": 1, "slot": 1, "start": "2027-03-10T08:05:00-05:00", "end": 1, "reason": "rigors"}""", "events[0].end must be a string; was 1.")]
    [InlineData("""{"type": "doseStopped", "cycle": 1, "slot": 1, "start": "2027-03-10T08:05:00-05:00", "end": "soon", "reason": "rigors"}""", "events[0].end" + Rfc + "'soon'.")]
    [InlineData("""{"type": "doseStopped", "cycle": 1, "slot": 1, "start": "2027-03-10T08:05:00-05:00", "end": "2027-03-10T08:10:00-05:00"}""", "events[0].reason is required.")]
    [InlineData("""{"type": "doseStopped", "cycle": 1, "slot": 1, "start": "2027-03-10T08:05:00-05:00", "end": "2027-03-10T08:10:00-05:00", "reason": 2}""", "events[0].reason must be a string; was 2.")]
    [InlineData("""{"type": "doseStopped", "slot": 1, "start": "2027-03-10T08:05:00-05:00", "end": "2027-03-10T08:10:00-05:00", "reason": "rigors"}""", "events[0].cycle is required.")]
    // doseHeld.
    [InlineData("""{"type": "doseHeld", "cycle": 1, "reason": "hypotension"}""", "events[0].slot is required.")]
    [InlineData("""{"type": "doseHeld", "cycle": 1, "slot": "2", "reason": "hypotension"}""", "events[0].slot must be a whole number; was \"2\".")]
    [InlineData("""{"type": "doseHeld", "cycle": 1, "slot": 2}""", "events[0].reason is required.")]
    [InlineData("""{"id": "h1", "type": "doseHeld", "cycle": 1, "slot": 2, "reason": null}""", "events[0] (id h1).reason is required.")]
    [InlineData("""{"type": "doseHeld", "cycle": 1, "slot": 2, "reason": false}""", "events[0].reason must be a string; was false.")]
    // cycleStopped.
    [InlineData("""{"type": "cycleStopped", "at": "2027-03-11T12:00:00-05:00", "reason": "oliguria"}""", "events[0].cycle is required.")]
    [InlineData("""{"type": "cycleStopped", "cycle": 1, "reason": "oliguria"}""", "events[0].at is required.")]
    [InlineData("""{"type": "cycleStopped", "cycle": 1, "at": 12, "reason": "oliguria"}""", "events[0].at must be a string; was 12.")]
    [InlineData("""{"type": "cycleStopped", "cycle": 1, "at": "2027-03-11 12:00", "reason": "oliguria"}""", "events[0].at" + Rfc + "'2027-03-11 12:00'.")]
    [InlineData("""{"type": "cycleStopped", "cycle": 1, "at": "2027-03-11T12:00:00-05:00"}""", "events[0].reason is required.")]
    [InlineData("""{"type": "cycleStopped", "cycle": 1, "at": "2027-03-11T12:00:00-05:00", "reason": {}}""", "events[0].reason must be a string; was {}.")]
    // courseStopped.
    [InlineData("""{"type": "courseStopped", "reason": "declined"}""", "events[0].at is required.")]
    [InlineData("""{"type": "courseStopped", "at": null, "reason": "declined"}""", "events[0].at is required.")]
    [InlineData("""{"type": "courseStopped", "at": 0, "reason": "declined"}""", "events[0].at must be a string; was 0.")]
    [InlineData("""{"type": "courseStopped", "at": "noon", "reason": "declined"}""", "events[0].at" + Rfc + "'noon'.")]
    [InlineData("""{"type": "courseStopped", "at": "2027-03-11T12:00:00-05:00"}""", "events[0].reason is required.")]
    [InlineData("""{"type": "courseStopped", "at": "2027-03-11T12:00:00-05:00", "reason": 1}""", "events[0].reason must be a string; was 1.")]
    // cycleRescheduled.
    [InlineData("""{"type": "cycleRescheduled", "newStart": "2027-03-25T08:00"}""", "events[0].cycle is required.")]
    [InlineData("""{"type": "cycleRescheduled", "cycle": "2", "newStart": "2027-03-25T08:00"}""", "events[0].cycle must be a whole number; was \"2\".")]
    [InlineData("""{"type": "cycleRescheduled", "cycle": 2}""", "events[0].newStart is required.")]
    [InlineData("""{"type": "cycleRescheduled", "cycle": 2, "newStart": 8}""", "events[0].newStart must be a string; was 8.")]
    [InlineData("""{"type": "cycleRescheduled", "cycle": 2, "newStart": "2027-03-25T08:00:00-04:00"}""", "events[0].newStart must be a local date-time such as 2027-03-10T08:00 or 2027-03-10T08:00:00 (hours 00-23); was '2027-03-25T08:00:00-04:00'.")]
    [InlineData("""{"type": "cycleRescheduled", "cycle": 2, "newStart": "2027-03-24T24:00"}""", "events[0].newStart must be a local date-time such as 2027-03-10T08:00 or 2027-03-10T08:00:00 (hours 00-23); was '2027-03-24T24:00'.")]
    // discharged.
    [InlineData("""{"type": "discharged"}""", "events[0].date is required.")]
    [InlineData("""{"type": "discharged", "date": 20270326}""", "events[0].date must be a string; was 20270326.")]
    [InlineData("""{"type": "discharged", "date": "2027-03-32"}""", "events[0].date must be a date such as 2027-03-31; was '2027-03-32'.")]
    // corrected, and the replacement it carries.
    [InlineData("""{"type": "corrected", "replacement": {"type": "doseHeld", "cycle": 1, "slot": 1, "reason": "fever"}}""", "events[0].corrects is required.")]
    [InlineData("""{"type": "corrected", "corrects": 4, "replacement": {"type": "doseHeld", "cycle": 1, "slot": 1, "reason": "fever"}}""", "events[0].corrects must be a string; was 4.")]
    [InlineData("""{"id": "c1", "type": "corrected", "corrects": "e1"}""", "events[0] (id c1).replacement is required.")]
    [InlineData("""{"type": "corrected", "corrects": "e1", "replacement": "doseHeld"}""", "events[0].replacement must be an object.")]
    [InlineData("""{"type": "corrected", "corrects": "e1", "replacement": {"type": "doseGiven", "cycle": 1, "slot": 1}}""", "events[0].replacement.start is required.")]
    [InlineData("""{"type": "corrected", "corrects": "e1", "replacement": {"id": "r1", "type": "doseGiven", "cycle": 1, "slot": 1, "start": "x"}}""", "events[0].replacement.start" + Rfc + "'x'.")]
    // The audit trail.
    [InlineData("""{"type": "doseHeld", "cycle": 1, "slot": 1, "reason": "fever", "recordedAt": 5}""", "events[0].recordedAt must be a string; was 5.")]
    [InlineData("""{"type": "doseHeld", "cycle": 1, "slot": 1, "reason": "fever", "recordedAt": "2027-03-10T08:05"}""", "events[0].recordedAt" + Rfc + "'2027-03-10T08:05'.")]
    [InlineData("""{"type": "doseHeld", "cycle": 1, "slot": 1, "reason": "fever", "recordedBy": 5}""", "events[0].recordedBy must be a string; was 5.")]
    [InlineData("""{"id": "h1", "type": "doseHeld", "cycle": 1, "slot": 1, "reason": "fever", "recordedBy": " RN Lee"}""", "events[0] (id h1): recordedBy must be null or a non-empty text without leading or trailing white space or control characters; was ' RN Lee'.")]
    public void Deserialize_AMalformedEvent_IsRejectedWithItsPath(string badEvent, string message)
    {
        var act = () => CourseRecordJson.Deserialize(Record(badEvent));

        act.Should().Throw<JsonException>().Which.Message.Should().Be(message);
    }

    [Fact]
    public void Deserialize_TheThirdEventMalformed_IsNamedByItsIndex()
    {
        string events = """
            {"id": "e1", "type": "doseGiven", "cycle": 1, "slot": 1, "start": "2027-03-10T08:05:00-05:00"},
            {"id": "e2", "type": "doseHeld", "cycle": 1, "slot": 2, "reason": "hypotension"},
            {"id": "e3", "type": "doseGiven", "cycle": 1, "slot": 3}
            """;

        var act = () => CourseRecordJson.Deserialize(Record(events));

        act.Should().Throw<JsonException>().Which.Message.Should().Be("events[2] (id e3).start is required.");
    }
}
