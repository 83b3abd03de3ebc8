using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using IL2Schedule.Batch;
using NodaTime;

namespace IL2Schedule.Benchmarks;

/// <summary>
/// Planning a batch of 100,000 label courses (elapsed timing) in one zone, sixteen, or every tzdb
/// zone: the library's batch API (span, streaming, parallel) against the careful NodaTime loop, with
/// three reference rows: the minimal loop on raw <c>long</c> ticks and the two memory floors
/// (storing 28 <c>long</c>s a course, storing 28 <see cref="Instant"/>s a course).
/// </summary>
/// <remarks>
/// Each operation plans the whole batch: divide the mean and the allocated bytes by
/// <see cref="Courses"/> for the figures per course. Before anything is measured, <see cref="Setup"/>
/// runs every method once and checks that each writes exactly the baseline's 28 start instants for
/// every course; if not, it throws and the case fails. The library's columns hold Unix-epoch ticks
/// (<see cref="BatchTime"/>); the baseline, the streaming API and the Instant floor write
/// <see cref="Instant"/>s. The peers are in <see cref="BatchPeerBenchmarks"/>, Ical.Net in
/// <see cref="IcalNetBenchmarks"/>.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(BatchBenchmarkConfig))]
public class BatchBenchmarks
{
    private const long TicksPerDay = NodaConstants.TicksPerDay;
    private const long DosingIntervalTicks = 8 * NodaConstants.TicksPerHour;
    private const long ZoneMarginTicks = 36 * NodaConstants.TicksPerHour;

    private BatchRequests requests = BatchRequests.Create(1, "single");
    private BatchPlanner planner = new(CourseProtocol.Label);
    private CourseColumns columns = CourseColumns.Allocate(1, CarefulNodaTime.DosesPerCourse);
    private Instant[] instants = [];
    private long[] ticks = [];
    private long[] precomputedTicks = [];
    private Instant[] precomputedInstants = [];
    private int[] zoneIndex = [];
    private DateTimeZone[] zones = [];
    private RawInterval[] rawIntervals = [];

    /// <summary>The number of courses in the batch.</summary>
    [Params(100_000)]
    public int Courses { get; set; } = 100_000;

    /// <summary>"single": America/New_York; "mixed": sixteen zones (<see cref="BatchRequests.MixedZoneIds"/>); "all": every canonical tzdb zone (<see cref="BatchRequests.AllZoneIds"/>).</summary>
    [Params("single", "mixed", "all")]
    public string Zones { get; set; } = "single";

    /// <summary>Draws the requests, allocates the buffers, and checks every method against the baseline.</summary>
    /// <exception cref="InvalidOperationException">A method writes other start instants than the baseline.</exception>
    [GlobalSetup]
    public void Setup()
    {
        requests = BatchRequests.Create(Courses, Zones);
        planner = new BatchPlanner(CourseProtocol.Label);
        columns = CourseColumns.Allocate(Courses, planner.DosesPerCourse);
        instants = new Instant[Courses * CarefulNodaTime.DosesPerCourse];
        ticks = new long[instants.Length];
        zones = requests.Requests.Select(r => r.Zone!).Distinct().ToArray();
        zoneIndex = requests.Requests.Select(r => Array.IndexOf(zones, r.Zone)).ToArray();
        rawIntervals = new RawInterval[zones.Length];

        CarefulNodaTimeLoop();
        var expected = instants.ToArray();
        precomputedInstants = instants.ToArray();
        precomputedTicks = expected.Select(instant => instant.ToUnixTimeTicks()).ToArray();

        string context = string.Create(CultureInfo.InvariantCulture, $"{Courses} courses, {Zones} zones");
        Require(expected, nameof(SpanApi), () => SpanApi(), columns.DoseStarts, context);
        Require(expected, nameof(ParallelApi), () => ParallelApi(), columns.DoseStarts, context);
        Require(expected, nameof(StreamingApi), StreamingApi, instants, context);
        Require(expected, nameof(RawLongLoop), RawLongLoop, ticks, context);
        Require(expected, nameof(LongStoreFloor), LongStoreFloor, ticks, context);
        Require(expected, nameof(InstantStoreFloor), InstantStoreFloor, instants, context);
    }

    /// <summary>(a) The careful NodaTime loop (<see cref="CarefulNodaTime.FillStarts"/>): <c>AtLeniently</c> once per cycle start, then <see cref="Instant"/> additions, into an <see cref="Instant"/> array.</summary>
    [Benchmark(Baseline = true)]
    public void CarefulNodaTimeLoop() => CarefulNodaTime.FillBatch(requests.Requests, instants);

    /// <summary>The library's span API: <see cref="BatchPlanner.Plan"/> into the tick columns (dose starts, course ends, imaging dates, windows), every check made.</summary>
    /// <returns>The batch result.</returns>
    [Benchmark]
    public BatchResult SpanApi() => planner.Plan(requests.Requests, columns);

