using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FluentAssertions;
using IL2Schedule.Serialization;
using IL2Schedule.Tests.Parquet;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule.Tests.Cli;

// NDJSON is written from the batch columns; each line must be, byte for byte, what the library's
// serializer writes for the course planned on its own by CoursePlanner (the path NDJSON took before),
// with {"patientId":...} in front: for every option the batch CSV allows, with working days.
public sealed partial class BatchCommandTests
{
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void NdjsonLines_AreTheSerializersBytes_ForEveryOptionOfTheInput()
    {
        string[] rows =
        [
            "A1,2027-03-10T08:00,America/New_York,,,,,,72.5",
            "A2,2027-03-13T20:00,America/New_York,label,wall-clock,,calendar-days,2027-04-02,61.2",
            "A3,2027-10-28T09:30,Europe/London,nci,wall-clock,,,2027-11-20,80",
            "A4,2027-04-15T13:30,America/New_York,label,standard-times,\"06:00,14:00,22:00\",calendar-days,,20",
            "A5,2026-04-01T22:00,Australia/Lord_Howe,label,elapsed,,,2026-04-30,200",
            "A6,2027-02-28T02:30,US/Eastern,,standard-times,,,2027-05-30,0.5",
            "\"A,\"\"7\"\"\",2027-06-01T07:15,Asia/Kolkata,nci,,,calendar-days,2027-06-20,",
            "Zé 8,2027-11-06T23:45,America/St_Johns,,,,,2027-12-30,350",
        ];
        string input = WriteInput(OptionsHeader, rows);

        var (exitCode, stdout, stderr) = Run("batch", "--input", input, "--format", "ndjson", "--weekend", "Fri,Sat", "--imaging-shift", "previous", "--parallel");

        exitCode.Should().Be(0, stderr);
        var calendar = new WorkingDayCalendar([IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], []);
        var lines = stdout.Split('\n');
        lines.Should().HaveCount(rows.Length + 1).And.EndWith("");
        var patientIds = new[] { "A1", "A2", "A3", "A4", "A5", "A6", "A,\"7\"", "Zé 8" };
        for (int i = 0; i < rows.Length; i++)
        {
            string[] field = SplitCsv(rows[i]);
            var protocol = field[3] == "nci" ? CourseProtocol.NciSurgeryBranch : CourseProtocol.Label;
            var builder = new CourseProtocolBuilder(protocol)
            {
                DoseTiming = field[4] switch { "wall-clock" => DoseTiming.WallClock, "standard-times" => DoseTiming.StandardTimes, _ => DoseTiming.Elapsed },
                CycleWindowCounting = field[6] == "calendar-days" ? CycleWindowCounting.CalendarDays : CycleWindowCounting.Elapsed,
            };
            if (field[5].Length > 0)
            {
                builder.StandardAdministrationTimes = [.. field[5].Split(',').Select(time => LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(time).Value)];
            }
            var schedule = new CoursePlanner(builder.Build())
                .Plan(LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(field[1]).Value, field[2])
                .WithDischargeDate(field[7].Length > 0 ? LocalDatePattern.Iso.Parse(field[7]).Value : null)
                .WithBodyWeight(field[8].Length > 0 ? decimal.Parse(field[8], System.Globalization.CultureInfo.InvariantCulture) : null)
                .WithWorkingDays(calendar, NonWorkingDayShift.Previous);
            string expected = "{\"patientId\":" + JsonSerializer.Serialize(patientIds[i], RelaxedJson)
                + "," + CourseScheduleJson.Serialize(schedule, indented: false)[1..];
            Encoding.UTF8.GetBytes(lines[i]).Should().Equal(Encoding.UTF8.GetBytes(expected), $"line {i + 1} ({patientIds[i]})");
        }
    }

    // A Parquet file names the tzdb its courses were planned with in its key-value metadata, read by
    // DuckDB, and the summary line on stderr names it too.
    [Fact]
    public void Parquet_NamesTheTzdbVersion_InItsKeyValueMetadata()
    {
        string parquet = Path.Combine(directory, "schedules.parquet");

        string input = WriteInput(OptionsHeader, "T1,2027-03-10T08:00,America/New_York,,,,,,", "T2,2027-10-28T09:30,Europe/London,,,,,,");
        var (exitCode, _, stderr) = Run("batch", "--input", input, "--format", "parquet", "--output", parquet, "--tzdb", TzdbFixtures.PathOf("2019c"));

        exitCode.Should().Be(0);
        stderr.TrimEnd().Should().StartWith("done: 2 courses planned, 56 doses, 0 rejected rows, ").And.EndWith(" courses/s, tzdb 2019c");

        DuckDb.Query($"SELECT decode(key), decode(value) FROM parquet_kv_metadata({DuckDb.Literal(parquet)}) WHERE decode(key) LIKE 'il2schedule.%'")
            .Should().ContainSingle().Which.Should().Equal("il2schedule.tzdb_version", "2019c");
    }

    // CSV's bytes carry no tzdb version (the header and rows are unchanged): the summary line on stderr ends with it.
    [Fact]
    public void Csv_SummaryLine_EndsWithTheTzdbVersion()
    {
        string input = WriteInput(OptionsHeader, "T1,2027-03-10T08:00,America/New_York,,,,,,");

        var (exitCode, stdout, stderr) = Run("batch", "--input", input, "--tzdb", TzdbFixtures.PathOf("2019c"));

        exitCode.Should().Be(0, stderr);
        stdout.Should().StartWith("patientId,course,cycle,dose,start,end,doseIu,doseMg\nT1,1,1,1,2027-03-10T08:00:00-05:00,2027-03-10T08:15:00-05:00,,\n");
        Summary(stderr).Should().StartWith("done: 1 course planned, 28 doses, 0 rejected rows, ").And.EndWith(" courses/s, tzdb 2019c");
    }

    /// <summary>RFC 4180 fields of one line (quotes doubled inside quoted fields).</summary>
    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
