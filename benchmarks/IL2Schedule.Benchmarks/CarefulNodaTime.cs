using System;
using IL2Schedule.Batch;
using NodaTime;

namespace IL2Schedule.Benchmarks;

/// <summary>
/// The baseline: the label's course (2 cycles × 14 doses every 8 hours, cycle 2 fourteen calendar
/// days after the first dose) as a careful developer would write it by hand with NodaTime, with no
/// schedule objects and no validation; it allocates only the 64-byte mapping NodaTime makes for
/// each local time it resolves. Shared by every suite that compares the library with hand-written code.
/// </summary>
public static class CarefulNodaTime
{
    /// <summary>Cycles in the label's course.</summary>
    public const int CycleCount = 2;

    /// <summary>Doses in each of the label's cycles.</summary>
    public const int DosesPerCycle = 14;

    /// <summary>Doses in the label's course: the length of the buffer <see cref="FillStarts"/> writes.</summary>
    public const int DosesPerCourse = CycleCount * DosesPerCycle;

    /// <summary>Calendar days from one cycle's start to the next (5 days of dosing, 9 of rest).</summary>
    private const int DaysBetweenCycleStarts = 14;

    /// <summary>Hours between dose starts.</summary>
    private const int DosingIntervalHours = 8;

    private static readonly Duration DosingInterval = Duration.FromHours(DosingIntervalHours);

    /// <summary>
    /// Writes the 28 dose start instants of the label's course into <paramref name="starts"/>.
    /// </summary>
    /// <param name="firstDose">The first dose's local date-time in <paramref name="zone"/>.</param>
    /// <param name="zone">The course's zone.</param>
    /// <param name="timing">
    /// <see cref="DoseTiming.Elapsed"/>: each dose 8 elapsed hours after the previous one (Instant
    /// addition). <see cref="DoseTiming.WallClock"/>: each dose 8 local clock hours after the
    /// previous one (LocalDateTime.PlusHours), resolved leniently.
    /// </param>
    /// <param name="starts">The destination; at least <see cref="DosesPerCourse"/> long.</param>
    /// <remarks>
    /// Cycle c starts at the first dose's local date-time plus 14 × (c − 1) calendar days, resolved
    /// with NodaTime's lenient resolver (a skipped time moves forward by the gap, a repeated one takes
    /// the earlier instant) — the planner's rule, so both sides compute the same instants.
    /// </remarks>
    public static void FillStarts(LocalDateTime firstDose, DateTimeZone zone, DoseTiming timing, Span<Instant> starts)
    {
        int i = 0;
        for (int c = 0; c < CycleCount; c++)
        {
            var cycleLocal = firstDose.PlusDays(c * DaysBetweenCycleStarts);
            if (timing == DoseTiming.Elapsed)
            {
                var start = zone.AtLeniently(cycleLocal).ToInstant();
                for (int k = 0; k < DosesPerCycle; k++)
                {
                    starts[i++] = start;
                    start += DosingInterval;
                }
            }
            else
            {
                for (int k = 0; k < DosesPerCycle; k++)
                {
                    starts[i++] = cycleLocal.PlusHours(k * DosingIntervalHours).InZoneLeniently(zone).ToInstant();
                }
            }
        }
    }

    /// <summary>
    /// <see cref="FillStarts"/> for every request of a batch, elapsed timing, course i's starts at
    /// [i × <see cref="DosesPerCourse"/>, (i + 1) × <see cref="DosesPerCourse"/>) of <paramref name="starts"/>:
    /// the careful loop every batch suite takes as its baseline.
    /// </summary>
    /// <param name="requests">The batch; every request has a zone.</param>
    /// <param name="starts">The destination; at least <see cref="DosesPerCourse"/> × the request count long.</param>
    public static void FillBatch(ReadOnlySpan<CourseRequest> requests, Span<Instant> starts)
    {
        for (int i = 0; i < requests.Length; i++)
        {
            FillStarts(requests[i].FirstDose, requests[i].Zone!, DoseTiming.Elapsed, starts.Slice(i * DosesPerCourse, DosesPerCourse));
        }
    }
}
