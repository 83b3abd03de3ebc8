using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace IL2Schedule.Benchmarks.Chart;

/// <summary>
/// Reads the batch suites' BenchmarkDotNet reports (<c>*-report-brief.json</c>), draws time per
/// course against batch size for each method (log-log PNG, ScottPlot) and prints the per-course
/// table for benchmarks/README.md on stdout.
/// </summary>
public static class Program
{
    private static readonly string[] Suites = ["BatchBenchmarks", "BatchPeerBenchmarks", "IcalNetBenchmarks"];

    /// <summary>Draws the chart and prints the table.</summary>
    /// <param name="args">The folder of BenchmarkDotNet's results and the PNG to write.</param>
    /// <returns>0 on success; 2 if the arguments or reports are unusable.</returns>
    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("error: usage: IL2Schedule.Benchmarks.Chart RESULTS_FOLDER OUTPUT.png");
            return 2;
        }
        var rows = Suites
            .Select(suite => Path.Combine(args[0], $"IL2Schedule.Benchmarks.{suite}-report-brief.json"))
            .Where(File.Exists)
            .SelectMany(Read)
            .ToList();
        if (rows.Count == 0)
        {
            Console.Error.WriteLine($"error: no batch reports (IL2Schedule.Benchmarks.*Benchmarks-report-brief.json) with results in {args[0]}");
            return 2;
        }
        Draw(rows, args[1]);
        PrintTable(rows);
        return 0;
    }

    private static IEnumerable<Row> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
        {
            if (benchmark.GetProperty("Statistics").ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var parameters = benchmark.GetProperty("Parameters").GetString()!
                .Split('&')
                .Select(pair => pair.Split('='))
                .ToDictionary(pair => pair[0], pair => pair[1]);
            double allocated = benchmark.TryGetProperty("Memory", out var memory) && memory.ValueKind == JsonValueKind.Object
                ? memory.GetProperty("BytesAllocatedPerOperation").GetDouble()
                : double.NaN;
            yield return new Row(
                benchmark.GetProperty("Type").GetString()!,
                benchmark.GetProperty("Method").GetString()!,
                parameters["Zones"],
                int.Parse(parameters["Courses"], CultureInfo.InvariantCulture),
                benchmark.GetProperty("Statistics").GetProperty("Mean").GetDouble(),
                allocated);
        }
    }

    private static void Draw(List<Row> rows, string output)
    {
        var plot = new Plot();
        plot.Title("IL2Schedule batch planning: time per course (log-log)");
        plot.Axes.Bottom.Label.Text = "courses in the batch";
        plot.Axes.Left.Label.Text = "time per course";
        var colors = new Dictionary<string, Color>();
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var series in rows.GroupBy(row => (row.Suite, row.Method, row.Zones)).OrderBy(group => group.Key.Suite).ThenBy(group => group.Key.Method))
        {
            var points = series.OrderBy(row => row.Courses).ToArray();
            string method = series.Key.Suite == "IcalNetBenchmarks" ? $"{series.Key.Method} (Ical suite: no DST change)" : series.Key.Method;
            if (!colors.TryGetValue(method, out var color))
            {
                color = palette.GetColor(colors.Count);
                colors.Add(method, color);
            }
            var scatter = plot.Add.Scatter(
                points.Select(row => Math.Log10(row.Courses)).ToArray(),
                points.Select(row => Math.Log10(row.NanosecondsPerCourse)).ToArray());
            scatter.LegendText = $"{method}, {series.Key.Zones} zone{(series.Key.Zones == "mixed" ? "s" : "")}";
            scatter.Color = color;
            scatter.MarkerSize = 8;
            scatter.LineWidth = 2;
            scatter.LinePattern = series.Key.Zones == "mixed" ? LinePattern.Dashed : LinePattern.Solid;
            scatter.MarkerShape = series.Key.Zones == "mixed" ? MarkerShape.OpenCircle : MarkerShape.FilledCircle;
        }
        var courses = new NumericManual();
        foreach (int size in rows.Select(row => row.Courses).Distinct().Order())
        {
            courses.AddMajor(Math.Log10(size), size.ToString("N0", CultureInfo.InvariantCulture));
        }
        plot.Axes.Bottom.TickGenerator = courses;
        var times = new NumericManual();
        double lowest = Math.Floor(Math.Log10(rows.Min(row => row.NanosecondsPerCourse)));
        double highest = Math.Ceiling(Math.Log10(rows.Max(row => row.NanosecondsPerCourse)));
        for (double power = lowest; power <= highest; power++)
        {
            times.AddMajor(power, Time(Math.Pow(10, power)));
        }
        plot.Axes.Left.TickGenerator = times;
        plot.Axes.SetLimitsY(lowest - 0.1, highest + 0.1);
        plot.Axes.SetLimitsX(2.6, 6.4);
        plot.ShowLegend(Edge.Right);
        plot.SavePng(output, 1200, 700);
        Console.Error.WriteLine($"wrote {output}");
    }

    private static void PrintTable(List<Row> rows)
    {
        Console.WriteLine("| Suite | Method | Zones | Courses | Mean per batch | Per course | Ratio | Allocated per course |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows.OrderBy(row => row.Suite).ThenBy(row => row.Zones).ThenBy(row => row.Courses).ThenBy(row => row.Method == "CarefulNodaTimeLoop" ? 0 : 1).ThenBy(row => row.MeanNanoseconds))
        {
            var baseline = rows.FirstOrDefault(other => other.Suite == row.Suite && other.Zones == row.Zones && other.Courses == row.Courses && other.Method == "CarefulNodaTimeLoop");
            string ratio = baseline is null ? "?" : (row.MeanNanoseconds / baseline.MeanNanoseconds).ToString("0.000", CultureInfo.InvariantCulture);
            string allocated = double.IsNaN(row.AllocatedBytes) ? "?" : (row.AllocatedBytes / row.Courses).ToString("0.##", CultureInfo.InvariantCulture) + " B";
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {row.Suite} | {row.Method} | {row.Zones} | {row.Courses:N0} | {Time(row.MeanNanoseconds)} | {Time(row.NanosecondsPerCourse)} | {ratio} | {allocated} |"));
        }
    }

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => (nanoseconds / 1e9).ToString("0.## 's'", CultureInfo.InvariantCulture),
        >= 1e6 => (nanoseconds / 1e6).ToString("0.## 'ms'", CultureInfo.InvariantCulture),
        >= 1e3 => (nanoseconds / 1e3).ToString("0.## 'µs'", CultureInfo.InvariantCulture),
        _ => nanoseconds.ToString("0.# 'ns'", CultureInfo.InvariantCulture),
    };

    private sealed record Row(string Suite, string Method, string Zones, int Courses, double MeanNanoseconds, double AllocatedBytes)
    {
        public double NanosecondsPerCourse => MeanNanoseconds / Courses;
    }
}
