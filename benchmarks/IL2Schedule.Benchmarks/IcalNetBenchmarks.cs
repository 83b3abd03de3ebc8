using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using IL2Schedule.Batch;
using NodaTime;

namespace IL2Schedule.Benchmarks;

/// <summary>
/// (d) Ical.Net expanding <c>FREQ=HOURLY;INTERVAL=8;COUNT=14</c> for each cycle, against the
/// careful NodaTime loop and the library's span API, at 1,000 courses only: at about 90 µs a
/// course, 100,000 courses would take 9 s per invocation and 1,000,000 would take 90 s, for no new
/// information.
/// </summary>
/// <remarks>
/// Ical.Net 5.2.4 does not expand an hourly rule across a DST change as either dose timing does:
/// in the setup's check it put a dose 23 elapsed hours after another across a European autumn
/// change, and a dose at the clock time but with the pre-change offset across an Australian one.
/// So this suite's requests are courses that cross no change
/// (<see cref="BatchRequests.Create"/> with <c>avoidTransitions</c>), on which every reading of
/// "every 8 hours" agrees, and the setup checks that they do. Compare its ratios within this suite.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(BatchBenchmarkConfig))]
public class IcalNetBenchmarks
{
    private BatchRequests requests = BatchRequests.Create(1, mixedZones: false);
    private BatchPlanner planner = new(CourseProtocol.Label);
    private CourseColumns columns = CourseColumns.Allocate(1, CarefulNodaTime.DosesPerCourse);
    private Instant[] instants = [];

    /// <summary>The number of courses in the batch.</summary>
    [Params(1_000)]
    public int Courses { get; set; } = 1_000;

    /// <summary>"single" (America/New_York) or "mixed" (<see cref="BatchRequests.MixedZoneIds"/>).</summary>
    [Params("single", "mixed")]
    public string Zones { get; set; } = "single";

    /// <summary>Draws the requests and checks Ical.Net and the library against the baseline.</summary>
    /// <exception cref="InvalidOperationException">A method writes other start instants than the baseline.</exception>
    [GlobalSetup]
    public void Setup()
    {
        requests = BatchRequests.Create(Courses, Zones == "mixed", avoidTransitions: true);
        planner = new BatchPlanner(CourseProtocol.Label);
        columns = CourseColumns.Allocate(Courses, planner.DosesPerCourse);
        instants = new Instant[Courses * CarefulNodaTime.DosesPerCourse];
        CarefulNodaTimeLoop();
        var expected = instants.ToArray();
        string context = string.Create(CultureInfo.InvariantCulture, $"{Courses} courses, {Zones} zones");
        SpanApi();
        StartInstants.RequireSame(expected, columns.DoseStarts, $"{nameof(SpanApi)}, {context}");
        Array.Clear(instants);
        IcalNet();
        StartInstants.RequireSame(expected, instants, $"{nameof(IcalNet)}, {context}");
    }

    /// <summary>(a) The careful NodaTime loop, as in <see cref="BatchBenchmarks"/>.</summary>
    [Benchmark(Baseline = true)]
    public void CarefulNodaTimeLoop() => CarefulNodaTime.FillBatch(requests.Requests, instants);

    /// <summary>The library's span API.</summary>
    /// <returns>The batch result.</returns>
    [Benchmark]
    public BatchResult SpanApi() => planner.Plan(requests.Requests, columns);

    /// <summary>(d) Ical.Net (<see cref="Peers.IcalNet"/>).</summary>
    [Benchmark]
    public void IcalNet()
    {
        var starts = instants.AsSpan();
        var all = requests.Requests;
        for (int i = 0; i < all.Length; i++)
        {
            Peers.IcalNet(all[i].FirstDose, requests.ZoneIds[i], starts.Slice(i * CarefulNodaTime.DosesPerCourse, CarefulNodaTime.DosesPerCourse));
        }
    }
}
