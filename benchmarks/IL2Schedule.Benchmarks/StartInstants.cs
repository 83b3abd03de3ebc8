using System;
using System.Globalization;
using NodaTime;

namespace IL2Schedule.Benchmarks;

/// <summary>Checks, before anything is measured, that the two sides of a comparison compute the same dose starts.</summary>
public static class StartInstants
{
    /// <summary>Throws unless <paramref name="actual"/> holds exactly the instants of <paramref name="expected"/>, in order.</summary>
    /// <param name="expected">The baseline's start instants.</param>
    /// <param name="actual">The other method's.</param>
    /// <param name="context">Which method and case, for the message.</param>
    /// <exception cref="InvalidOperationException">The lengths or any instant differ; the message names the first difference.</exception>
    public static void RequireSame(ReadOnlySpan<Instant> expected, ReadOnlySpan<Instant> actual, string context)
    {
        if (actual.Length != expected.Length)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{context}: {actual.Length} start instants, the baseline {expected.Length}."));
        }
        for (int i = 0; i < expected.Length; i++)
        {
            if (actual[i] != expected[i])
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{context}: course {i / CarefulNodaTime.DosesPerCourse}, dose {(i % CarefulNodaTime.DosesPerCourse) + 1} starts at {actual[i]}, but at {expected[i]} in the baseline; the benchmark would not compare like with like."));
            }
        }
    }

    /// <summary>Throws unless <paramref name="actual"/>, column values in Unix-epoch ticks (<see cref="IL2Schedule.Batch.BatchTime"/>), are exactly the instants of <paramref name="expected"/>, in order.</summary>
    /// <param name="expected">The baseline's start instants.</param>
    /// <param name="actual">The library's dose-start column.</param>
    /// <param name="context">Which method and case, for the message.</param>
    /// <exception cref="InvalidOperationException">The lengths or any value differ; the message names the first difference.</exception>
    public static void RequireSame(ReadOnlySpan<Instant> expected, ReadOnlySpan<long> actual, string context)
    {
        var instants = new Instant[actual.Length];
        for (int i = 0; i < actual.Length; i++)
        {
            instants[i] = Instant.FromUnixTimeTicks(actual[i]);
        }
        RequireSame(expected, instants, context);
    }

    /// <summary>Throws unless <paramref name="schedule"/>'s dose starts are exactly <paramref name="expected"/>, in order.</summary>
    /// <param name="expected">The hand-written side's start instants.</param>
    /// <param name="schedule">The library's plan.</param>
    /// <param name="context">What was planned (zone, timing), for the message.</param>
    /// <exception cref="InvalidOperationException">The counts or any start differ; the message names the first difference.</exception>
    public static void RequireSame(ReadOnlySpan<Instant> expected, CourseSchedule schedule, string context)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var doses = schedule.Doses;
        if (doses.Count != expected.Length)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"{context}: the baseline computes {expected.Length} dose starts, the library plans {doses.Count}; the benchmark would not compare like with like."));
        }
        for (int i = 0; i < expected.Length; i++)
        {
            var actual = doses[i].Start.ToInstant();
            if (actual != expected[i])
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{context}: dose {i + 1} starts at {expected[i]} in the baseline but at {actual} in the library; the benchmark would not compare like with like."));
            }
        }
    }
}
