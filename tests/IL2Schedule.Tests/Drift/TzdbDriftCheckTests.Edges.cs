using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using IL2Schedule.Drift;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Drift;

/// <content>
/// The comparison's edges: a dose whose offset stays and whose instant moves, doses on one side
/// only, follow-up dates alone, a record that names no tzdb, and null arguments. Cairo under 2019c
/// is +02:00 all year; under 2025b +03:00 from 2025-04-25 00:00 until 2025-10-30 24:00 (21:00Z),
/// then +02:00 again (Python zoneinfo, tzdata 2025b).
/// </content>
public partial class TzdbDriftCheckTests
{
    private static readonly Instant Early = Instant.FromUtc(2025, 5, 9, 0, 0);

    // First dose 2025-10-28 08:00: +02:00 (06:00Z) under 2019c, +03:00 (05:00Z) under 2025b, every 8
    // h after it. Doses 1-8 keep their clock time at another offset; from 21:00Z on 10-30 2025b is
    // +02:00 too, so doses 9-14 keep the offset and start 1 h earlier: dose 9 is 22:00Z = 10-31
    // 00:00 +02:00 stored, 21:00Z = 10-30 23:00 +02:00 now; dose 14 (104 h on) 11-01 16:00 -> 15:00
    // +02:00. Cycle 2 starts 11-11 08:00 +02:00 under both, so nothing else changes. At 05:30Z on
    // 10-28 dose 1 has not started as stored (06:00Z), though it would have as re-derived (05:00Z).
    [Fact]
    public void Cairo_October_DosesAtTheSameOffsetButAnotherInstantAreReported()
    {
        string json = CourseScheduleJson.Serialize(
            new CoursePlanner().Plan(new LocalDateTime(2025, 10, 28, 8, 0), "Africa/Cairo", TzdbFixtures.Tzdb2019c));

        var drift = TzdbDriftCheck.CheckPlan(json, "oct", TzdbFixtures.Tzdb2025b, at: Instant.FromUtc(2025, 10, 28, 5, 30));

        drift.Doses.Select(d => d.Number).Should().Equal(Enumerable.Range(1, 14));
        drift.Doses[0].ToString().Should().Be("dose 1 (cycle 1) 2025-10-28T08:00:00+02:00 -> 2025-10-28T08:00:00+03:00");
        var dose9 = drift.Doses[8];
        dose9.ToString().Should().Be("dose 9 (cycle 1) 2025-10-31T00:00:00+02:00 -> 2025-10-30T23:00:00+02:00");
        (dose9.InstantShift, dose9.ClockShift).Should().Be((Duration.FromHours(-1), Duration.FromHours(-1)));
        drift.Doses[13].ToString().Should().Be("dose 14 (cycle 1) 2025-11-01T16:00:00+02:00 -> 2025-11-01T15:00:00+02:00");
        drift.Doses.Should().OnlyContain(d => !d.IsPast);
        drift.FollowUps.Should().BeEmpty();
    }

    // The April plan (first dose 04-21 08:00 +02:00, cycle 2 from 05-05 08:00, dose 28 05-09 16:00)
    // checked under its own tzdb, with dose 28 taken out of the stored doses and a dose 29 (05-10
    // 00:00 +02:00) put in: 28 is only re-derived, 29 only stored. Neither has started at 00:00Z on
    // 05-09; both have two days later.
    [Fact]
    public void DosesOnOneSideOnly_AreReportedWithNoneForTheOtherSide()
    {
        var document = JsonNode.Parse(CairoPlan(21, 8))!.AsObject();
        var doses = document["doses"]!.AsArray();
        var dose28 = doses[27]!;
        dose28["start"]!.GetValue<string>().Should().Be("2025-05-09T16:00:00+02:00");
        doses.RemoveAt(27);
        var dose29 = dose28.DeepClone();
        dose29["number"] = 29;
        dose29["start"] = "2025-05-10T00:00:00+02:00";
        dose29["end"] = "2025-05-10T00:15:00+02:00";
        doses.Add(dose29);

        var drift = TzdbDriftCheck.CheckPlan(document.ToJsonString(), "c", TzdbFixtures.Tzdb2019c, Early);
        var later = TzdbDriftCheck.CheckPlan(document.ToJsonString(), "c", TzdbFixtures.Tzdb2019c, Early.Plus(Duration.FromDays(2)));

        drift.Doses.Select(d => d.ToString()).Should().Equal(
            "dose 28 (cycle 2) none -> 2025-05-09T16:00:00+02:00",
            "dose 29 (cycle 2) 2025-05-10T00:00:00+02:00 -> none");
        drift.Doses.Select(d => (d.Cycle, d.InstantShift, d.ClockShift, d.IsPast)).Should().Equal((2, null, null, false), (2, null, null, false));
        later.Doses.Select(d => d.IsPast).Should().Equal(true, true);
        drift.HasChanges.Should().BeTrue();
        drift.FollowUps.Should().BeEmpty();
        drift.ToString().Should().Be("course c (Africa/Cairo, tzdb 2019c -> 2019c): 2 doses, 0 follow-up dates change");
    }

