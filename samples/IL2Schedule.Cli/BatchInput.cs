using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using IL2Schedule.Batch;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace IL2Schedule.Cli;

/// <summary>One input row of <c>il2schedule batch</c>, parsed: a request, or why the row is rejected.</summary>
/// <param name="Line">The row's line in the input file (the header is line 1); for synthetic requests, the request's number + 1.</param>
/// <param name="Course">The row's number among the data rows, from 1: the <c>course</c> column of the output.</param>
/// <param name="PatientId">The patient id as given.</param>
/// <param name="Request">The request (protocol index: see <see cref="BatchInput.ProtocolIndex"/>); meaningless when <paramref name="Rejection"/> is set.</param>
/// <param name="DischargeDate">The discharge date, if the row gives one.</param>
/// <param name="Rejection">Why the row cannot be planned, or null.</param>
internal readonly record struct BatchRow(long Line, long Course, string PatientId, CourseRequest Request, LocalDate? DischargeDate, string? Rejection);

/// <summary>
/// The rows of a batch: read from CSV (CsvHelper) with the header <c>patientId,firstDose,zone</c> and
/// the optional columns <c>protocol</c> (label|nci), <c>doseTiming</c> (elapsed|wall-clock) and
/// <c>discharge</c> (yyyy-MM-dd), or generated from a seed.
/// </summary>
internal static class BatchInput
{
    private static readonly LocalDateTimePattern FirstDoseText = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    private static readonly string[] RequiredColumns = ["patientId", "firstDose", "zone"];

    /// <summary>The index into <see cref="BatchCommand.Protocols"/>: label or NCI, elapsed or wall-clock timing.</summary>
    internal static int ProtocolIndex(bool nci, bool wallClock) => (nci ? 2 : 0) + (wallClock ? 1 : 0);

