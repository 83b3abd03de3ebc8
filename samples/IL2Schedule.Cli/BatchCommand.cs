using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using IL2Schedule.Batch;
using NodaTime;
using Spectre.Console;

namespace IL2Schedule.Cli;

/// <summary>
/// <c>il2schedule batch</c>: plans every row of a CSV file (or N synthetic requests) and streams the
/// schedules to CSV (one row per dose), NDJSON (one line per course) or Parquet (one row per dose). Rejected rows go to the
/// errors file (or stderr) and the batch goes on; exit code 3 says some were rejected.
/// </summary>
internal static class BatchCommand
{
    /// <summary>Exit code when the batch ran but some rows were rejected.</summary>
    internal const int RowsRejected = 3;

    /// <summary>Rows read, planned and written per chunk: memory stays flat however long the input.</summary>
    private const int ChunkSize = 16_384;

    private static readonly TimeSpan PlainProgressInterval = TimeSpan.FromSeconds(5);

    internal static Command Create()
    {
        var input = new Option<string?>("--input")
        {
            Description = InputDescription(),
        };
        var output = new Option<string?>("--output")
        {
            Description = "Where the schedules go (default: stdout); written beside it under a temporary name and renamed when the run is complete.",
        };
        var format = new Option<string>("--format")
        {
            Description = "csv: one row per dose (patientId,course,cycle,dose,start,end; with a weightKg column also doseIu,doseMg: one dose's IU and mg, mg empty for a protocol without a mg figure, both empty for a row without a weight); ndjson: one JSON object per course (the JSON form plus patientId); parquet: one row per dose with UTC timestamps, UTC offsets in minutes, the zone and the course's follow-up dates and dose amounts (needs --output; columns in docs/batch-output.md).",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong(BatchOutput.Formats);
        var errors = new Option<string?>("--errors")
        {
            Description = "CSV file for rejected rows (line,patientId,reason; request,patientId,reason with --count), written like --output; default: one line each on stderr.",
        };
        var parallel = new Option<bool>("--parallel")
        {
            Description = "Plan and format each chunk of rows on every core (the output is the same, byte for byte, and in input order).",
        };
        var count = new Option<long?>("--count")
        {
            Description = "Instead of --input, plan N synthetic requests: random tzdb zones, first doses from 2020 to 2035 (one the zone skips or repeats is drawn again).",
            CustomParser = result =>
            {
                string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
                {
                    return value;
                }
                result.AddError($"--count must be a whole number of requests like 1000; was '{InputText.ForMessage(token)}'");
                return null;
            },
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the synthetic requests (with --count).",
            DefaultValueFactory = _ => 1,
        };

        var workingDays = WorkingDayOptions.CreateOptions();

        var command = new Command("batch", "Plan many courses: from a CSV file or synthetic requests, streamed to CSV, NDJSON or Parquet.")
        {
            input, output, format, errors, parallel, count, seed, workingDays.Weekend, workingDays.Holidays, workingDays.ImagingShift,
        };
        var tzdb = TzdbOption.Create("resolve the zones in");
        command.Options.Add(tzdb);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(input),
            parseResult.GetValue(count),
            parseResult.GetValue(seed),
            parseResult.GetValue(output),
            parseResult.GetValue(format)!,
            parseResult.GetValue(errors),
            parseResult.GetValue(parallel),
            workingDays.Parse(parseResult),
            TzdbOption.Load(parseResult.GetValue(tzdb)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string? inputPath, long? count, int seed, string? outputPath, string format, string? errorsPath, bool parallel, WorkingDayOptions? workingDays, TimeZoneDatabase database, TextWriter stdout, TextWriter stderr)
    {
        if ((inputPath is null) == (count is null))
        {
            throw new CliUsageException("batch needs exactly one of --input FILE and --count N");
        }
        if (count is < 1)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--count must be at least 1; was {count}"));
        }
        CheckPaths(inputPath, outputPath, errorsPath);
        if (format == "parquet" && outputPath is null)
        {
            throw new CliUsageException("--format parquet writes a binary file whose footer comes last: give --output FILE");
        }
        var calendar = workingDays is null ? null : BatchCalendar(workingDays, inputPath);
        var protocols = new BatchProtocols();
        using var csvRows = inputPath is null ? null : BatchInput.OpenCsv(inputPath, protocols, database);
        IEnumerable<BatchRow> rows;
        Func<long, double> fraction;
        if (csvRows is not null)
        {
            rows = csvRows.Rows();
            long length = Math.Max(1, csvRows.Length);
            fraction = _ => Math.Min(1.0, (double)csvRows.Position / length);
        }
        else
        {
            rows = BatchInput.Synthetic(count!.Value, seed, protocols, database);
            fraction = rowsRead => (double)rowsRead / count.Value;
        }

        using var outputFile = outputPath is null ? null : PendingFile.Create(outputPath, "--output");
        using var errorsFile = errorsPath is null ? null : PendingFile.Create(errorsPath, "--errors");
        var target = outputFile is null ? BatchOutputTarget.ForStandardOutput(stdout) : BatchOutputTarget.ForFile(outputFile);
        var rejections = new RejectionSink(errorsFile?.Writer, stderr, csvRows is null ? "request" : "line");
        using var batchOutput = BatchOutput.Create(format, target, csvRows?.HasWeights == true, parallel);
        var run = new BatchRun(rows, fraction, batchOutput, rejections, parallel, protocols, calendar, workingDays?.ImagingDateShift ?? NonWorkingDayShift.Next);

        bool interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        if (interactive)
        {
            RunWithProgressBar(run);
        }
        else
        {
            run.Execute(PlainProgress(stderr));
        }
        batchOutput.Complete();
        rejections.Flush();
        // The errors first: once the output is there, so is everything else.
        errorsFile?.Commit();
        outputFile?.Commit();

        double seconds = Math.Max(run.Elapsed.TotalSeconds, 1e-9);
        // The tzdb version ends the summary: CSV has no place for it (NDJSON lines and Parquet metadata carry it).
        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"done: {Counted(run.Courses, "course")} planned, {Counted(run.Doses, "dose")}, {Counted(run.Rejected, "rejected row")}, {run.Elapsed.TotalSeconds:0.0} s, {run.Courses / seconds:N0} courses/s, tzdb {database.TzdbVersion}"));
        return run.Rejected > 0 ? RowsRejected : CliApplication.Success;
    }

    /// <summary>
    /// Refuses, before any file is opened, paths that would lose data or cannot be written: the
    /// same file given twice (the input would be overwritten), a directory, or a missing directory.
    /// </summary>
    private static void CheckPaths(string? inputPath, string? outputPath, string? errorsPath)
    {
        foreach (var (option, given) in new (string Option, string? Path)[] { ("--input", inputPath), ("--output", outputPath), ("--errors", errorsPath) })
        {
            if (given is not null && given.Trim().Length == 0)
            {
                throw new CliUsageException($"{option} must name a file; was empty");
            }
        }
        if (inputPath is not null && Directory.Exists(inputPath))
        {
            throw new CliUsageException($"--input must name a CSV file; '{InputText.ForMessage(inputPath)}' is a directory");
        }
        (string Option, string Path)[] paths =
        [
            .. new (string Option, string? Path)[] { ("--input", inputPath), ("--output", outputPath), ("--errors", errorsPath) }
                .Where(entry => entry.Path is not null)
                .Select(entry => (entry.Option, Path.GetFullPath(entry.Path!))),
        ];
        for (int i = 0; i < paths.Length; i++)
        {
            for (int j = i + 1; j < paths.Length; j++)
            {
                if (string.Equals(paths[i].Path, paths[j].Path, StringComparison.Ordinal))
                {
                    throw new CliUsageException($"{paths[i].Option} and {paths[j].Option} must be different files; both are '{paths[i].Path}'");
                }
            }
        }
        foreach (var (option, path) in paths.Where(entry => entry.Option != "--input"))
        {
            if (Directory.Exists(path))
            {
                throw new CliUsageException($"{option} must be a file; '{path}' is a directory");
            }
            if (Path.GetDirectoryName(path) is { Length: > 0 } directory && !Directory.Exists(directory))
            {
                throw new CliUsageException($"{option} cannot be written: the directory '{directory}' does not exist");
            }
        }
    }

    /// <summary>
    /// The working days of every course of the run. An iCalendar file's recurring events are expanded
    /// over the dates the follow-up rules can look at for the run's first doses: the synthetic
    /// requests' years, or those of the file's rows, found by reading the file once more first.
    /// </summary>
    private static WorkingDayCalendar BatchCalendar(WorkingDayOptions workingDays, string? inputPath) => workingDays.Calendar(() =>
    {
        var firstDoseDates = inputPath is null ? BatchInput.SyntheticFirstDoseDates : FirstDoseDates(inputPath);
        var horizons = CourseProtocol.Presets.Values.Select(protocol => new CoursePlanner(protocol).FollowUpHorizon(firstDoseDates)).ToList();
        return new DateInterval(horizons.Min(range => range.Start), horizons.Max(range => range.End));
    });

    /// <summary>The earliest and latest first dose dates of the file's plannable rows (any date when there are none).</summary>
    private static DateInterval FirstDoseDates(string inputPath)
    {
        using var rows = BatchInput.OpenCsv(inputPath, new BatchProtocols(), TimeZoneDatabase.Embedded);
        LocalDate? earliest = null;
        LocalDate? latest = null;
        foreach (var row in rows.Rows().Where(row => row.Rejection is null))
        {
            var date = row.Request.FirstDose.Date;
            earliest = earliest is { } e && e <= date ? e : date;
            latest = latest is { } l && l >= date ? l : date;
        }
        return earliest is { } from ? new DateInterval(from, latest!.Value) : BatchInput.SyntheticFirstDoseDates;
    }

    /// <summary>"1 course", "2 courses", "1,000 courses".</summary>
    private static string Counted(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? "" : "s")}");

    /// <summary>The <c>--input</c> help: every column, what it holds and its limit, from <see cref="BatchColumns.All"/>.</summary>
    private static string InputDescription()
    {
        var columns = BatchColumns.All.Select(column => string.Create(CultureInfo.InvariantCulture,
            $"{column.Name} ({(column.Required ? "required" : "optional")}; {column.Values}{(column.MaxLength == BatchColumns.OtherMaxLength ? "" : $"; at most {column.MaxLength} characters")})"));
        return string.Create(CultureInfo.InvariantCulture,
            $"UTF-8 CSV file, one row per course, with a header naming its columns (matched ignoring case): {string.Join(", ", columns)}. Other values: at most {BatchColumns.OtherMaxLength} characters. Each distinct protocol, doseTiming, cycleWindow and standardTimes is one protocol, at most {BatchProtocols.MaxProtocols} a run. A row with a malformed field (a quote left open, bytes that are not UTF-8, a value too long) is rejected alone.");
    }

    /// <summary>Plain lines, at most one every few seconds: for logs and pipes.</summary>
    private static Action<BatchRun, double> PlainProgress(TextWriter stderr)
    {
        var last = TimeSpan.Zero;
        return (run, done) =>
        {
            if (run.Elapsed - last < PlainProgressInterval)
            {
                return;
            }
            last = run.Elapsed;
            double rate = run.Courses / Math.Max(run.Elapsed.TotalSeconds, 1e-9);
            string eta = done > 0 ? $", ETA {TimeSpan.FromSeconds(run.Elapsed.TotalSeconds * (1 - done) / done):hh\\:mm\\:ss}" : "";
            stderr.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"progress: {Counted(run.Courses, "course")}, {done:P0}, {rate:N0} courses/s, elapsed {run.Elapsed:hh\\:mm\\:ss}{eta}"));
        };
    }

    /// <summary>Spectre.Console's progress bar on stderr, with the rate and the time remaining.</summary>
    private static void RunWithProgressBar(BatchRun run)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("planning", maxValue: 1.0);
                run.Execute((current, done) =>
                {
                    double rate = current.Courses / Math.Max(current.Elapsed.TotalSeconds, 1e-9);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{Counted(current.Courses, "course")}, {rate:N0}/s");
                    task.Value = done;
                });
                task.Value = 1.0;
            });
    }

    /// <summary>One batch run: reads rows in chunks, plans each chunk, writes it in input order.</summary>
    private sealed class BatchRun(
        IEnumerable<BatchRow> rows,
        Func<long, double> fraction,
        BatchOutput output,
        RejectionSink rejections,
        bool parallel,
        BatchProtocols protocols,
        WorkingDayCalendar? calendar,
        NonWorkingDayShift imagingDateShift)
    {
        private readonly Stopwatch stopwatch = new();
        private readonly List<PlannedRow> planned = new(ChunkSize);

        internal long Courses { get; private set; }

        internal long Doses { get; private set; }

        internal long Rejected { get; private set; }

        internal TimeSpan Elapsed => stopwatch.Elapsed;

        internal void Execute(Action<BatchRun, double> progress)
        {
            stopwatch.Start();
            BatchPlanner? planner = null;
            CourseColumns? columns = null;
            var chunk = new BatchRow[ChunkSize];
            var requests = new CourseRequest[ChunkSize];
            long rowsRead = 0;
            output.WriteHeader();
            using var source = rows.GetEnumerator();
            while (true)
            {
                int rowCount = 0;
                while (rowCount < ChunkSize && source.MoveNext())
                {
                    chunk[rowCount++] = source.Current;
                }
                if (rowCount == 0)
                {
                    break;
                }
                rowsRead += rowCount;
                int requestCount = 0;
                for (int i = 0; i < rowCount; i++)
                {
                    if (chunk[i].Rejection is null)
                    {
                        requests[requestCount++] = chunk[i].Request;
                    }
                }
                // The chunk's rows may have met new protocols: the planner takes them all, by the same indexes.
                if (requestCount > 0 && planner?.Protocols.Count != protocols.Protocols.Count)
                {
                    planner = new BatchPlanner([.. protocols.Protocols], calendar, imagingDateShift);
                    if (columns is null || columns.DosesPerCourse < planner.DosesPerCourse || columns.Details?.CyclesPerCourse < planner.CyclesPerCourse)
                    {
                        columns = CourseColumns.Allocate(ChunkSize, planner.DosesPerCourse, withDoseEndsAndCycles: true);
                        if (output.NeedsDetails)
                        {
                            columns = columns.WithDetails(CourseDetailColumns.Allocate(ChunkSize, planner.CyclesPerCourse));
                        }
                    }
                }
                var result = requestCount == 0 ? null
                    : parallel
                        ? planner!.PlanParallel(requests.AsMemory(0, requestCount), columns!)
                        : planner!.Plan(requests.AsSpan(0, requestCount), columns!);
                WriteChunk(chunk.AsSpan(0, rowCount), planner, columns, result);
                progress(this, fraction(rowsRead));
            }
            stopwatch.Stop();
        }

        private void WriteChunk(ReadOnlySpan<BatchRow> chunk, BatchPlanner? planner, CourseColumns? columns, BatchResult? result)
        {
            var failures = result?.Failures ?? [];
            int nextFailure = 0;
            int request = 0;
            planned.Clear();
            foreach (ref readonly var row in chunk)
            {
                if (row.Rejection is { } rejection)
                {
                    Reject(row, rejection);
                    continue;
                }
                int index = request++;
                if (nextFailure < failures.Count && failures[nextFailure].Index == index)
                {
                    Reject(row, Reason(failures[nextFailure++].Exception));
                    continue;
                }
                planned.Add(new PlannedRow(row, index));
                Courses++;
                Doses += columns!.DoseCounts[index];
            }
            if (planned.Count > 0)
            {
                output.WriteCourses(planned, columns!, planner!);
            }
        }

        private void Reject(in BatchRow row, string reason)
        {
            Rejected++;
            rejections.Write(row.Line, row.PatientId, reason);
        }

        /// <summary>
        /// The library's error as a row's reason, in the file's column names; for a skipped or
        /// repeated first dose, what is wrong and what to do.
        /// </summary>
        private static string Reason(Exception e) =>
            e is LocalTimeMappingException mapping ? mapping.Reason + " Choose another firstDose." : InputNames.Columns.Describe(e);
    }
}
