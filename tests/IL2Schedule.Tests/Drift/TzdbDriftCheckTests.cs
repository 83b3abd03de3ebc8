using System.Text.Json;
using FluentAssertions;
using IL2Schedule.Drift;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Drift;

/// <summary>
/// Stored courses re-derived under another tzdb. Expected values are worked by hand and checked
/// with Python zoneinfo (Debian's tzdata 2025b) for the newer rules:
/// Africa/Cairo: +02:00 all year in tzdb 2019c; from 2025-04-25 00:00 (22:00Z on the 24th) +03:00 in
/// 2023c and later. America/Mexico_City: -05:00 from 2023-04-02 03:00 in 2019c; -06:00 all year in 2025b.
/// </summary>
public partial class TzdbDriftCheckTests
{
    private static readonly Offset Plus2 = Offset.FromHours(2);
    private static readonly Offset Plus3 = Offset.FromHours(3);

    private static string CairoPlan(int day, int hour) => CourseScheduleJson.Serialize(
        new CoursePlanner().Plan(new LocalDateTime(2025, 4, day, hour, 0), "Africa/Cairo", TzdbFixtures.Tzdb2019c));

    // First dose 2025-04-21 08:00 +02:00 (06:00Z), every 8 h. Doses 1-11 end at 04-24 16:00 +02:00
    // under both. Dose 12 at 22:00Z on the 24th: 04-25 00:00 +02:00 stored, 01:00 +03:00 now (same
    // instant, clock +1 h); 13 and 14 likewise 08:00 -> 09:00, 16:00 -> 17:00. Cycle 2 starts on
    // day 15 at 08:00 local: 05-05 08:00 +02:00 (06:00Z) stored, 08:00 +03:00 (05:00Z) now, so doses
    // 15-28 keep their clock time and move 1 h earlier. Course end 05-09 16:15 local either way.
    [Fact]
    public void Cairo_PlannedUnder2019c_DosesFromApril25Shift()
    {
        var drift = TzdbDriftCheck.CheckPlan(CairoPlan(21, 8), "cairo.json", TimeZoneDatabase.Embedded, at: null);

        drift.StoredTzdbVersion.Should().Be("2019c");
        drift.ZoneId.Should().Be("Africa/Cairo");
        drift.Doses.Select(d => d.Number).Should().Equal(Enumerable.Range(12, 17));
        var dose12 = drift.Doses[0];
        dose12.Stored.Should().Be(new OffsetDateTime(new LocalDateTime(2025, 4, 25, 0, 0), Plus2));
        dose12.Replanned.Should().Be(new OffsetDateTime(new LocalDateTime(2025, 4, 25, 1, 0), Plus3));
        dose12.InstantShift.Should().Be(Duration.Zero);
        dose12.ClockShift.Should().Be(Duration.FromHours(1));
        drift.Doses[2].Replanned.Should().Be(new OffsetDateTime(new LocalDateTime(2025, 4, 25, 17, 0), Plus3));
        var dose15 = drift.Doses[3];
        dose15.Number.Should().Be(15);
        dose15.Cycle.Should().Be(2);
        dose15.Stored.Should().Be(new OffsetDateTime(new LocalDateTime(2025, 5, 5, 8, 0), Plus2));
        dose15.Replanned.Should().Be(new OffsetDateTime(new LocalDateTime(2025, 5, 5, 8, 0), Plus3));
        dose15.InstantShift.Should().Be(Duration.FromHours(-1));
        dose15.ClockShift.Should().Be(Duration.Zero);
        drift.FollowUps.Should().BeEmpty();
        drift.Doses.Should().OnlyContain(d => !d.IsPast && !d.IsGiven);
    }

    // First dose 04-08 15:00 +02:00; cycle 2 starts 04-22 15:00 +02:00 (13:00Z). Dose 22 is 04-24
    // 23:00 +02:00 (21:00Z), before the change; dose 23 (04-25 05:00Z) is 07:00 +02:00 stored, 08:00
    // +03:00 now. Dose 28 (04-26 21:00Z) is 23:00 +02:00 stored, 04-27 00:00 +03:00 now, so the
    // course end date moves 04-26 -> 04-27, imaging (+4 weeks) 05-24 -> 05-25 and the window
    // (+6 to +12 weeks) 06-07..07-19 -> 06-08..07-20.
    [Fact]
    public void Cairo_LastDoseCrossesMidnight_FollowUpDatesMove()
    {
        var early = TzdbDriftCheck.CheckPlan(CairoPlan(8, 15), "c", TimeZoneDatabase.Embedded, null);

        early.Doses.Select(d => d.Number).Should().Equal(23, 24, 25, 26, 27, 28);
        early.Doses[0].Stored.Should().Be(new OffsetDateTime(new LocalDateTime(2025, 4, 25, 7, 0), Plus2));
        early.Doses[0].Replanned.Should().Be(new OffsetDateTime(new LocalDateTime(2025, 4, 25, 8, 0), Plus3));
        early.Doses[^1].Replanned.Should().Be(new OffsetDateTime(new LocalDateTime(2025, 4, 27, 0, 0), Plus3));
        early.FollowUps.Select(f => f.ToString()).Should().Equal(
            "courseEndDate 2025-04-26 -> 2025-04-27",
            "imagingDate 2025-05-24 -> 2025-05-25",
            "nextCourseWindowStart 2025-06-07 -> 2025-06-08",
            "nextCourseWindowEnd 2025-07-19 -> 2025-07-20");
    }

