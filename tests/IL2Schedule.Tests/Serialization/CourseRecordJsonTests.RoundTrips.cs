using FluentAssertions;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Serialization;

/// <summary>
/// The record form written and read back, for the values the golden record does not hold: a given
/// dose with an end, a rescheduled cycle, an audit trail with only one of its two values, the forfeit
/// policy, a body weight, working days, a later course, the NCI protocol and a first dose the zone repeats.
/// Each expected text is written out by hand; America/New_York, EST -05:00 in March before the 14th and from 7 November.
/// </summary>
public class CourseRecordJsonRoundTripTests
{
    private static readonly string Tzdb = TimeZoneDatabase.Embedded.TzdbVersion;

    private static CourseRecord Recorded()
    {
        var plan = new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York");
        return CourseRecord.Start(plan, courseNumber: 1, HeldDosePolicy.Forfeit)
            .WithBodyWeight(72.5m)
            .WithWorkingDays(new WorkingDayCalendar([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], [new LocalDate(2027, 3, 26)]), NonWorkingDayShift.Next)
            // Given 08:05 to 08:20 -05:00 (13:05 to 13:20 UTC), entered at 08:30 -05:00 by no one named.
            .Apply(new DoseGiven("e1", 1, 1, Instant.FromUtc(2027, 3, 10, 13, 5), Instant.FromUtc(2027, 3, 10, 13, 20)).WithAudit(Instant.FromUtc(2027, 3, 10, 13, 30), null))
            // Held, entered by RN Lee at no recorded instant.
            .Apply(new DoseHeld("e2", 1, 2, "hypotension").WithAudit(null, "RN Lee"))
            // Cycle 2 (nominally 2027-03-24 08:00) moved a day later.
            .Apply(new CycleRescheduled("e3", 2, new LocalDateTime(2027, 3, 25, 8, 0)));
    }

    private static string RecordedText() =>
        "{\"schemaVersion\":1,\"courseNumber\":1,\"firstDose\":\"2027-03-10T08:00:00\",\"zone\":\"America/New_York\",\"tzdbVersion\":\"" + Tzdb + "\","
        + "\"protocol\":\"label\",\"doseTiming\":\"elapsed\",\"heldDosePolicy\":\"forfeit\",\"bodyWeightKg\":72.5,"
        + "\"workingDays\":{\"weekend\":[\"saturday\",\"sunday\"],\"holidays\":[\"2027-03-26\"],\"imagingDateShift\":\"next\"},"
        + "\"retreatmentOverrideReason\":null,\"events\":["
        + "{\"id\":\"e1\",\"type\":\"doseGiven\",\"cycle\":1,\"slot\":1,\"start\":\"2027-03-10T08:05:00-05:00\",\"end\":\"2027-03-10T08:20:00-05:00\",\"recordedAt\":\"2027-03-10T08:30:00-05:00\"},"
        + "{\"id\":\"e2\",\"type\":\"doseHeld\",\"cycle\":1,\"slot\":2,\"reason\":\"hypotension\",\"recordedBy\":\"RN Lee\"},"
        + "{\"id\":\"e3\",\"type\":\"cycleRescheduled\",\"cycle\":2,\"newStart\":\"2027-03-25T08:00:00\"}]}";

    [Fact]
    public void Serialize_Compact_WritesEveryOptionalValueOnOneLine()
    {
        CourseRecordJson.Serialize(Recorded(), indented: false).Should().Be(RecordedText());
    }

    [Fact]
    public void Deserialize_TheHandWrittenText_GivesTheRecordBuiltInCode()
    {
        var read = CourseRecordJson.Deserialize(RecordedText());

        read.Should().Be(Recorded());
        read.HeldDosePolicy.Should().Be(HeldDosePolicy.Forfeit);
        read.Events[0].RecordedAt.Should().Be(Instant.FromUtc(2027, 3, 10, 13, 30));
        read.Events[0].RecordedBy.Should().BeNull();
        read.Events[1].RecordedAt.Should().BeNull();
        read.Events[1].RecordedBy.Should().Be("RN Lee");
        read.Events[2].Should().BeOfType<CycleRescheduled>().Which.NewStart.Should().Be(new LocalDateTime(2027, 3, 25, 8, 0));
        read.Plan.DoseAmount!.BodyWeightKilograms.Should().Be(72.5m);
    }

