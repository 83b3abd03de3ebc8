using System.IO;

namespace IL2Schedule.Tests;

/// <summary>The committed tzdb files (TestData/tzdb/README.md: NodaTime 2.4.7's and 3.2.2's embedded data), each read once.</summary>
internal static class TzdbFixtures
{
    private static readonly Lazy<TimeZoneDatabase> Tzdb2019cData = new(() => TimeZoneDatabase.FromFile(PathOf("2019c")));
    private static readonly Lazy<TimeZoneDatabase> Tzdb2025bData = new(() => TimeZoneDatabase.FromFile(PathOf("2025b")));

    /// <summary>tzdb 2019c: Cairo +02:00 all year; Mexico City with daylight saving.</summary>
    internal static TimeZoneDatabase Tzdb2019c => Tzdb2019cData.Value;

    /// <summary>tzdb 2025b: Cairo with daylight saving again; Mexico City -06:00 all year.</summary>
    internal static TimeZoneDatabase Tzdb2025b => Tzdb2025bData.Value;

    /// <summary>The path of tzdb-VERSION.nzd in the test output.</summary>
    internal static string PathOf(string version) => Path.Combine(AppContext.BaseDirectory, "TestData", "tzdb", $"tzdb-{version}.nzd");
}
