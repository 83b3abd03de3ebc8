using System.IO;
using FluentAssertions;
using IL2Schedule.Serialization;
using NodaTime;
using NodaTime.Testing.TimeZones;
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

    [Fact]
    public void FromFileOrStream_NullArguments_ThrowArgumentNullException()
    {
        using var data = File.OpenRead(TzdbFixtures.PathOf("2019c"));

        var noPath = () => TimeZoneDatabase.FromFile(null!);
        var noStream = () => TimeZoneDatabase.FromStream(null!, "tzdb-2019c.nzd");
        var noName = () => TimeZoneDatabase.FromStream(data, null!);

        noPath.Should().ThrowExactly<ArgumentNullException>().WithParameterName("path");
        noStream.Should().ThrowExactly<ArgumentNullException>().WithParameterName("stream");
        noName.Should().ThrowExactly<ArgumentNullException>().WithParameterName("name");
    }

    [Fact]
    public void FromFile_InAMissingFolder_IsOneTzdbDataException()
    {
        string path = Path.Combine($"missing-{Guid.NewGuid():N}", "tzdb.nzd");

        var act = () => TimeZoneDatabase.FromFile(path);

        act.Should().ThrowExactly<TzdbDataException>().Which.Message.Should().Be($"'{path}' is in a folder that does not exist");
    }

    // The file system's own reason follows "cannot be read: ": an empty path (ArgumentException) and a
    // link that points to itself through another (IOException, "too many levels of symbolic links").
    [Fact]
    public void FromFile_AnEmptyPath_CannotBeRead()
    {
        var act = () => TimeZoneDatabase.FromFile("");

        var exception = act.Should().ThrowExactly<TzdbDataException>().Which;
        exception.InnerException.Should().BeOfType<ArgumentException>();
        exception.Message.Should().Be("'' cannot be read: " + exception.InnerException!.Message);
        exception.Reason.Should().Be("cannot be read: " + exception.InnerException.Message);
    }

    [Fact]
    public void FromFile_ALinkLoop_CannotBeRead()
    {
        string folder = Directory.CreateTempSubdirectory("tzdb-loop-").FullName;
        string first = Path.Combine(folder, "a.nzd");
        File.CreateSymbolicLink(first, Path.Combine(folder, "b.nzd"));
        File.CreateSymbolicLink(Path.Combine(folder, "b.nzd"), first);
        try
        {
            var act = () => TimeZoneDatabase.FromFile(first);

            var exception = act.Should().ThrowExactly<TzdbDataException>().Which;
            exception.InnerException.Should().BeOfType<IOException>();
            exception.Message.Should().Be($"'{first}' cannot be read: " + exception.InnerException!.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void FromSource_TheEmbeddedSourceIsEmbedded_AnyOtherANewDatabase()
    {
        TimeZoneDatabase.FromSource(TzdbDateTimeZoneSource.Default).Should().BeSameAs(TimeZoneDatabase.Embedded);
        var other = TimeZoneDatabase.FromSource(TzdbFixtures.Tzdb2019c.Source);
        other.Should().NotBeSameAs(TimeZoneDatabase.Embedded);
        other.TzdbVersion.Should().Be("2019c");
    }

    // Documented: the embedded database's provider is NodaTime's own, so its zones are NodaTime's objects.
    [Fact]
    public void Embedded_ProviderIsNodaTimesTzdbProvider()
    {
        TimeZoneDatabase.Embedded.Provider.Should().BeSameAs(DateTimeZoneProviders.Tzdb);
        TimeZoneDatabase.Embedded.GetZone("Europe/Paris").Should().BeSameAs(DateTimeZoneProviders.Tzdb["Europe/Paris"]);
    }

    // A database read here, not the shared fixture, so its index of names is built in the test: IANA
    // ids in any case, Windows ids, and suggestions from both. "Africa/Kairo" (12 characters, so at
    // most 3 edits) is 1 edit from Africa/Cairo and 3 from Africa/Nairobi (K to N, then "bi" added).
    [Fact]
    public void FromFile_IndexesIanaIdsInAnyCaseAndWindowsIds()
    {
        var database = TimeZoneDatabase.FromFile(TzdbFixtures.PathOf("2019c"));

        database.GetZone("africa/cairo").Id.Should().Be("Africa/Cairo");
        database.GetZone("EGYPT STANDARD TIME").Id.Should().Be("Africa/Cairo");
        database.GetZone("Egypt").Id.Should().Be("Africa/Cairo");
        database.SuggestIds("Africa/Kairo").Should().Equal("Africa/Cairo", "Africa/Nairobi");
    }

    [Fact]
    public void Provider_UnknownIdOrTheMachinesZone_IsRefused()
    {
        var provider = TzdbFixtures.Tzdb2019c.Provider;

        var unknown = () => provider["Mars/Olympus_Mons"];
        var machine = () => provider.GetSystemDefault();

        unknown.Should().ThrowExactly<DateTimeZoneNotFoundException>().Which.Message.Should().Be("Time zone 'Mars/Olympus_Mons' is unknown to tzdb 2019c");
        machine.Should().ThrowExactly<NotSupportedException>().Which.Message.Should().Be("IL2Schedule's tzdb providers never read the machine's time zone; name the zone.");
    }

    [Fact]
    public void GetCanonicalId_Null_ThrowsArgumentNullException()
    {
        var act = () => TzdbFixtures.Tzdb2019c.GetCanonicalId(null!);

        act.Should().ThrowExactly<ArgumentNullException>().WithParameterName("zone");
    }

    // A zone no database handed out keeps its own rules even when its id is a tzdb alias: this one
    // is +00:00 until 2030, so 2027-03-10 08:00 is 08:00Z (New York's zone, which US/Eastern names
    // in tzdb, would make it 13:00Z, EST -05:00).
    [Fact]
    public void Plan_AZoneBorrowingAnAliasId_IsNotReplacedByTheAliasesZone()
    {
        var borrowed = new SingleTransitionDateTimeZone(Instant.FromUtc(2030, 1, 1, 0, 0), Offset.Zero, Offset.FromHours(1), "US/Eastern");

        var schedule = new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), borrowed);

        schedule.Zone.Should().BeSameAs(borrowed);
        schedule.Doses[0].Start.ToInstant().Should().Be(Instant.FromUtc(2027, 3, 10, 8, 0));
    }
}
