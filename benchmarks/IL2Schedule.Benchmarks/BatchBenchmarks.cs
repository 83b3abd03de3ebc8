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
/// Planning a batch of label courses (elapsed timing) at 1,000, 100,000 and 1,000,000 courses, in
/// one zone or sixteen: the library's batch API (span, streaming, parallel) against what a .NET
/// developer would otherwise write, all into the same caller-owned buffers.
/// </summary>
/// <remarks>
/// Each operation plans the whole batch: divide the mean and the allocated bytes by
/// <see cref="Courses"/> for the figures per course (the chart program prints them). Before
/// anything is measured, <see cref="Setup"/> runs every method once and checks that each writes
/// exactly the baseline's 28 start instants for every course; if not, it throws and the case fails.
/// Ical.Net takes about 90 µs a course, so it has its own suite at 1,000 courses
/// (<see cref="IcalNetBenchmarks"/>).
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(BatchBenchmarkConfig))]
public class BatchBenchmarks
{
    private BatchRequests requests = BatchRequests.Create(1, mixedZones: false);
    private BatchPlanner planner = new(CourseProtocol.Label);
    private CourseColumns columns = CourseColumns.Allocate(1, CarefulNodaTime.DosesPerCourse);
    private DateTime[] bclFirstDoses = [];
    private TimeZoneInfo[] bclZones = [];
    private CourseColumns precomputed = CourseColumns.Allocate(1, CarefulNodaTime.DosesPerCourse);
    private Instant[] instants = [];

    /// <summary>The number of courses in the batch.</summary>
    [Params(1_000, 100_000, 1_000_000)]
    public int Courses { get; set; } = 1_000;

    /// <summary>"single": every course in America/New_York; "mixed": sixteen zones (<see cref="BatchRequests.MixedZoneIds"/>).</summary>
    [Params("single", "mixed")]
    public string Zones { get; set; } = "single";

    /// <summary>Draws the requests, allocates the buffers, and checks every method against the baseline.</summary>
    /// <exception cref="InvalidOperationException">A method writes other start instants than the baseline.</exception>
    [GlobalSetup]
    public void Setup()
    {
        requests = BatchRequests.Create(Courses, Zones == "mixed");
        planner = new BatchPlanner(CourseProtocol.Label);
        columns = CourseColumns.Allocate(Courses, planner.DosesPerCourse);
        bclFirstDoses = requests.Requests.Select(r => r.FirstDose.ToDateTimeUnspecified()).ToArray();
        bclZones = requests.ZoneIds.Select(TimeZoneInfo.FindSystemTimeZoneById).ToArray();
        instants = new Instant[Courses * CarefulNodaTime.DosesPerCourse];

        CarefulNodaTimeLoop();
        var expected = instants.ToArray();
        precomputed = CourseColumns.Allocate(Courses, planner.DosesPerCourse);
        SpanApi();
        CopyColumns(columns, precomputed);

        string context = string.Create(CultureInfo.InvariantCulture, $"{Courses} courses, {Zones} zones");
        RequireSameTicks(expected, nameof(SpanApi), () => SpanApi(), context);
        RequireSame(expected, nameof(StreamingApi), StreamingApi, context);
        RequireSameTicks(expected, nameof(ParallelApi), () => ParallelApi(), context);
        RequireSame(expected, nameof(EverydayNodaTimeLoop), () => EverydayNodaTimeLoop(copyInto: instants), context);
        RequireSame(expected, nameof(Bcl), Bcl, context);
        RequireSameTicks(expected, nameof(MemoryFloor), MemoryFloor, context);
    }

    /// <summary>(a) The careful NodaTime loop (<see cref="CarefulNodaTime.FillStarts"/>): <c>AtLeniently</c> once per cycle start, then <see cref="Instant"/> additions.</summary>
    [Benchmark(Baseline = true)]
    public void CarefulNodaTimeLoop()
    {
        var starts = instants.AsSpan();
        var all = requests.Requests;
        for (int i = 0; i < all.Length; i++)
        {
            CarefulNodaTime.FillStarts(all[i].FirstDose, all[i].Zone!, DoseTiming.Elapsed, starts.Slice(i * CarefulNodaTime.DosesPerCourse, CarefulNodaTime.DosesPerCourse));
        }
    }

    /// <summary>The library's span API: <see cref="BatchPlanner.Plan"/> into the columns (dose starts, course ends, imaging dates, windows).</summary>
    /// <returns>The batch result.</returns>
    [Benchmark]
    public BatchResult SpanApi() => planner.Plan(requests.Requests, columns);

    /// <summary>The library's streaming API: <see cref="BatchPlanner.PlanEach"/>, each course's values copied into the columns.</summary>
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

    /// <summary>The library's parallel API: <see cref="BatchPlanner.PlanParallel"/> on every core.</summary>
    /// <returns>The batch result.</returns>
    [Benchmark]
    public BatchResult ParallelApi() => planner.PlanParallel(requests.Requests, columns);

    /// <summary>(b) The everyday NodaTime loop (<see cref="Peers.EverydayNodaTime"/>): a <see cref="System.Collections.Generic.List{T}"/> of <see cref="ZonedDateTime"/> per course.</summary>
    /// <returns>The number of doses planned.</returns>
    [Benchmark]
    public int EverydayNodaTimeLoop() => EverydayNodaTimeLoop(copyInto: null);

    /// <summary>(c) The BCL (<see cref="Peers.Bcl"/>): <see cref="DateTime"/> and <see cref="TimeZoneInfo"/>.</summary>
    [Benchmark]
    public void Bcl()
    {
        var starts = instants.AsSpan();
        for (int i = 0; i < bclFirstDoses.Length; i++)
        {
            Peers.Bcl(bclFirstDoses[i], bclZones[i], starts.Slice(i * CarefulNodaTime.DosesPerCourse, CarefulNodaTime.DosesPerCourse));
        }
    }

    /// <summary>(e) The memory floor: copying precomputed values of the same size into the same columns.</summary>
    [Benchmark]
    public void MemoryFloor() => CopyColumns(precomputed, columns);

    private int EverydayNodaTimeLoop(Instant[]? copyInto)
    {
        int doses = 0;
        var all = requests.Requests;
        for (int i = 0; i < all.Length; i++)
        {
            var course = Peers.EverydayNodaTime(all[i].FirstDose, all[i].Zone!);
            doses += course.Count;
            if (copyInto is not null)
            {
                for (int k = 0; k < course.Count; k++)
                {
                    copyInto[(i * CarefulNodaTime.DosesPerCourse) + k] = course[k].ToInstant();
                }
            }
        }
        return doses;
    }

    private static void CopyColumns(CourseColumns from, CourseColumns to)
    {
        from.DoseCounts.CopyTo(to.DoseCounts);
        from.DoseStarts.CopyTo(to.DoseStarts);
        from.CourseEnds.CopyTo(to.CourseEnds);
        from.ResponseAssessmentDates.CopyTo(to.ResponseAssessmentDates);
        from.NextCourseWindowStarts.CopyTo(to.NextCourseWindowStarts);
        from.NextCourseWindowEnds.CopyTo(to.NextCourseWindowEnds);
    }

    private void RequireSame(Instant[] expected, string method, Action run, string context)
    {
        Array.Clear(instants);
        run();
        StartInstants.RequireSame(expected, instants, $"{method}, {context}");
    }

    private void RequireSameTicks(Instant[] expected, string method, Action run, string context)
    {
        columns.DoseStarts.Clear();
        run();
        StartInstants.RequireSame(expected, columns.DoseStarts, $"{method}, {context}");
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
