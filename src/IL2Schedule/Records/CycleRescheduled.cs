using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule.Records;

/// <summary>A later cycle (2 or more) moved to a new local start, for example to let a toxicity resolve.</summary>
/// <remarks>
/// This library's rule (re-planning rule 3, see CourseRecord): a cycle keeps its nominal start (day 15 for cycle 2)
/// unless rescheduled, and a rescheduled cycle must start at or after the instant the previous
/// cycle's window closes (the window end is exclusive). The new start is a local date-time in the course's zone, resolved like the planner's
/// later cycle starts (a skipped time moves forward by the gap, a repeated one takes the earlier instant).
/// </remarks>
public sealed class CycleRescheduled : CourseEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="id">The caller's id, or null.</param>
    /// <param name="cycle">The cycle number, at least 2 (cycle 1 starts with the course).</param>
    /// <param name="newStart">The cycle's new first-dose local date-time in the course's zone.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or padded; or <paramref name="newStart"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycle"/> is less than 2.</exception>
    public CycleRescheduled(string? id, int cycle, LocalDateTime newStart)
        : base(id)
    {
        if (cycle < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(cycle), cycle, string.Create(CultureInfo.InvariantCulture, $"cycle must be at least 2 (cycle 1 starts with the course; plan it again instead); was {cycle}"));
        }
        CalendarRange.CheckIso(newStart.Date, nameof(newStart));
        Cycle = cycle;
        NewStart = newStart;
    }

    /// <inheritdoc/>
    public override string Kind => "cycleRescheduled";

    /// <summary>The cycle number, at least 2.</summary>
    public int Cycle { get; }

    /// <summary>The cycle's new first-dose local date-time in the course's zone.</summary>
    public LocalDateTime NewStart { get; }

    private protected override bool HasSameValues(CourseEvent other) =>
        other is CycleRescheduled o && Cycle == o.Cycle && NewStart == o.NewStart;

    private protected override string DescribeValues(DateTimeZone zone) =>
        string.Create(CultureInfo.InvariantCulture, $"cycle {Cycle}, new start {LocalDateTimePattern.GeneralIso.Format(NewStart)}");
}