    [Fact]
    public void Serialize_Indented_IsTheCompactTextOverSeveralLines()
    {
        string indented = CourseRecordJson.Serialize(Recorded());

        indented.Should().StartWith("{\n  \"schemaVersion\": 1,\n  \"courseNumber\": 1,\n").And.Contain("\n  \"workingDays\": {\n    \"weekend\": [\n      \"saturday\",");
        CourseRecordJson.Deserialize(indented).Should().Be(Recorded());
    }

    [Fact]
    public void SerializeSchedule_Compact_IsOneLine_AndIndentedIsNot()
    {
        var schedule = Recorded().Schedule;

        CourseRecordJson.SerializeSchedule(schedule, indented: false).Should().StartWith("{\"schemaVersion\":1,").And.NotContain("\n");
        CourseRecordJson.SerializeSchedule(schedule).Should().StartWith("{\n  \"schemaVersion\": 1,");
    }

    [Fact]
    public void ARepeatedFirstDose_KeepsItsOffset_AndTheNciProtocolWithWallClockTiming()
    {
        // 2027-11-07 01:30 happens twice in New York: first at -04:00 (05:30 UTC), then at -05:00 (06:30 UTC).
        const string written = """{"firstDose": "2027-11-07T01:30", "firstDoseStart": "2027-11-07T01:30:00-05:00", "zone": "America/New_York", "protocol": "nci", "doseTiming": "wall-clock", "events": []}""";

        var read = CourseRecordJson.Deserialize(written);

        read.Plan.Cycles[0].Start.ToInstant().Should().Be(Instant.FromUtc(2027, 11, 7, 6, 30));
        read.Plan.Protocol.Should().Be(CourseProtocol.NciSurgeryBranch.WithDoseTiming(DoseTiming.WallClock));
        string expected = "{\"schemaVersion\":1,\"courseNumber\":1,\"firstDose\":\"2027-11-07T01:30:00\",\"firstDoseStart\":\"2027-11-07T01:30:00-05:00\","
            + "\"zone\":\"America/New_York\",\"tzdbVersion\":\"" + Tzdb + "\",\"protocol\":\"nci\",\"doseTiming\":\"wallClock\","
            + "\"heldDosePolicy\":\"useReserveSlots\",\"retreatmentOverrideReason\":null,\"events\":[]}";
        CourseRecordJson.Serialize(read, indented: false).Should().Be(expected);
        CourseRecordJson.Deserialize(expected).Should().Be(read);
    }

    [Fact]
    public void StandardTimesWithAHyphen_IsRead()
    {
        var read = CourseRecordJson.Deserialize("""{"firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label", "doseTiming": "standard-times", "events": []}""");

        read.Plan.Protocol.DoseTiming.Should().Be(DoseTiming.StandardTimes);
    }

    [Fact]
    public void ALaterCourseWithAnOverrideReason_IsWrittenAsRead()
    {
        string text = "{\"schemaVersion\":1,\"courseNumber\":2,\"firstDose\":\"2027-03-10T08:00:00\",\"zone\":\"America/New_York\",\"tzdbVersion\":\"" + Tzdb + "\","
            + "\"protocol\":\"label\",\"doseTiming\":\"elapsed\",\"heldDosePolicy\":\"forfeit\",\"retreatmentOverrideReason\":\"tumour board review\",\"events\":[]}";

        var read = CourseRecordJson.Deserialize(text);

        read.CourseNumber.Should().Be(2);
        read.RetreatmentOverrideReason.Should().Be("tumour board review");
        read.HeldDosePolicy.Should().Be(HeldDosePolicy.Forfeit);
        CourseRecordJson.Serialize(read, indented: false).Should().Be(text);
    }
}