    // The April plan's follow-up dates: course end date 05-09; imaging + 4 weeks = 06-06; window
    // + 6 weeks = 06-20 to + 12 weeks = 08-01. Stored with imaging 06-05 and no window, they change
    // while no dose does.
    [Fact]
    public void FollowUpDatesAlone_AreChanges()
    {
        var document = JsonNode.Parse(CairoPlan(21, 8))!.AsObject();
        document["imagingDate"] = "2025-06-05";
        document["nextCourseWindow"] = null;

        var drift = TzdbDriftCheck.CheckPlan(document.ToJsonString(), "c", TzdbFixtures.Tzdb2019c, null);

        drift.Doses.Should().BeEmpty();
        drift.HasChanges.Should().BeTrue();
        drift.FollowUps.Select(f => f.ToString()).Should().Equal(
            "imagingDate 2025-06-05 -> 2025-06-06",
            "nextCourseWindowStart none -> 2025-06-20",
            "nextCourseWindowEnd none -> 2025-08-01");
        drift.ToString().Should().Be("course c (Africa/Cairo, tzdb 2019c -> 2019c): 0 doses, 3 follow-up dates change");
    }

    [Fact]
    public void OneDoseAndOneFollowUpDate_AreSingular()
    {
        var document = JsonNode.Parse(CairoPlan(21, 8))!.AsObject();
        document["doses"]!.AsArray().RemoveAt(27);
        document["imagingDate"] = "2025-06-05";

        var drift = TzdbDriftCheck.CheckPlan(document.ToJsonString(), "c", TzdbFixtures.Tzdb2019c, null);

        drift.ToString().Should().Be("course c (Africa/Cairo, tzdb 2019c -> 2019c): 1 dose, 1 follow-up date change");
    }

    // A record without tzdbVersion was written with the embedded tzdb. Planned under it, first dose
    // 04-21 08:00 +02:00; checked under 2019c, doses 12-28 read at +02:00 (the reverse of the plan
    // case above).
    [Fact]
    public void Record_NamingNoTzdb_IsComparedFromTheEmbeddedOne()
    {
        var plan = new CoursePlanner().Plan(new LocalDateTime(2025, 4, 21, 8, 0), "Africa/Cairo");
        var record = JsonNode.Parse(CourseRecordJson.Serialize(CourseRecord.Start(plan)))!.AsObject();
        record.Remove("tzdbVersion").Should().BeTrue();

        var drift = TzdbDriftCheck.CheckRecord(record.ToJsonString(), "r", [], TzdbFixtures.Tzdb2019c, null);

        drift.StoredTzdbVersion.Should().Be(TimeZoneDatabase.Embedded.TzdbVersion);
        drift.CheckedTzdbVersion.Should().Be("2019c");
        drift.Doses.Select(d => d.Number).Should().Equal(Enumerable.Range(12, 17));
        drift.Doses[0].ToString().Should().Be("dose 12 (cycle 1) 2025-04-25T01:00:00+03:00 -> 2025-04-25T00:00:00+02:00");
    }

    [Fact]
    public void NullArguments_Throw()
    {
        string plan = CairoPlan(21, 8);
        string record = CourseRecordJson.Serialize(CourseRecord.Start(
            new CoursePlanner().Plan(new LocalDateTime(2025, 4, 21, 8, 0), "Africa/Cairo", TzdbFixtures.Tzdb2019c)));
        var database = TimeZoneDatabase.Embedded;

        ParamName(() => TzdbDriftCheck.CheckPlan(null!, "c", database, null)).Should().Be("json");
        ParamName(() => TzdbDriftCheck.CheckPlan(plan, null!, database, null)).Should().Be("course");
        ParamName(() => TzdbDriftCheck.CheckPlan(plan, "c", null!, null)).Should().Be("database");
        ParamName(() => TzdbDriftCheck.CheckRecord(null!, "r", [], database, null)).Should().Be("json");
        ParamName(() => TzdbDriftCheck.CheckRecord(record, null!, [TzdbFixtures.Tzdb2019c], database, null)).Should().Be("course");
        ParamName(() => TzdbDriftCheck.CheckRecord(record, "r", null!, database, null)).Should().Be("storedDatabases");
        ParamName(() => TzdbDriftCheck.CheckRecord(record, "r", [TzdbFixtures.Tzdb2019c], null!, null)).Should().Be("database");
        ParamName(() => TzdbDriftCheck.StoredTzdbVersion(null!)).Should().Be("json");
    }

    [Theory]
    [InlineData("{}", null)]
    [InlineData("{\"tzdbVersion\": \"2019c\"}", "2019c")]
    public void StoredTzdbVersion_IsTheDocumentsOrNull(string json, string? expected)
    {
        TzdbDriftCheck.StoredTzdbVersion(json).Should().Be(expected);
    }

    [Theory]
    [InlineData("[1]", "A course document must be a JSON object.")]
    [InlineData("null", "A course document must be a JSON object.")]
    [InlineData("{\"tzdbVersion\": 2019}", "tzdbVersion must be a string such as \"2025b\"; was 2019.")]
    [InlineData("{\"tzdbVersion\": [\"2019c\"]}", "tzdbVersion must be a string such as \"2025b\"; was [\"2019c\"].")]
    public void StoredTzdbVersion_NotAnObjectOrNotAString_IsAJsonException(string json, string message)
    {
        var act = () => TzdbDriftCheck.StoredTzdbVersion(json);

        act.Should().ThrowExactly<JsonException>().Which.Message.Should().Be(message);
    }

    private static string? ParamName(Func<object?> act) =>
        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName;
}
