using System.IO;
using System.Threading.Tasks;
using FluentAssertions;
using IL2Schedule.Batch;
using IL2Schedule.Parquet;
using NodaTime;

namespace IL2Schedule.Tests.Parquet;

/// <summary>The Parquet file of a batch, read back by DuckDB (not by Parquet.Net, which wrote it).</summary>
public sealed class BatchParquetWriterTests : IDisposable
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private readonly string directory = Directory.CreateTempSubdirectory("il2schedule-parquet-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    // The README's worked example. America/New_York: EST (-05:00) until 2027-03-14 02:00 local
    // (07:00Z), then EDT (-04:00). Dose 12 is 2027-03-14 00:00 -05:00 = 05:00Z; dose 13 is 8 elapsed
    // hours later, 13:00Z = 09:00 -04:00. Course end 2027-03-28 16:15 -04:00 = 20:15Z; imaging 4
    // weeks after 03-28; the window 6 to 12 weeks after it.
    [Fact]
    public async Task WorkedExample_ReadsBackInDuckDb_WithUtcTimesAndOffsetsAcrossTheSpringChange()
    {
        string file = await WriteAsync(new CourseRequest(new LocalDateTime(2027, 3, 10, 8, 0), NewYork, bodyWeightKilograms: 72.5m), "P001", 7);

        // Times as DuckDB's text (its session zone is UTC): here DuckDB.NET 1.5.6.1 gave wrong BIGINTs
        // for epoch_us(...) from the 12th row on, while the text of the same values is right.
        var rows = DuckDb.Query(
            $"SELECT patientId, course, cycle, dose, CAST(\"start\" AS VARCHAR), startOffsetMinutes, CAST(\"end\" AS VARCHAR), endOffsetMinutes, zone " +
            $"FROM read_parquet({DuckDb.Literal(file)}) ORDER BY dose");
        var course = DuckDb.Query(
            $"SELECT DISTINCT CAST(courseEnd AS VARCHAR), CAST(imagingDate AS VARCHAR), CAST(nextCourseWindowStart AS VARCHAR), CAST(nextCourseWindowEnd AS VARCHAR), " +
            $"CAST(nextCourseWindowReasons AS VARCHAR), CAST(doseIu AS VARCHAR), CAST(doseMg AS VARCHAR) FROM read_parquet({DuckDb.Literal(file)})");

        rows.Should().HaveCount(28);
        rows[11].Should().Equal("P001", 7L, 1, 12, "2027-03-14 05:00:00+00", -300, "2027-03-14 05:15:00+00", -300, "America/New_York");
        rows[12].Should().Equal("P001", 7L, 1, 13, "2027-03-14 13:00:00+00", -240, "2027-03-14 13:15:00+00", -240, "America/New_York");
        rows[0][4].Should().Be("2027-03-10 13:00:00+00");
        rows[14][2..4].Should().Equal(2, 15);
        rows[14][4].Should().Be("2027-03-24 12:00:00+00", "cycle 2 starts 2027-03-24 08:00 -04:00");
        // One course: 2027-03-28 20:15Z; 72.5 kg × 600,000 IU/kg = 43,500,000 IU; × 0.037 mg/kg = 2.6825 mg.
        course.Should().ContainSingle().Which.Should().Equal("2027-03-28 20:15:00+00", "2027-04-25", "2027-05-09", "2027-06-20", "0", "43500000.0", "2.6825");
    }

    // The file's key-value metadata names the tzdb the zones came from: NodaTime's embedded data here.
    [Fact]
    public async Task TheFile_NamesItsTzdbVersion_InItsKeyValueMetadata()
    {
        string file = await WriteAsync(new CourseRequest(new LocalDateTime(2027, 3, 10, 8, 0), NewYork), "P3", 1);

        DuckDb.Query($"SELECT decode(key), decode(value) FROM parquet_kv_metadata({DuckDb.Literal(file)}) WHERE decode(key) LIKE 'il2schedule.%'")
            .Should().ContainSingle().Which.Should().Equal(BatchParquetWriter.TzdbVersionKey, NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.TzdbVersion);
    }

    // Without a weight the amounts are null; a discharge on 2027-06-10 + 7 weeks = 07-29 is after the
    // window's end (06-20): the window is empty (reason 2, emptied by discharge) and its dates null.
    [Fact]
    public async Task AnEmptyWindowAndNoWeight_AreNulls()
    {
        string file = await WriteAsync(new CourseRequest(new LocalDateTime(2027, 3, 10, 8, 0), NewYork, dischargeDate: new LocalDate(2027, 6, 10)), "P2", 1);

        var rows = DuckDb.Query($"SELECT DISTINCT nextCourseWindowStart IS NULL, nextCourseWindowEnd IS NULL, nextCourseWindowReasons, doseIu IS NULL, doseMg IS NULL FROM read_parquet({DuckDb.Literal(file)})");

        rows.Should().ContainSingle().Which.Should().Equal(true, true, 2, true, true);
    }

    // 100 courses of 28 doses in groups of at most 1,024 rows: 36 courses (1,008 rows) a group, so 3 groups.
    [Fact]
    public async Task RowGroups_HoldWholeCourses_AndAtMostTheRowGroupSize()
    {
        string file = Path.Combine(directory, "groups.parquet");
        var planner = new BatchPlanner(CourseProtocol.Label);
        var columns = CourseColumns.Allocate(100, planner.DosesPerCourse, withDoseEndsAndCycles: true);
        var requests = Enumerable.Range(0, 100).Select(i => new CourseRequest(new LocalDateTime(2027, 1, 1, 8, 0).PlusHours(i), NewYork)).ToArray();
        planner.Plan(requests, columns).Failures.Should().BeEmpty();
        await using (var stream = File.Create(file))
        {
            await using var writer = await BatchParquetWriter.CreateAsync(stream, rowGroupSize: 1024);
            for (int i = 0; i < 100; i++)
            {
                await writer.AddCourseAsync($"P{i}", 1, NewYork, columns, i);
            }
            await writer.CompleteAsync();
            (writer.RowCount, writer.RowGroupCount).Should().Be((2800L, 3));
        }

        DuckDb.Query($"SELECT row_group_id, row_group_num_rows FROM parquet_metadata({DuckDb.Literal(file)}) GROUP BY ALL ORDER BY 1")
            .Select(row => Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture)).Should().Equal(1008L, 1008L, 784L);
    }

    [Fact]
    public async Task BadArguments_AreRefusedWithTheRuleAndTheValue()
    {
        using var stream = new MemoryStream();

        var tooSmall = async () => await BatchParquetWriter.CreateAsync(stream, rowGroupSize: 1000);
        (await tooSmall.Should().ThrowAsync<ArgumentOutOfRangeException>())
            .Which.Message.Should().StartWith("rowGroupSize must be in range [1024, 4194304]; was 1000");
        var readOnly = async () => await BatchParquetWriter.CreateAsync(new MemoryStream([], writable: false));
        (await readOnly.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("output");

        var writer = await BatchParquetWriter.CreateAsync(stream);
        await writer.CompleteAsync();
        var columns = CourseColumns.Allocate(1, 28, withDoseEndsAndCycles: true);
        var afterComplete = async () => await writer.AddCourseAsync("P1", 1, NewYork, columns, 0);
        (await afterComplete.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("complete");
        var withoutEnds = async () => await (await BatchParquetWriter.CreateAsync(new MemoryStream())).AddCourseAsync("P1", 1, NewYork, CourseColumns.Allocate(1, 28), 0);
        await withoutEnds.Should().ThrowAsync<InvalidOperationException>();
    }

    private async Task<string> WriteAsync(CourseRequest request, string patientId, long courseNumber)
    {
        string file = Path.Combine(directory, patientId + ".parquet");
        var planner = new BatchPlanner(CourseProtocol.Label);
        var columns = CourseColumns.Allocate(1, planner.DosesPerCourse, withDoseEndsAndCycles: true);
        planner.Plan([request], columns).Failures.Should().BeEmpty();
        await using var stream = File.Create(file);
        await using var writer = await BatchParquetWriter.CreateAsync(stream);
        await writer.AddCourseAsync(patientId, courseNumber, request.Zone!, columns, 0);
        await writer.CompleteAsync();
        return file;
    }
}
