using System.IO;
using FluentAssertions;
using IL2Schedule.Serialization;
using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule.Tests.Zones;

/// <summary>
/// A tzdb of the caller's choice. Africa/Cairo: +02:00 all year in tzdb 2019c; in 2023c and later
/// (so NodaTime 3.3.7's embedded data) Egypt's daylight saving moves clocks from 2025-04-25 00:00
/// to 01:00 (+03:00).
/// </summary>
public class TimeZoneDatabaseTests
{
    [Fact]
    public void FromFile_ReadsTheFixtures_WithTheirVersions()
    {
        TzdbFixtures.Tzdb2019c.TzdbVersion.Should().Be("2019c");
        TzdbFixtures.Tzdb2025b.TzdbVersion.Should().Be("2025b");
        TzdbFixtures.Tzdb2019c.ToString().Should().Be("tzdb 2019c");
    }

    // 2025-06-01 12:00 in Cairo: +02:00 under 2019c, +03:00 under the embedded data.
    [Fact]
    public void ZonesFromEachDatabase_FollowThatDatabasesRules()
    {
        var local = new LocalDateTime(2025, 6, 1, 12, 0);

        TzdbFixtures.Tzdb2019c.GetZone("Africa/Cairo").AtStrictly(local).Offset.Should().Be(Offset.FromHours(2));
        TimeZoneDatabase.Embedded.GetZone("Africa/Cairo").AtStrictly(local).Offset.Should().Be(Offset.FromHours(3));
    }

    [Fact]
    public void Planner_ReportsTheTzdbOfItsZone()
    {
        var planner = new CoursePlanner();
        var first = new LocalDateTime(2025, 4, 21, 8, 0);

        planner.Plan(first, "Africa/Cairo", TzdbFixtures.Tzdb2019c).TzdbVersion.Should().Be("2019c");
        planner.Plan(first, TzdbFixtures.Tzdb2025b.GetZone("Egypt")).TzdbVersion.Should().Be("2025b");
        planner.Plan(first, "Africa/Cairo").TzdbVersion.Should().Be(TimeZoneDatabase.Embedded.TzdbVersion);
    }

    [Fact]
    public void AliasesAndWindowsIds_AreCanonicalWithinTheirDatabase()
    {
        var zone = TzdbFixtures.Tzdb2019c.GetZone("Egypt Standard Time");

        zone.Id.Should().Be("Africa/Cairo");
        TimeZoneDatabase.Of(zone).Should().BeSameAs(TzdbFixtures.Tzdb2019c);
        TimeZoneDatabase.Of(TzdbFixtures.Tzdb2019c.Provider["Egypt"]).Should().BeSameAs(TzdbFixtures.Tzdb2019c);
        new CoursePlanner().Plan(new LocalDateTime(2025, 4, 21, 8, 0), TzdbFixtures.Tzdb2019c.Provider["Egypt"]).ZoneId.Should().Be("Africa/Cairo");
    }

    [Fact]
    public void UnknownZone_NamesTheDatabaseVersion()
    {
        var act = () => TzdbFixtures.Tzdb2019c.GetZone("Africa/Kairo");

        act.Should().Throw<DateTimeZoneNotFoundException>()
            .WithMessage("Unknown time zone 'Africa/Kairo': not an IANA id, alias, Windows id or fixed offset (UTC+01) in tzdb 2019c; did you mean Africa/Cairo*");
    }

    [Fact]
    public void FromFile_NotTzdbData_IsOneTzdbDataException()
    {
        string path = Path.Combine(Path.GetTempPath(), $"not-tzdb-{Guid.NewGuid():N}.nzd");
        File.WriteAllText(path, "this is not a tzdb file");
        try
        {
            var act = () => TimeZoneDatabase.FromFile(path);

            var exception = act.Should().Throw<TzdbDataException>().Which;
            exception.Message.Should().Be($"'{path}' is not a NodaTime tzdb file (.nzd): it does not hold the time-zone data NodaTime reads (a .nzd file from a NodaTime release, or one built by NodaTime's tzdb compiler)");
            exception.FileName.Should().Be(path);
            exception.Reason.Should().StartWith("is not a NodaTime tzdb file (.nzd): ");
            exception.InnerException.Should().NotBeNull();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromFile_MissingFile_IsOneTzdbDataException()
    {
        string path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.nzd");

        var act = () => TimeZoneDatabase.FromFile(path);

        act.Should().Throw<TzdbDataException>().Which.Message.Should().Be($"'{path}' does not exist");
    }

    [Fact]
    public void FromFile_ADirectory_IsOneTzdbDataException()
    {
        string path = Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar);

        var act = () => TimeZoneDatabase.FromFile(path);

        act.Should().Throw<TzdbDataException>().Which.Message.Should().Be($"'{path}' is a directory, not a tzdb file (.nzd)");
    }

    // An empty stream is not tzdb data either: the same message, none of the reader's words.
    [Fact]
    public void FromStream_Empty_IsNotTzdbData()
    {
        var act = () => TimeZoneDatabase.FromStream(new MemoryStream(), "empty.nzd");

        act.Should().Throw<TzdbDataException>().Which.Message.Should().StartWith("'empty.nzd' is not a NodaTime tzdb file (.nzd): ");
    }

    // The plan JSON names the tzdb it was computed with, and reads back under that tzdb; under the
    // embedded one it does not match (dose 12 would be 04-25 01:00 +03:00, not 00:00 +02:00).
    [Fact]
    public void PlanJson_ReadsBackUnderItsOwnTzdb()
    {
        var planned = new CoursePlanner().Plan(new LocalDateTime(2025, 4, 21, 8, 0), "Africa/Cairo", TzdbFixtures.Tzdb2019c);
        string json = CourseScheduleJson.Serialize(planned);

        json.Should().Contain("\"tzdbVersion\": \"2019c\"");
        CourseScheduleJson.Deserialize(json, TzdbFixtures.Tzdb2019c).Should().Be(planned);
        var act = () => CourseScheduleJson.Deserialize(json);
        act.Should().Throw<System.Text.Json.JsonException>().WithMessage("*tzdb 2019c*");
    }
}
