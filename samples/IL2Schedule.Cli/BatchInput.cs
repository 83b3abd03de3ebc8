using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Unicode;
using CsvHelper;
using IL2Schedule.Batch;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace IL2Schedule.Cli;

/// <summary>One input row of <c>il2schedule batch</c>, parsed: a request, or why the row is rejected.</summary>
/// <param name="Line">The row's line in the input file (the header is line 1); for synthetic requests, the request's number, from 1.</param>
/// <param name="Course">The row's number among the data rows, from 1: the <c>course</c> column of the output.</param>
/// <param name="PatientId">The patient id as given.</param>
/// <param name="Request">The request (its protocol index into the run's <see cref="BatchProtocols"/>); meaningless when <paramref name="Rejection"/> is set.</param>
/// <param name="Rejection">Why the row cannot be planned, or null.</param>
internal readonly record struct BatchRow(long Line, long Course, string PatientId, CourseRequest Request, string? Rejection);

/// <summary>
/// The rows of a batch: read from a UTF-8 CSV file (CsvHelper) whose columns are
/// <see cref="BatchColumns.All"/>, or generated from a seed.
/// </summary>
internal static class BatchInput
{
    private static readonly LocalDateTimePattern FirstDoseText = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    /// <summary>The first doses' dates of synthetic requests.</summary>
    internal static readonly DateInterval SyntheticFirstDoseDates = new(new LocalDate(2020, 1, 1), new LocalDate(2035, 12, 31));

    private static readonly int PatientIdColumn = BatchColumns.IndexOf("patientId");
    private static readonly int FirstDoseColumn = BatchColumns.IndexOf("firstDose");
    private static readonly int ZoneColumn = BatchColumns.IndexOf("zone");
    private static readonly int ProtocolColumn = BatchColumns.IndexOf("protocol");
    private static readonly int DoseTimingColumn = BatchColumns.IndexOf("doseTiming");
    private static readonly int StandardTimesColumn = BatchColumns.IndexOf("standardTimes");
    private static readonly int CycleWindowColumn = BatchColumns.IndexOf("cycleWindow");
    private static readonly int DischargeColumn = BatchColumns.IndexOf("discharge");
    private static readonly int WeightColumn = BatchColumns.IndexOf("weightKg");

