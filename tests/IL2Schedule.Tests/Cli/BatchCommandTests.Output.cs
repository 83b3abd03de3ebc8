using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using FluentAssertions;
using IL2Schedule.Cli;
using IL2Schedule.Tests.Parquet;

namespace IL2Schedule.Tests.Cli;

// The output formats on large synthetic batches: the same bytes with and without --parallel, and
// the Parquet file read back by DuckDB equal to the CSV (read by DuckDB's CSV reader) and to the NDJSON.
public sealed partial class BatchCommandTests
{
    [Theory]
    [InlineData("csv")]
    [InlineData("ndjson")]
    public void LargeBatch_IsByteIdenticalWithAndWithoutParallel(string format)
    {
        string serial = Path.Combine(directory, "serial." + format);
        string parallel = Path.Combine(directory, "parallel." + format);

        Run("batch", "--count", "20000", "--seed", "5", "--format", format, "--output", serial).ExitCode.Should().Be(0);
        Run("batch", "--count", "20000", "--seed", "5", "--format", format, "--output", parallel, "--parallel").ExitCode.Should().Be(0);

        var bytes = File.ReadAllBytes(serial);
        bytes.Length.Should().BeGreaterThan(20000 * 28 * 60);
        bytes.AsSpan().SequenceEqual(File.ReadAllBytes(parallel)).Should().BeTrue("--parallel must not change a byte");
    }

    [Fact]
    public void StandardOutput_GetsTheSameBytesAsTheOutputFile()
    {
        string file = Path.Combine(directory, "schedules.csv");

        Run("batch", "--count", "700", "--seed", "2", "--output", file).ExitCode.Should().Be(0);
        var (exitCode, stdout, _) = Run("batch", "--count", "700", "--seed", "2", "--parallel");

        exitCode.Should().Be(0);
        stdout.Should().Be(File.ReadAllText(file));
    }

    [Fact]
    public void Parquet_ReadByDuckDb_HoldsTheCsvsRows()
    {
        string csv = Path.Combine(directory, "schedules.csv");
        string parquet = Path.Combine(directory, "schedules.parquet");
        Run("batch", "--count", "2000", "--seed", "3", "--output", csv).ExitCode.Should().Be(0);
        Run("batch", "--count", "2000", "--seed", "3", "--output", parquet, "--format", "parquet", "--parallel").ExitCode.Should().Be(0);

        var rows = DuckDb.Query(
            $"SELECT c.patientId, c.course, c.cycle, c.dose, c.start, c.\"end\", p.patientId, p.course, p.cycle, p.dose, " +
            $"epoch_us(p.start), p.startOffsetMinutes, epoch_us(p.\"end\"), p.endOffsetMinutes " +
            $"FROM read_csv({DuckDb.Literal(csv)}, all_varchar = true) c POSITIONAL JOIN read_parquet({DuckDb.Literal(parquet)}) p");

        rows.Should().HaveCount(File.ReadLines(csv).Count() - 1).And.HaveCountGreaterThan(2000 * 26);
        foreach (var row in rows)
        {
            row[6..10].Select(Text).Should().Equal(row[0..4].Select(Text));
            var start = DateTimeOffset.Parse((string)row[4]!, CultureInfo.InvariantCulture);
            var end = DateTimeOffset.Parse((string)row[5]!, CultureInfo.InvariantCulture);
            row[10..].Should().Equal(start.ToUnixTimeMilliseconds() * 1000, (int)start.Offset.TotalMinutes, end.ToUnixTimeMilliseconds() * 1000, (int)end.Offset.TotalMinutes);
        }
    }

    [Fact]
    public void Parquet_CourseValues_EqualTheNdjsons()
    {
        string ndjson = Path.Combine(directory, "schedules.ndjson");
        string parquet = Path.Combine(directory, "schedules.parquet");
        Run("batch", "--count", "500", "--seed", "4", "--output", ndjson, "--format", "ndjson").ExitCode.Should().Be(0);
        Run("batch", "--count", "500", "--seed", "4", "--output", parquet, "--format", "parquet").ExitCode.Should().Be(0);

        var fromParquet = DuckDb.Query(
            $"SELECT patientId, any_value(zone), CAST(any_value(epoch_us(courseEnd)) AS VARCHAR), CAST(any_value(imagingDate) AS VARCHAR), CAST(any_value(nextCourseWindowStart) AS VARCHAR), " +
            $"CAST(any_value(nextCourseWindowEnd) AS VARCHAR), CAST(count(*) AS VARCHAR) FROM read_parquet({DuckDb.Literal(parquet)}) GROUP BY patientId ORDER BY patientId");
        var fromNdjson = File.ReadLines(ndjson).Select(line => JsonNode.Parse(line)!).Select(course => new object?[]
        {
            (string)course["patientId"]!,
            (string)course["zone"]!,
            (DateTimeOffset.Parse((string)course["courseEnd"]!, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() * 1000).ToString(CultureInfo.InvariantCulture),
            (string)course["imagingDate"]!,
            (string?)course["nextCourseWindow"]?["start"],
            (string?)course["nextCourseWindow"]?["end"],
            course["doses"]!.AsArray().Count.ToString(CultureInfo.InvariantCulture),
        }).OrderBy(row => (string)row[0]!, StringComparer.Ordinal).ToList();

        fromParquet.Should().HaveCount(500);
        fromParquet.Should().BeEquivalentTo(fromNdjson, options => options.WithStrictOrdering());
    }

    // P003 of patients.csv (London, nci, wall clock, discharge 2027-11-20) and P001 (New York, the
    // worked example): the NDJSON line, less patientId, holds the values `plan --format json` writes.
    [Theory]
    [InlineData(0, "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York")]
    [InlineData(1, "--first-dose", "2027-10-28T09:30", "--zone", "Europe/London", "--protocol", "nci", "--dose-timing", "wall-clock", "--discharge", "2027-11-20")]
    public void NdjsonLine_HoldsThePlanJsonsValues(int line, params string[] plan)
    {
        var (_, ndjson, _) = Run("batch", "--input", Patients, "--format", "ndjson", "--errors", Path.Combine(directory, "errors.csv"), "--parallel");
        var (exitCode, json, _) = Run(["plan", .. plan, "--format", "json"]);

        exitCode.Should().Be(0);
        var course = JsonNode.Parse(ndjson.Split('\n')[line])!.AsObject();
        course.Remove("patientId");
        JsonNode.DeepEquals(course, JsonNode.Parse(json)).Should().BeTrue();
    }

    [Fact]
    public void Parquet_WithoutAnOutputFile_IsAUsageError()
    {
        var (exitCode, stdout, stderr) = Run("batch", "--count", "10", "--format", "parquet");

        exitCode.Should().Be(CliApplication.UsageError);
        stdout.Should().BeEmpty();
        stderr.Should().Be("error: --format parquet writes a binary file whose footer comes last: give --output FILE\n");
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;
}
