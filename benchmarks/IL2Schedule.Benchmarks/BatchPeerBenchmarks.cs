using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace IL2Schedule.Benchmarks;

/// <summary>
/// The peers a .NET developer might otherwise use, against the careful NodaTime loop, on 100,000
/// label courses in one zone or sixteen: (b) the everyday NodaTime loop and (c) the BCL. The BCL reads
/// the operating system's zone data, which agrees with NodaTime's tzdb only on the sixteen chosen
/// zones, so this suite has no "all zones" case.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BatchBenchmarkConfig))]
public class BatchPeerBenchmarks
{
    private BatchRequests requests = BatchRequests.Create(1, "single");
    private Instant[] instants = [];
    private DateTime[] bclFirstDoses = [];
    private TimeZoneInfo[] bclZones = [];

    /// <summary>The number of courses in the batch.</summary>
    [Params(100_000)]
    public int Courses { get; set; } = 100_000;

    /// <summary>"single" (America/New_York) or "mixed" (<see cref="BatchRequests.MixedZoneIds"/>).</summary>
    [Params("single", "mixed")]
    public string Zones { get; set; } = "single";

    /// <summary>Draws the requests and checks each peer against the baseline.</summary>
    /// <exception cref="InvalidOperationException">A peer writes other start instants than the baseline.</exception>
    [GlobalSetup]
    public void Setup()
    {
        requests = BatchRequests.Create(Courses, Zones);
        instants = new Instant[Courses * CarefulNodaTime.DosesPerCourse];
        bclFirstDoses = requests.Requests.Select(r => r.FirstDose.ToDateTimeUnspecified()).ToArray();
        bclZones = requests.ZoneIds.Select(TimeZoneInfo.FindSystemTimeZoneById).ToArray();
        CarefulNodaTimeLoop();
        var expected = instants.ToArray();
        string context = string.Create(CultureInfo.InvariantCulture, $"{Courses} courses, {Zones} zones");
        foreach (var (name, run) in new (string, Action)[] { (nameof(EverydayNodaTimeLoop), () => EverydayNodaTimeLoop(copy: true)), (nameof(Bcl), Bcl) })
        {
            Array.Clear(instants);
            run();
            StartInstants.RequireSame(expected, instants, $"{name}, {context}");
        }
    }

    /// <summary>(a) The careful NodaTime loop, as in <see cref="BatchBenchmarks"/>.</summary>
    [Benchmark(Baseline = true)]
    public void CarefulNodaTimeLoop() => CarefulNodaTime.FillBatch(requests.Requests, instants);

    /// <summary>(b) The everyday NodaTime loop (<see cref="Peers.EverydayNodaTime"/>): a list of <see cref="ZonedDateTime"/> per course.</summary>
    /// <returns>The number of doses planned.</returns>
    [Benchmark]
    public int EverydayNodaTimeLoop() => EverydayNodaTimeLoop(copy: false);

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

    private int EverydayNodaTimeLoop(bool copy)
    {
        int doses = 0;
        var all = requests.Requests;
        for (int i = 0; i < all.Length; i++)
        {
            var course = Peers.EverydayNodaTime(all[i].FirstDose, all[i].Zone!);
            doses += course.Count;
            for (int k = 0; copy && k < course.Count; k++)
            {
                instants[(i * CarefulNodaTime.DosesPerCourse) + k] = course[k].ToInstant();
            }
        }
        return doses;
    }
}