    /// <summary>
    /// Opens a CSV file and checks its encoding and header; the rows are read lazily. No field may
    /// hold a line break, so a quote left open is one malformed row, not the rest of the file.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="protocols">The run's protocols, which the rows' protocols are added to.</param>
    /// <exception cref="CliUsageException">The file cannot be read, is not UTF-8, or its header is unusable.</exception>
    internal static CsvRows OpenCsv(string path, BatchProtocols protocols, TimeZoneDatabase database)
    {
        var malformed = new Queue<CsvMalformedRecord>();
        CsvReader csv;
        long length;
        try
        {
            length = new FileInfo(path).Length;
            CheckByteOrderMark(path);
            csv = CsvReader.FromFile(path, CsvReaderOptions.Default with
            {
                Separator = ',',
                TrackLineNumbers = true,
                PoolStrings = true,
                AllowLineBreaksInQuotes = false,
                MaxRecordSize = InputLimits.MaxCsvRecordBytes,
                MalformedData = CsvMalformedDataHandling.Skip,
                OnMalformedRecord = malformed.Enqueue,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CliUsageException($"--input cannot be read: {CliApplication.OneLine(e.Message)}");
        }
        try
        {
            var header = csv.Headers;
            if (malformed.Any(record => record.LineNumber == 1))
            {
                throw new CliUsageException($"--input '{path}' has an unusable header row: its quoting is malformed (a quote left open, or text around a quoted name)");
            }
            return new CsvRows(csv, BatchColumns.Map(header, path), malformed, length, protocols, database);
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
    /// protocol, elapsed timing. A first dose the zone skips or repeats is drawn again, so every
    /// request can be planned. Patient ids are S0000001, S0000002, ...
    /// </summary>
    internal static IEnumerable<BatchRow> Synthetic(long count, int seed, BatchProtocols protocols, TimeZoneDatabase database)
    {
        protocols.TryGetIndex("label", DoseTiming.Elapsed, CycleWindowCounting.Elapsed, null, out int label);
        var zones = database.Provider.Ids.Select(id => database.Provider[id]).ToArray();
        var firstDay = SyntheticFirstDoseDates.Start;
        int days = SyntheticFirstDoseDates.Length;
        var random = new Random(seed);
        for (long i = 0; i < count; i++)
        {
            var zone = zones[random.Next(zones.Length)];
            LocalDateTime firstDose;
            do
            {
                firstDose = firstDay.PlusDays(random.Next(days)).At(LocalTime.FromMinutesSinceMidnight(random.Next(24 * 60)));
            }
            while (zone.MapLocal(firstDose).Count != 1);
            string patientId = "S" + (i + 1).ToString("D7", CultureInfo.InvariantCulture);
            yield return new BatchRow(i + 1, i + 1, patientId, new CourseRequest(firstDose, zone, label), null);
        }
    }

    /// <summary>Refuses a file that starts with a UTF-16 or UTF-32 byte order mark; a UTF-8 one is allowed.</summary>
    private static void CheckByteOrderMark(string path)
    {
        Span<byte> start = stackalloc byte[4];
        int read;
        using (var file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }
        string? encoding = start[..read] switch
        {
            [0xFF, 0xFE, 0, 0] => "UTF-32 (little-endian)",
            [0, 0, 0xFE, 0xFF] => "UTF-32 (big-endian)",
            [0xFF, 0xFE, ..] => "UTF-16 (little-endian)",
            [0xFE, 0xFF, ..] => "UTF-16 (big-endian)",
            _ => null,
        };
        if (encoding is not null)
        {
            throw new CliUsageException($"--input must be UTF-8 (a UTF-8 byte order mark is allowed); '{path}' starts with a {encoding} byte order mark: save it as UTF-8");
        }
    }

    /// <summary>The rows of an open CSV file, parsed one by one, in file order; zone ids are looked up once each.</summary>
    internal sealed class CsvRows : IDisposable
    {
        /// <summary>Enough for every tzdb and Windows id with room for typing errors; more ids are looked up each time, so memory stays flat.</summary>
        private const int MaxCachedZoneIds = 10_000;

        private readonly CsvReader csv;
        private readonly Dictionary<string, (DateTimeZone? Zone, string? Error)> zones = new(StringComparer.Ordinal);
        private readonly int[] fieldIndexes;
        private readonly Queue<CsvMalformedRecord> malformed;
        private readonly string[] values = new string[BatchColumns.All.Length];
        private readonly int headerFieldCount;
        private readonly BatchProtocols protocols;
        private readonly TimeZoneDatabase database;

        /// <param name="csv">The reader, its header read.</param>
        /// <param name="fieldIndexes">For each of <see cref="BatchColumns.All"/>, its field index, or -1.</param>
        /// <param name="malformed">The records the reader skipped for malformed quoting, in file order, as it finds them.</param>
        /// <param name="length">The input's length in bytes.</param>
        /// <param name="protocols">The run's protocols.</param>
        internal CsvRows(CsvReader csv, int[] fieldIndexes, Queue<CsvMalformedRecord> malformed, long length, BatchProtocols protocols, TimeZoneDatabase database)
        {
            this.protocols = protocols;
            this.database = database;
            this.csv = csv;
            this.fieldIndexes = fieldIndexes;
            this.malformed = malformed;
            Length = length;
            headerFieldCount = csv.Headers.Count;
        }

        /// <summary>True if the file has a <c>weightKg</c> column, so the output has the dose amounts.</summary>
        internal bool HasWeights => fieldIndexes[WeightColumn] >= 0;

        /// <summary>The input's length in bytes, for progress.</summary>
        internal long Length { get; }

        /// <summary>Where the current row starts, in bytes, for progress.</summary>
        internal long Position => csv.ByteOffset;

        /// <summary>Every data row, the malformed ones (which the reader skips) as rejections in their place.</summary>
        internal IEnumerable<BatchRow> Rows()
        {
            long course = 0;
            while (ReadRow())
            {
                long line = csv.LineNumber;
                while (malformed.TryPeek(out var skipped) && skipped.LineNumber < line)
                {
                    yield return Malformed(malformed.Dequeue(), ++course);
                }
                yield return Parse(line, ++course);
            }
            while (malformed.TryDequeue(out var skipped))
            {
                yield return Malformed(skipped, ++course);
            }
        }

        public void Dispose() => csv.Dispose();

        /// <summary>The next row; a row longer than <see cref="InputLimits.MaxCsvRecordBytes"/> stops the run, since the reader cannot find where it ends without holding it.</summary>
        /// <exception cref="CliUsageException">A row is longer than the limit.</exception>
        private bool ReadRow()
        {
            try
            {
                return csv.Read();
            }
            catch (CsvFormatException)
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                    $"--input has a row longer than {InputLimits.MaxCsvRecordBytes:N0} bytes (the limit InputLimits.{nameof(InputLimits.MaxCsvRecordBytes)}) after line {csv.LineNumber}; reading stopped there"));
            }
        }

        private BatchRow Malformed(CsvMalformedRecord record, long course)
        {
            // The id as the row shows it: the reader cannot split a malformed row into fields.
            var naiveFields = record.RawRecord.Split(',');
            int patientIdField = fieldIndexes[PatientIdColumn];
            string patientId = patientIdField < naiveFields.Length ? naiveFields[patientIdField] : "";
            string reason = record.Reason switch
            {
                CsvMalformedReason.LineBreakInQuotes or CsvMalformedReason.UnterminatedQuote =>
                    "a quote is left open: a quoted field must end with a quote on the same line, since no field may hold a line break",
                CsvMalformedReason.StrayQuote =>
                    "a quote inside an unquoted field: quote the whole field and double the quote inside (\"a\"\"b\")",
                _ => "text after the closing quote of a quoted field: put the whole value inside the quotes",
            };
            return new BatchRow(record.LineNumber, course, patientId, default, reason);
        }

        private BatchRow Parse(long line, long course)
        {
            BatchRow Reject(string patientId, string reason) => new(line, course, patientId, default, reason);

            if (csv.FieldCount != headerFieldCount)
            {
                string id = fieldIndexes[PatientIdColumn] < csv.FieldCount ? csv.GetString(fieldIndexes[PatientIdColumn]) : "";
                return Reject(id, string.Create(CultureInfo.InvariantCulture,
                    $"the row has {csv.FieldCount} field{(csv.FieldCount == 1 ? "" : "s")} but the header has {headerFieldCount}; check for a missing or extra field"));
            }
            var raw = csv.RawRecord;
            if (!Utf8.IsValid(raw))
            {
                return Reject(Utf8Text.Escaped(csv.GetSpan(fieldIndexes[PatientIdColumn])), string.Create(CultureInfo.InvariantCulture,
                    $"the bytes at byte offset {csv.ByteOffset + Utf8Text.FirstInvalidByte(raw)} of the file are not valid UTF-8; the file must be UTF-8"));
            }
            for (int column = 0; column < values.Length; column++)
            {
                values[column] = fieldIndexes[column] < 0 ? "" : csv.GetString(fieldIndexes[column]);
            }
            string patientId = values[PatientIdColumn];
            for (int column = 0; column < values.Length; column++)
            {
                var known = BatchColumns.All[column];
                if (values[column].Length > known.MaxLength)
                {
                    return Reject(patientId, string.Create(CultureInfo.InvariantCulture,
                        $"{known.Name} is {values[column].Length} characters long; the limit is {known.MaxLength}"));
                }
            }
            return ParseValues(line, course, patientId);
        }

        /// <summary>The row's values (in <see cref="values"/>), well-formed and within their limits, as a request or a rejection.</summary>
        private BatchRow ParseValues(long line, long course, string patientId)
        {
            BatchRow Reject(string reason) => new(line, course, patientId, default, reason);

            if (patientId.Length == 0)
            {
                return Reject("patientId must not be empty");
            }
            string firstDoseText = values[FirstDoseColumn];
            var firstDose = FirstDoseText.Parse(firstDoseText);
            if (!firstDose.Success || FirstDoseText.Format(firstDose.Value) != firstDoseText)
            {
                return Reject($"firstDose must be a local date-time like 2027-03-10T08:00 (hours 00-23, no seconds, no offset; the zone is the zone column); was '{InputText.ForMessage(firstDoseText)}'");
            }
            var (zone, zoneError) = Zone(values[ZoneColumn]);
            if (zone is null)
            {
                return Reject(zoneError!);
            }
            string? problem = ProtocolIndex(out int protocolIndex);
            if (problem is not null)
            {
                return Reject(problem);
            }
            LocalDate? discharge = null;
            string dischargeText = values[DischargeColumn];
            if (dischargeText.Length > 0)
            {
                var parsed = LocalDatePattern.Iso.Parse(dischargeText);
                if (!parsed.Success)
                {
                    return Reject($"discharge must be a date like 2027-03-31 (or empty); was '{InputText.ForMessage(dischargeText)}'");
                }
                discharge = parsed.Value;
            }
            decimal? weight;
            try
            {
                weight = PlanCommand.ParseWeight(values[WeightColumn] is { Length: > 0 } text ? text : null, "weightKg");
            }
            catch (CliUsageException e)
            {
                return Reject(e.Message);
            }
            return new BatchRow(line, course, patientId, new CourseRequest(firstDose.Value, zone, protocolIndex, discharge, weight), null);
        }

        /// <summary>The row's protocol (its protocol, doseTiming, cycleWindow and standardTimes values) as an index into the run's protocols, or why there is none.</summary>
        private string? ProtocolIndex(out int index)
        {
            index = 0;
            string preset = values[ProtocolColumn];
            string doseTiming = values[DoseTimingColumn];
            string cycleWindow = values[CycleWindowColumn];
            string standardTimesText = values[StandardTimesColumn];
            if (preset.Length > 0 && !PlanCommand.PresetNames.Contains(preset))
            {
                return $"protocol must be {Alternatives(PlanCommand.PresetNames)} (or empty for label); was '{InputText.ForMessage(preset)}'";
            }
            if (doseTiming.Length > 0 && !PlanCommand.DoseTimingNames.Contains(doseTiming))
            {
                return $"doseTiming must be {Alternatives(PlanCommand.DoseTimingNames)} (or empty for elapsed); was '{InputText.ForMessage(doseTiming)}'";
            }
            if (cycleWindow.Length > 0 && !PlanCommand.CycleWindowNames.Contains(cycleWindow))
            {
                return $"cycleWindow must be {Alternatives(PlanCommand.CycleWindowNames)} (or empty for elapsed); was '{InputText.ForMessage(cycleWindow)}'";
            }
            var timing = PlanCommand.ParseDoseTiming(doseTiming);
            List<LocalTime>? standardTimes = null;
            if (standardTimesText.Length > 0)
            {
                if (timing != DoseTiming.StandardTimes)
                {
                    return $"standardTimes needs doseTiming standard-times; was '{InputText.ForMessage(standardTimesText)}' with doseTiming '{InputText.ForMessage(doseTiming)}'";
                }
                try
                {
                    standardTimes = PlanCommand.ParseStandardTimes(standardTimesText, "standardTimes");
                }
                catch (CliUsageException e)
                {
                    return e.Message;
                }
            }
            return protocols.TryGetIndex(preset.Length == 0 ? "label" : preset, timing, PlanCommand.ParseCycleWindow(cycleWindow), standardTimes, out index);
        }

        /// <summary>"a, b or c".</summary>
        private static string Alternatives(string[] names) => string.Join(", ", names[..^1]) + " or " + names[^1];

        private (DateTimeZone? Zone, string? Error) Zone(string id)
        {
            if (!zones.TryGetValue(id, out var entry))
            {
                try
                {
                    entry = (database.GetZone(id), null);
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
