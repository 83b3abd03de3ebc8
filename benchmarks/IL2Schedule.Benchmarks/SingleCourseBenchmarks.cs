using System;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace IL2Schedule.Benchmarks;

/// <summary>
/// Planning one label course (2 cycles × 14 doses): the library's <see cref="CoursePlanner.Plan(LocalDateTime, DateTimeZone)"/>
/// against the same 28 start instants computed by hand with NodaTime (<see cref="CarefulNodaTime"/>).
/// </summary>
/// <remarks>
/// The first dose, Wednesday 2027-03-10 08:00, puts cycle 1 across New York's spring change
/// (Sunday 2027-03-14, 02:00 EST → 03:00 EDT); Etc/UTC has no change and is the control.
/// Zone lookup and planner construction happen once, in <see cref="Setup"/>, outside the measurement.
/// </remarks>
[MemoryDiagnoser]
public class SingleCourseBenchmarks
{
    /// <summary>The first dose's local date-time in every case.</summary>
    public static readonly LocalDateTime FirstDose = new(2027, 3, 10, 8, 0);

    private readonly Instant[] starts = new Instant[CarefulNodaTime.DosesPerCourse];
    private DateTimeZone zone = DateTimeZone.Utc;
    private CoursePlanner planner = new();

    /// <summary>The course's tzdb zone id.</summary>
    [Params("America/New_York", "Etc/UTC")]
    public string Zone { get; set; } = "Etc/UTC";

    /// <summary>How doses are spaced: elapsed hours or local clock hours.</summary>
    [Params(DoseTiming.Elapsed, DoseTiming.WallClock)]
    public DoseTiming Timing { get; set; }

    /// <summary>Resolves the zone, creates the planner, and checks both sides agree on every start.</summary>
    /// <exception cref="InvalidOperationException">The baseline and the library compute different starts.</exception>
    [GlobalSetup]
    public void Setup()
    {
        zone = DateTimeZoneProviders.Tzdb[Zone];
        planner = new CoursePlanner(CourseProtocol.Label.WithDoseTiming(Timing));

        StartInstants.RequireSame(CarefulNodaTimeLoop(), PlanCourse(), $"{Zone}, {Timing}, first dose {FirstDose.ToString("uuuu'-'MM'-'dd'T'HH':'mm", CultureInfo.InvariantCulture)}");
    }

    /// <summary>The hand-written loop, into a buffer allocated once.</summary>
    /// <returns>The buffer of 28 start instants.</returns>
    [Benchmark(Baseline = true)]
    public Instant[] CarefulNodaTimeLoop()
    {
        CarefulNodaTime.FillStarts(FirstDose, zone, Timing, starts);
        return starts;
    }

    /// <summary>The library: a full, validated, immutable schedule.</summary>
    /// <returns>The planned course.</returns>
    [Benchmark]
    public CourseSchedule PlanCourse() => planner.Plan(FirstDose, zone);
}