    // Mexico City, first dose 2023-04-10 08:00: -05:00 (13:00Z) under 2019c, -06:00 (14:00Z) under
    // 2025b. Every dose keeps its clock time and moves 1 h later; no follow-up date changes.
    [Fact]
    public void MexicoCity_April2023_EveryDoseMovesOneHourLater()
    {
        string json = CourseScheduleJson.Serialize(
            new CoursePlanner().Plan(new LocalDateTime(2023, 4, 10, 8, 0), "America/Mexico_City", TzdbFixtures.Tzdb2019c));

        var drift = TzdbDriftCheck.CheckPlan(json, "mx", TzdbFixtures.Tzdb2025b, at: Instant.FromUtc(2023, 4, 11, 0, 0));

        drift.CheckedTzdbVersion.Should().Be("2025b");
        drift.Doses.Should().HaveCount(28);
        drift.Doses[0].Stored.Should().Be(new OffsetDateTime(new LocalDateTime(2023, 4, 10, 8, 0), Offset.FromHours(-5)));
        drift.Doses[0].Replanned.Should().Be(new OffsetDateTime(new LocalDateTime(2023, 4, 10, 8, 0), Offset.FromHours(-6)));
        drift.Doses.Should().OnlyContain(d => d.InstantShift == Duration.FromHours(1) && d.ClockShift == Duration.Zero);
        // --at 2023-04-11 00:00Z: doses 1 (13:00Z) and 2 (21:00Z) on the 10th are past; dose 3 (05:00Z on the 11th) is not.
        drift.Doses.Where(d => d.IsPast).Select(d => d.Number).Should().Equal(1, 2);
        drift.FollowUps.Should().BeEmpty();
    }

    [Fact]
    public void SameTzdb_NothingChanges()
    {
        var drift = TzdbDriftCheck.CheckPlan(CairoPlan(21, 8), "c", TzdbFixtures.Tzdb2019c, null);

        drift.HasChanges.Should().BeFalse();
        drift.ToString().Should().Be("course c (Africa/Cairo, tzdb 2019c -> 2019c): 0 doses, 0 follow-up dates change");
    }

    // A record written under 2019c with dose 1 given at 08:00 +02:00 and dose 12 given on time at
    // 22:00Z on the 24th: re-derived under the embedded tzdb, dose 12 keeps its instant but reads
    // 01:00 +03:00; it is given, so past. Doses 13 and 14 (planned) move on the clock as above.
    [Fact]
    public void Record_GivenDoseKeepsItsInstant_AndIsPast()
    {
        var plan = new CoursePlanner().Plan(new LocalDateTime(2025, 4, 21, 8, 0), "Africa/Cairo", TzdbFixtures.Tzdb2019c);
        var record = CourseRecord.Start(plan)
            .Apply(new DoseGiven("g1", 1, 1, plan.Doses[0].Start.ToInstant(), end: null))
            .Apply(new DoseGiven("g12", 1, 12, Instant.FromUtc(2025, 4, 24, 22, 0), end: null));
        string json = CourseRecordJson.Serialize(record);

        var drift = TzdbDriftCheck.CheckRecord(json, "r", [TzdbFixtures.Tzdb2019c], TimeZoneDatabase.Embedded, null);

        drift.StoredTzdbVersion.Should().Be("2019c");
        drift.Doses[0].Number.Should().Be(12);
        drift.Doses[0].IsGiven.Should().BeTrue();
        drift.Doses[0].IsPast.Should().BeTrue();
        drift.Doses[0].Replanned.Should().Be(new OffsetDateTime(new LocalDateTime(2025, 4, 25, 1, 0), Plus3));
        drift.Doses[1].Number.Should().Be(13);
        drift.Doses[1].IsGiven.Should().BeFalse();
        drift.Doses[1].ClockShift.Should().Be(Duration.FromHours(1));
    }

    [Fact]
    public void Record_WrittenWithATzdbNotGiven_IsAJsonExceptionNamingIt()
    {
        var plan = new CoursePlanner().Plan(new LocalDateTime(2025, 4, 21, 8, 0), "Africa/Cairo", TzdbFixtures.Tzdb2019c);
        string json = CourseRecordJson.Serialize(CourseRecord.Start(plan));

        var act = () => TzdbDriftCheck.CheckRecord(json, "r", [], TimeZoneDatabase.Embedded, null);

        act.Should().Throw<JsonException>().WithMessage("The record was written with tzdb 2019c, which is neither the embedded tzdb * nor any tzdb file given for stored courses; supply tzdb 2019c to compare with it.");
    }
}