    /// <summary>The library's parallel API: <see cref="BatchPlanner.PlanParallel"/> on every core.</summary>
    /// <returns>The batch result.</returns>
    [Benchmark]
    public BatchResult ParallelApi() => planner.PlanParallel(requests.Requests, columns);

    /// <summary>The library's streaming API: <see cref="BatchPlanner.PlanEach"/>, each course's instants copied into an <see cref="Instant"/> array.</summary>
    [Benchmark]
    public void StreamingApi()
    {
        var starts = instants.AsSpan();
        int i = 0;
        foreach (var course in planner.PlanEach(requests.Requests))
        {
            course.DoseStarts.Span.CopyTo(starts.Slice(i++ * CarefulNodaTime.DosesPerCourse));
        }
    }

    /// <summary>
    /// Reference: the minimal hand-written loop on raw <c>long</c> ticks. Each cycle start's local
    /// ticks minus the offset of a per-zone cached interval when the local time is 36 hours inside
    /// it (else NodaTime's <c>AtLeniently</c>), then 14 additions of 8 hours. No course end, no
    /// follow-up dates, no checks.
    /// </summary>
    [Benchmark]
    public void RawLongLoop()
    {
        var all = requests.Requests;
        var dst = ticks.AsSpan();
        int i = 0;
        for (int r = 0; r < all.Length; r++)
        {
            ref var cached = ref rawIntervals[zoneIndex[r]];
            var firstDose = all[r].FirstDose;
            long local = firstDose.ToDateTimeUnspecified().Ticks - DateTime.UnixEpoch.Ticks;
            for (int c = 0; c < CarefulNodaTime.CycleCount; c++)
            {
                long cycleLocal = local + (c * 14 * TicksPerDay);
                long start;
                if (cycleLocal >= cached.UniqueLocalStart && cycleLocal < cached.UniqueLocalEnd)
                {
                    start = cycleLocal - cached.OffsetTicks;
                }
                else
                {
                    var zone = all[r].Zone!;
                    start = zone.AtLeniently(firstDose.PlusDays(c * 14)).ToInstant().ToUnixTimeTicks();
                    cached = RawInterval.From(zone.GetZoneInterval(Instant.FromUnixTimeTicks(start)));
                }
                for (int k = 0; k < CarefulNodaTime.DosesPerCycle; k++)
                {
                    dst[i++] = start + (k * DosingIntervalTicks);
                }
            }
        }
    }

    /// <summary>Reference, the <c>long</c> memory floor: copying 28 precomputed <c>long</c>s a course (8 bytes each) into a buffer of the same size.</summary>
    [Benchmark]
    public void LongStoreFloor() => precomputedTicks.CopyTo(ticks.AsSpan());

    /// <summary>Reference, the <see cref="Instant"/> memory floor: copying 28 precomputed <see cref="Instant"/>s a course (16 bytes each) into a buffer of the same size.</summary>
    [Benchmark]
    public void InstantStoreFloor() => precomputedInstants.CopyTo(instants.AsSpan());

    private static void Require(Instant[] expected, string method, Action run, Span<long> written, string context)
    {
        written.Clear();
        run();
        StartInstants.RequireSame(expected, written, $"{method}, {context}");
    }

    private static void Require(Instant[] expected, string method, Action run, Instant[] written, string context)
    {
        Array.Clear(written);
        run();
        StartInstants.RequireSame(expected, written, $"{method}, {context}");
    }

    /// <summary>The raw loop's cache of one zone interval: local ticks 36 hours inside it map uniquely with its offset.</summary>
    private struct RawInterval
    {
        internal long UniqueLocalStart;
        internal long UniqueLocalEnd;
        internal long OffsetTicks;

        internal static RawInterval From(NodaTime.TimeZones.ZoneInterval interval) => new()
        {
            UniqueLocalStart = interval.HasStart ? interval.Start.ToUnixTimeTicks() + ZoneMarginTicks : long.MinValue,
            UniqueLocalEnd = interval.HasEnd ? interval.End.ToUnixTimeTicks() - ZoneMarginTicks : long.MaxValue,
            OffsetTicks = interval.WallOffset.Ticks,
        };
    }
}

/// <summary>
/// The batch suites' configuration: the JSON report the chart program reads, and a build timeout
/// for busy machines. The job (one launch, 3 warm-up and 10 measured iterations, so that the 48
/// cases finish in minutes) is given on the command line by <c>benchmarks/run-batch-suite.sh</c>,
/// so that <c>--job dry</c> can replace it for a quick check.
/// </summary>
public sealed class BatchBenchmarkConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public BatchBenchmarkConfig()
    {
        AddExporter(JsonExporter.Brief);
        // Building the generated project takes over the default 2 minutes on a busy 2-core machine.
        WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}
