using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Serialization;

/// <summary>
/// The checked-in version 1 documents (Serialization/Golden): each reads back to hand-worked
/// values and is written again byte for byte, except <c>tzdbVersion</c>, which names the tzdb data
/// of the writer (the documents were written with 2026f).
/// </summary>
public class GoldenDocumentTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static string Golden(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Serialization", "Golden", name));

    private static string WithTzdb(string json, string version) =>
        Regex.Replace(json, "\"tzdbVersion\": \"[^\"]*\"", $"\"tzdbVersion\": \"{version}\"");

    private static (LocalDate Start, LocalDate End) Span(DateInterval? dates) => (dates!.Start, dates.End);

    private static Instant Utc(int month, int day, int hour, int minute, int year = 2027) => Instant.FromUtc(year, month, day, hour, minute);

    // America/New_York: EST (-05:00) until 2027-03-14 02:00, then EDT (-04:00).
    // Dose 1 08:00 -05:00 = 13:00Z; dose 12 03-14 00:00 -05:00 = 05:00Z; dose 13 eight elapsed
    // hours later, 13:00Z = 09:00 -04:00; cycle 2 from 03-24 08:00 -04:00 = 12:00Z, dose 28 13 x 8 h
    // later, 03-28 16:00 -04:00 = 20:00Z, ending 20:15Z. Course end date 03-28; imaging + 4 weeks
    // 04-25; window + 6 weeks 05-09 to + 12 weeks 06-20.
    [Fact]
    public void PlanWorkedExample_ReadsToTheHandWorkedValues()
    {
        var schedule = CourseScheduleJson.Deserialize(Golden("plan-worked-example.json"));

        schedule.ZoneId.Should().Be("America/New_York");
        schedule.Protocol.Should().Be(CourseProtocol.Label);
        schedule.Doses.Should().HaveCount(28);
        schedule.Doses[0].Start.ToInstant().Should().Be(Utc(3, 10, 13, 0));
        schedule.Doses[11].Start.ToInstant().Should().Be(Utc(3, 14, 5, 0));
        schedule.Doses[12].Start.ToInstant().Should().Be(Utc(3, 14, 13, 0));
        schedule.Doses[12].Start.Offset.Should().Be(Offset.FromHours(-4));
        schedule.Cycles[0].WindowEnd.ToInstant().Should().Be(Utc(3, 15, 13, 0));
        schedule.Cycles[1].Start.ToInstant().Should().Be(Utc(3, 24, 12, 0));
        schedule.Doses[27].Start.ToInstant().Should().Be(Utc(3, 28, 20, 0));
        schedule.CourseEnd.ToInstant().Should().Be(Utc(3, 28, 20, 15));
        schedule.CourseEndDate.Should().Be(new LocalDate(2027, 3, 28));
        schedule.ResponseAssessmentDate.Should().Be(new LocalDate(2027, 4, 25));
        Span(schedule.NextCourseWindow.Dates).Should().Be((new LocalDate(2027, 5, 9), new LocalDate(2027, 6, 20)));
        schedule.NextCourseWindow.Reasons.Should().Be(NextCourseWindowReasons.None);
        schedule.Should().Be(new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), NewYork));
    }

    // First dose Tue 2027-06-01 13:30 -04:00 (EDT all course). Standard times 00:00, 08:00, 16:00:
    // 16:00 is 2.5 h away (< 4 h), so dose 2 is 06-02 00:00 -04:00 = 04:00Z. Calendar days 06-01 to
    // 06-05 hold 13 dose times (cap 14: bound by the window), closing 06-06 00:00 -04:00. Cycle 2
    // from 06-15 13:30; dose 26 06-19 16:00 -04:00 = 20:00Z, ending 16:15. Course end date Sat 06-19:
    // imaging + 4 weeks Sat 07-17 -> next working day Mon 07-19 is a holiday -> Tue 07-20. Window
    // Sat 07-31 to Sat 09-11; discharge Fri 06-25 + 7 weeks = Fri 08-13 moves the start; the end
    // moves back past Sat 09-11 and the holiday Fri 09-10 to Thu 09-09. 72.5 kg: 43,500,000 IU,
    // 2.6825 mg, 2 vials, 50 mL a dose; 26 doses: 1,131,000,000 IU, 69.745 mg.
    [Fact]
    public void PlanHospitalOptions_ReadsToTheHandWorkedValues()
    {
        var schedule = CourseScheduleJson.Deserialize(Golden("plan-hospital-options.json"));

        schedule.Protocol.DoseTiming.Should().Be(DoseTiming.StandardTimes);
        schedule.Protocol.CycleWindowCounting.Should().Be(CycleWindowCounting.CalendarDays);
        schedule.Doses.Should().HaveCount(26);
        schedule.Doses[0].Start.ToInstant().Should().Be(Utc(6, 1, 17, 30));
        schedule.Doses[1].Start.ToInstant().Should().Be(Utc(6, 2, 4, 0));
        schedule.Cycles.Select(cycle => (cycle.WindowDoseCapacity, cycle.BoundBy)).Should().Equal((13, CycleBound.Window), (13, CycleBound.Window));
        schedule.Cycles[0].WindowEnd.ToInstant().Should().Be(Utc(6, 6, 4, 0));
        schedule.Doses[25].Start.ToInstant().Should().Be(Utc(6, 19, 20, 0));
        schedule.CourseEndDate.Should().Be(new LocalDate(2027, 6, 19));
        schedule.ResponseAssessmentDateUnadjusted.Should().Be(new LocalDate(2027, 7, 17));
        schedule.ResponseAssessmentDate.Should().Be(new LocalDate(2027, 7, 20));
        Span(schedule.NextCourseWindowUnadjusted.Dates).Should().Be((new LocalDate(2027, 8, 13), new LocalDate(2027, 9, 11)));
        Span(schedule.NextCourseWindow.Dates).Should().Be((new LocalDate(2027, 8, 13), new LocalDate(2027, 9, 9)));
        schedule.NextCourseWindow.Reasons.Should().Be(NextCourseWindowReasons.StartMovedByDischarge | NextCourseWindowReasons.EndMovedToWorkingDay);
        schedule.DischargeDate.Should().Be(new LocalDate(2027, 6, 25));
        schedule.DoseAmount!.InternationalUnits.Should().Be(43_500_000m);
        schedule.DoseAmount.Milligrams.Should().Be(2.6825m);
        schedule.DoseAmount.Vials.Should().Be(2);
        schedule.DoseAmount.DiluentMilliliters.Should().Be(50);
        schedule.PlannedCourseInternationalUnits.Should().Be(1_131_000_000m);
        schedule.PlannedCourseMilligrams.Should().Be(69.745m);
        schedule.WorkingDayCalendar!.Holidays.Should().Equal(new LocalDate(2027, 7, 19), new LocalDate(2027, 9, 10));
        schedule.ImagingDateShift.Should().Be(NonWorkingDayShift.Next);
    }

    [Theory]
    [InlineData("plan-worked-example.json")]
    [InlineData("plan-hospital-options.json")]
    public void Plan_ReadAndWrittenAgain_IsByteIdentical(string name)
    {
        string golden = Golden(name);

        var schedule = CourseScheduleJson.Deserialize(golden);

        CourseScheduleJson.Serialize(schedule).Should().Be(WithConcentration(WithTzdb(golden, schedule.TzdbVersion)));
    }

    /// <summary>
    /// The golden document as written now: <c>concentrationMgPerMl</c> was added within version 1
    /// after the documents were written (label section 2.5), so each dose with a diluent gains it:
    /// 2.6825 mg in 50 mL = 0.05365 mg/mL at 72.5 kg, inside 0.03-0.07, so no warning.
    /// </summary>
    private static string WithConcentration(string json) =>
        json.Replace("\"diluentMl\": 50\n", "\"diluentMl\": 50,\n      \"concentrationMgPerMl\": 0.05365\n", StringComparison.Ordinal);

    // The note is English that words the reasons and dates; a later version may reword it, so
    // reading compares the values and never the text.
    [Theory]
    [InlineData("\"Reworded by a later version.\"")]
    [InlineData("null")]
    public void Plan_WithTheNoteReworded_StillReadsToTheSameValues(string note)
    {
        var node = JsonNode.Parse(Golden("plan-hospital-options.json"))!;
        node["nextCourseWindowNote"] = JsonNode.Parse(note);

        var schedule = CourseScheduleJson.Deserialize(node.ToJsonString());

        schedule.Should().Be(CourseScheduleJson.Deserialize(Golden("plan-hospital-options.json")));
        schedule.NextCourseWindow.Note.Should().Be(
            "Start moved from 2027-07-31: the next course starts at least 7 weeks after discharge on 2027-06-25, so not before 2027-08-13. End moved from 2027-09-11 to the previous working day, 2027-09-09.");
    }

    [Theory]
    [InlineData("""["endMovedToWorkingDay", "startMovedByDischarge"]""")]
    [InlineData("""["startMovedByDischarge", "endMovedToWorkingDay", "startMovedByDischarge"]""")]
    public void Plan_ReasonsInAnyOrder_Read(string reasons)
    {
        var node = JsonNode.Parse(Golden("plan-hospital-options.json"))!;
        node["nextCourseWindowReasons"] = JsonNode.Parse(reasons);

        CourseScheduleJson.Deserialize(node.ToJsonString()).NextCourseWindow.Reasons
            .Should().Be(NextCourseWindowReasons.StartMovedByDischarge | NextCourseWindowReasons.EndMovedToWorkingDay);
    }

    // Documents written before the reasons existed have no such property: it is not checked.
    [Fact]
    public void Plan_WithoutReasons_Reads()
    {
        var node = JsonNode.Parse(Golden("plan-hospital-options.json"))!.AsObject();
        node.Remove("nextCourseWindowReasons");

        CourseScheduleJson.Deserialize(node.ToJsonString()).NextCourseWindow.Reasons
            .Should().Be(NextCourseWindowReasons.StartMovedByDischarge | NextCourseWindowReasons.EndMovedToWorkingDay);
    }

    [Fact]
    public void Plan_WithReasonsThatDisagree_IsRejectedNamingBoth()
    {
        var node = JsonNode.Parse(Golden("plan-hospital-options.json"))!;
        node["nextCourseWindowReasons"] = JsonNode.Parse("""["startMovedByDischarge"]""");

        var act = () => CourseScheduleJson.Deserialize(node.ToJsonString());

        act.Should().Throw<JsonException>().Which.Message.Should()
            .StartWith("The document's nextCourseWindowReasons does not match the schedule re-planned from its inputs")
            .And.EndWith("""document ["startMovedByDischarge"], re-planned ["startMovedByDischarge","endMovedToWorkingDay"].""");
    }

    [Fact]
    public void Plan_WithAnUnknownReason_IsRejected()
    {
        var node = JsonNode.Parse(Golden("plan-worked-example.json"))!;
        node["nextCourseWindowReasons"] = JsonNode.Parse("""["movedByTheMoon"]""");

        var act = () => CourseScheduleJson.Deserialize(node.ToJsonString());

        act.Should().Throw<JsonException>().Which.Message.Should().Be(
            "nextCourseWindowReasons must hold startMovedByDischarge, emptiedByDischarge, startMovedToWorkingDay, endMovedToWorkingDay, noWorkingDay, notShiftable; was 'movedByTheMoon'.");
    }

    // Slot 1 given 5 minutes late at 08:05 -05:00; slot 2 held (due 16:05); slot 3 due 8 h after
    // slot 2's due time, 03-11 00:05, given late at 00:30 -05:00; slot 4 due 08:30, recorded at
    // 08:30 and corrected to 08:40 -05:00 (13:40Z); cycle 1 stopped 12:00 -05:00. Cycle 2 slot 1
    // given on time 03-24 08:00 -04:00 (12:00Z), then the course is stopped: the course ends with
    // that dose at 12:15Z, 03-24. Imaging 04-21; window 05-05 to 06-16, whose start the discharge
    // on 03-26 + 7 weeks moves to 05-14.
    [Fact]
    public void Record_ReadsToTheHandWorkedValues()
    {
        var record = CourseRecordJson.Deserialize(Golden("record-held-late-corrected-stopped.json"));
        var schedule = record.Schedule;

        record.Events.Should().HaveCount(9);
        schedule.Cycles[0].Slots.Take(5).Select(slot => slot.Status).Should().Equal(
            DoseSlotStatus.Given, DoseSlotStatus.Held, DoseSlotStatus.Given, DoseSlotStatus.Given, DoseSlotStatus.Cancelled);
        schedule.Cycles[0].Slots[0].Start.ToInstant().Should().Be(Utc(3, 10, 13, 5));
        schedule.Cycles[0].Slots[1].HeldReason.Should().Be("hypotension");
        schedule.Cycles[0].Slots[2].Due.ToInstant().Should().Be(Utc(3, 11, 5, 5));
        schedule.Cycles[0].Slots[2].GivenStart!.Value.ToInstant().Should().Be(Utc(3, 11, 5, 30));
        schedule.Cycles[0].Slots[3].Due.ToInstant().Should().Be(Utc(3, 11, 13, 30));
        schedule.Cycles[0].Slots[3].GivenStart!.Value.ToInstant().Should().Be(Utc(3, 11, 13, 40));
        schedule.Cycles[0].Slots[3].EventId.Should().Be("e4");
        schedule.Cycles.Select(cycle => (cycle.DosesGiven, cycle.DosesHeld, cycle.EndReason)).Should().Equal(
            (3, 1, CycleEndReason.CycleStopped), (1, 0, CycleEndReason.CourseStopped));
        schedule.IsComplete.Should().BeTrue();
        schedule.CourseEnd!.Value.ToInstant().Should().Be(Utc(3, 24, 12, 15));
        schedule.CourseEndDate.Should().Be(new LocalDate(2027, 3, 24));
        schedule.ResponseAssessmentDate.Should().Be(new LocalDate(2027, 4, 21));
        Span(schedule.NextCourseWindow!.ByCourseEnd).Should().Be((new LocalDate(2027, 5, 5), new LocalDate(2027, 6, 16)));
        Span(schedule.NextCourseWindow.Dates).Should().Be((new LocalDate(2027, 5, 14), new LocalDate(2027, 6, 16)));
        schedule.NextCourseWindow.Reasons.Should().Be(NextCourseWindowReasons.StartMovedByDischarge);
    }

    [Fact]
    public void Record_ReadAndWrittenAgain_IsByteIdentical()
    {
        string golden = Golden("record-held-late-corrected-stopped.json");

        var record = CourseRecordJson.Deserialize(golden);

        CourseRecordJson.Serialize(record).Should().Be(WithTzdb(golden, record.Plan.TzdbVersion));
    }

    [Fact]
    public void Replanned_OfTheGoldenRecord_IsTheGoldenReplannedDocument()
    {
        var record = CourseRecordJson.Deserialize(Golden("record-held-late-corrected-stopped.json"));

        string written = CourseRecordJson.SerializeSchedule(record.Schedule);

        WithoutSuperseded(written).Should().Be(WithTzdb(Golden("replanned-held-late-corrected-stopped.json"), record.Plan.TzdbVersion));
    }

    // The record's e5 corrects e4 (slot 4 given at 08:30 -05:00) to slot 4 given at 08:40 -05:00;
    // the replacement has no id of its own, so it is known as e4.
    [Fact]
    public void Replanned_OfTheGoldenRecord_ListsTheSupersededEventWithItsCorrection()
    {
        var record = CourseRecordJson.Deserialize(Golden("record-held-late-corrected-stopped.json"));

        var superseded = JsonNode.Parse(CourseRecordJson.SerializeSchedule(record.Schedule))!["superseded"]!.AsArray();

        superseded.Should().ContainSingle();
        ((string)superseded[0]!["event"]!["id"]!).Should().Be("e4");
        ((string)superseded[0]!["event"]!["start"]!).Should().Be("2027-03-11T08:30:00-05:00");
        ((string)superseded[0]!["correctedBy"]!["id"]!).Should().Be("e5");
        ((string)superseded[0]!["correctedBy"]!["replacement"]!["start"]!).Should().Be("2027-03-11T08:40:00-05:00");
        ((string)superseded[0]!["description"]!).Should().Be(
            "doseGiven e4 (cycle 1, slot 4, start 2027-03-11T08:30:00-05:00), corrected by e5 to doseGiven e4 (cycle 1, slot 4, start 2027-03-11T08:40:00-05:00)");
    }

    /// <summary>
    /// The re-planned document without its <c>superseded</c> list, which was added within version 1
    /// after the golden document was written (the audit trail); everything else is byte for byte.
    /// </summary>
    private static string WithoutSuperseded(string json)
    {
        int start = json.IndexOf("  \"superseded\": [\n", StringComparison.Ordinal);
        int end = json.IndexOf("\n  ],\n", start, StringComparison.Ordinal) + "\n  ],\n".Length;
        return json[..start] + json[end..];
    }

    // Spot checks of the re-planned document's values (worked above).
    [Fact]
    public void Replanned_GoldenDocument_HoldsTheHandWorkedValues()
    {
        var node = JsonNode.Parse(Golden("replanned-held-late-corrected-stopped.json"))!;

        ((string)node["courseEnd"]!).Should().Be("2027-03-24T08:15:00-04:00");
        ((string)node["doses"]![3]!["givenStart"]!).Should().Be("2027-03-11T08:40:00-05:00");
        ((string)node["doses"]![3]!["due"]!).Should().Be("2027-03-11T08:30:00-05:00");
        ((string)node["doses"]![1]!["status"]!).Should().Be("held");
        ((string)node["cycles"]![0]!["endReason"]!).Should().Be("cycleStopped");
        node["nextCourseWindow"]!.ToJsonString().Should().Be("""{"start":"2027-05-14","end":"2027-06-16"}""");
        node["nextCourseWindowReasons"]!.ToJsonString().Should().Be("""["startMovedByDischarge"]""");
    }
}