    /// <summary>Opens a CSV file and checks its header; the rows are read lazily.</summary>
    /// <exception cref="CliUsageException">The file cannot be read or lacks a required column.</exception>
    internal static CsvRows OpenCsv(string path)
    {
        CsvReader csv;
        long length;
        try
        {
            length = new FileInfo(path).Length;
            csv = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true, PoolStrings = true });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CliUsageException($"--input cannot be read: {CliApplication.OneLine(e.Message)}");
        }
        try
        {
            var missing = RequiredColumns.Where(column => !csv.TryGetFieldIndex(column, out _)).ToList();
            if (missing.Count > 0)
            {
                throw new CliUsageException(
                    $"--input must start with a header row naming {string.Join(",", RequiredColumns)} (optional: protocol,doseTiming,discharge); '{path}' lacks {string.Join(", ", missing)}");
            }
            return new CsvRows(csv, length);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <paramref name="count"/> synthetic rows from <paramref name="seed"/>: a random tzdb zone each
    /// and a random first dose, to the minute, from 2020-01-01 00:00 to 2035-12-31 23:59, label
    /// protocol, elapsed timing. Patient ids are S0000001, S0000002, ...
    /// </summary>
    internal static IEnumerable<BatchRow> Synthetic(long count, int seed)
    {
        var zones = DateTimeZoneProviders.Tzdb.Ids.Select(id => DateTimeZoneProviders.Tzdb[id]).ToArray();
        var firstDay = new LocalDate(2020, 1, 1);
        int days = Period.Between(firstDay, new LocalDate(2035, 12, 31), PeriodUnits.Days).Days + 1;
        var random = new Random(seed);
        for (long i = 0; i < count; i++)
        {
            var zone = zones[random.Next(zones.Length)];
            var firstDose = firstDay.PlusDays(random.Next(days)).At(LocalTime.FromMinutesSinceMidnight(random.Next(24 * 60)));
            string patientId = "S" + (i + 1).ToString("D7", CultureInfo.InvariantCulture);
            yield return new BatchRow(i + 2, i + 1, patientId, new CourseRequest(firstDose, zone), null, null);
        }
    }

    /// <summary>The rows of an open CSV file, parsed one by one; zone ids are looked up once each.</summary>
    internal sealed class CsvRows : IDisposable
    {
        /// <summary>Enough for every tzdb and Windows id with room for typing errors; more ids are looked up each time, so memory stays flat.</summary>
        private const int MaxCachedZoneIds = 10_000;

        private readonly CsvReader csv;
        private readonly Dictionary<string, (DateTimeZone? Zone, string? Error)> zones = new(StringComparer.Ordinal);
        private readonly int patientIdColumn;
        private readonly int firstDoseColumn;
        private readonly int zoneColumn;
        private readonly int protocolColumn;
        private readonly int doseTimingColumn;
        private readonly int dischargeColumn;
        private readonly int headerFieldCount;

        internal CsvRows(CsvReader csv, long length)
        {
            this.csv = csv;
            Length = length;
            headerFieldCount = csv.Headers.Count;
            patientIdColumn = csv.GetFieldIndex("patientId");
            firstDoseColumn = csv.GetFieldIndex("firstDose");
            zoneColumn = csv.GetFieldIndex("zone");
            protocolColumn = csv.TryGetFieldIndex("protocol", out int protocol) ? protocol : -1;
            doseTimingColumn = csv.TryGetFieldIndex("doseTiming", out int doseTiming) ? doseTiming : -1;
            dischargeColumn = csv.TryGetFieldIndex("discharge", out int discharge) ? discharge : -1;
        }

        /// <summary>The input's length in bytes, for progress.</summary>
        internal long Length { get; }

        /// <summary>Where the current row starts, in bytes, for progress.</summary>
        internal long Position => csv.ByteOffset;

        internal IEnumerable<BatchRow> Rows()
        {
            long course = 0;
            while (csv.Read())
            {
                course++;
                yield return Parse(csv.LineNumber, course);
            }
        }

        public void Dispose() => csv.Dispose();

        private BatchRow Parse(long line, long course)
        {
            if (csv.FieldCount != headerFieldCount)
            {
                // A quote left open joins the following lines into one field, so the row is short.
                string id = patientIdColumn < csv.FieldCount ? Field(patientIdColumn).Split('\n')[0].TrimEnd('\r') : "";
                return new BatchRow(line, course, id, default, null, string.Create(CultureInfo.InvariantCulture,
                    $"the row has {csv.FieldCount} field{(csv.FieldCount == 1 ? "" : "s")} but the header has {headerFieldCount}; check for a missing or extra field, or a quote left open (which joins the lines after it into one field)"));
            }
            string patientId = Field(patientIdColumn);
            string firstDoseText = Field(firstDoseColumn);
            string zoneText = Field(zoneColumn);
            string protocol = Field(protocolColumn);
            string doseTiming = Field(doseTimingColumn);
            string dischargeText = Field(dischargeColumn);
            BatchRow Reject(string reason) => new(line, course, patientId, default, null, reason);

            if (patientId.Length == 0)
            {
                return Reject("patientId must not be empty");
            }
            var firstDose = FirstDoseText.Parse(firstDoseText);
            if (!firstDose.Success || FirstDoseText.Format(firstDose.Value) != firstDoseText)
            {
                return Reject($"firstDose must be a local date-time like 2027-03-10T08:00 (hours 00-23, no seconds, no offset; the zone is the zone column); was '{firstDoseText}'");
            }
            var (zone, zoneError) = Zone(zoneText);
            if (zone is null)
            {
                return Reject(zoneError!);
            }
            if (protocol is not ("" or "label" or "nci"))
            {
                return Reject($"protocol must be label or nci (or empty for label); was '{protocol}'");
            }
            if (doseTiming is not ("" or "elapsed" or "wall-clock"))
            {
                return Reject($"doseTiming must be elapsed or wall-clock (or empty for elapsed); was '{doseTiming}'");
            }
            LocalDate? discharge = null;
            if (dischargeText.Length > 0)
            {
                var parsed = LocalDatePattern.Iso.Parse(dischargeText);
                if (!parsed.Success)
                {
                    return Reject($"discharge must be a date like 2027-03-31 (or empty); was '{dischargeText}'");
                }
                discharge = parsed.Value;
            }
            var request = new CourseRequest(firstDose.Value, zone, ProtocolIndex(protocol == "nci", doseTiming == "wall-clock"));
            return new BatchRow(line, course, patientId, request, discharge, null);
        }

        private string Field(int column) => column < 0 ? "" : csv.GetString(column);

        private (DateTimeZone? Zone, string? Error) Zone(string id)
        {
            if (!zones.TryGetValue(id, out var entry))
            {
                try
                {
                    entry = (TimeZoneLookup.GetZone(id), null);
                }
                catch (DateTimeZoneNotFoundException e)
                {
                    entry = (null, e.Message);
                }
                if (zones.Count < MaxCachedZoneIds)
                {
                    zones.Add(id, entry);
                }
            }
            return entry;
        }
    }
}
