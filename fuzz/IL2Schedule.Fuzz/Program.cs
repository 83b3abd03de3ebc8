using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using IL2Schedule.Cli;
using IL2Schedule.Fhir;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using IL2Schedule.ICalendar;
using NodaTime;
using SharpFuzz;

namespace IL2Schedule.Fuzz;

/// <summary>
/// The fuzzing harnesses: each feeds one input to one reader and lets only its documented exception
/// types through as a normal outcome. Any other exception escapes and AFL++ records a crash; a hang
/// past the time limit and memory past the heap limit are set by fuzz/run.sh.
/// </summary>
/// <remarks>
/// <c>IL2Schedule.Fuzz TARGET --warm-up DIR</c> runs under afl-fuzz (SharpFuzz's persistent
/// in-process loop), after reading every file in DIR once so that start-up and JIT time do not count
/// against the first input's time limit; <c>IL2Schedule.Fuzz TARGET FILE...</c> runs each file once,
/// to reproduce a finding, and prints how long it took.
/// </remarks>
internal static class Program
{
    /// <summary>The range the .ics target expands events over: two years around the worked example.</summary>
    private static readonly DateInterval HolidayRange = new(new LocalDate(2027, 1, 1), new LocalDate(2028, 12, 31));

    private static readonly Lazy<CourseRecord> FhirRecord = new(() =>
        CourseRecord.Start(new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York")));

    private static readonly Dictionary<string, Action<byte[]>> Targets = new(StringComparer.Ordinal)
    {
        // CourseRecordJson.Deserialize: JsonException, InputLimitExceededException (ArgumentNullException cannot happen here).
        ["record"] = input => Allow<JsonException, InputLimitExceededException>(() => CourseRecordJson.Deserialize(Text(input))),
        // CourseScheduleJson.Deserialize: JsonException, InputLimitExceededException.
        ["plan"] = input => Allow<JsonException, InputLimitExceededException>(() => CourseScheduleJson.Deserialize(Text(input))),
        // ICalendarHolidays.Read: ArgumentException (InputLimitExceededException is one).
        ["ics"] = input => Allow<ArgumentException, ArgumentException>(() => ICalendarHolidays.Read(Text(input), HolidayRange)),
        // FhirCourseMapper.ApplyAdministrations(record, json): FhirMappingException, InputLimitExceededException.
        ["fhir"] = input => Allow<FhirMappingException, InputLimitExceededException>(() => new FhirCourseMapper("Patient/fuzz").ApplyAdministrations(FhirRecord.Value, Text(input))),
        // il2schedule batch's CSV reader (BatchInput): CliUsageException; bad rows are rejections, not exceptions.
        ["csv"] = ReadCsv,
    };

    private static int Main(string[] args)
    {
        if (args.Length == 0 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: IL2Schedule.Fuzz TARGET [FILE...], TARGET one of {string.Join(", ", Targets.Keys)}");
            return 2;
        }
        if (args is [_, "--warm-up", string seeds])
        {
            WarmUpTrace();
            foreach (string file in Directory.GetFiles(seeds))
            {
                target(File.ReadAllBytes(file));
            }
        }
        else if (args.Length > 1)
        {
            WarmUpTrace();
            foreach (string file in args[1..])
            {
                var watch = Stopwatch.StartNew();
                target(File.ReadAllBytes(file));
                Console.WriteLine($"{file}: allowed outcome in {watch.ElapsedMilliseconds} ms");
            }
            return 0;
        }
        Fuzzer.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    }

    /// <summary>
    /// Points the instrumentation's trace map at a scratch buffer: instrumented code
    /// writes to it, in a warm-up or a replay, and SharpFuzz sets the real (AFL's shared) map only inside <see cref="Fuzzer.Run(Action{Stream})"/>.
    /// </summary>
    private static unsafe void WarmUpTrace() => SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(1 << 16);

    /// <summary>The input as text, as a reader of a UTF-8 file would get it (invalid bytes become U+FFFD).</summary>
    private static string Text(byte[] input) => Encoding.UTF8.GetString(input);

    private static void Allow<TException, TOther>(Action read)
        where TException : Exception
        where TOther : Exception
    {
        try
        {
            read();
        }
        catch (Exception e) when (e is TException or TOther)
        {
            // A documented outcome.
        }
    }

    private static void ReadCsv(byte[] input)
    {
        string path = Path.Combine(Path.GetTempPath(), $"il2schedule-fuzz-{Environment.ProcessId}.csv");
        File.WriteAllBytes(path, input);
        Allow<CliUsageException, CliUsageException>(() =>
        {
            using var rows = BatchInput.OpenCsv(path, new BatchProtocols(), TimeZoneDatabase.Embedded);
            foreach (var row in rows.Rows())
            {
                _ = row.Rejection;
            }
        });
    }
}
