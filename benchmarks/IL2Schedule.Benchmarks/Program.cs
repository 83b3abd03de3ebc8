using System.Linq;
using BenchmarkDotNet.Running;

namespace IL2Schedule.Benchmarks;

/// <summary>The one entry point: every suite in this assembly, chosen with BenchmarkDotNet's command line (--filter, --job, ...).</summary>
public static class Program
{
    /// <summary>Runs the benchmarks the arguments select.</summary>
    /// <param name="args">BenchmarkDotNet's arguments, for example <c>--filter '*SingleCourse*' --job short</c>.</param>
    /// <returns>0 if every selected benchmark ran; 1 if any failed, for example because its setup found the two sides disagree.</returns>
    public static int Main(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToList();
        bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
