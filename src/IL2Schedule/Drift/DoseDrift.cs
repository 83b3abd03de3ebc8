using NodaTime;

namespace IL2Schedule.Drift;

/// <summary>
/// One dose whose start differs between a stored schedule and the same course re-derived under
/// another tzdb: a different instant, a different local clock time (offset), or a dose that exists
/// in only one of them.
/// </summary>
public sealed class DoseDrift
{
    internal DoseDrift(int number, int cycle, OffsetDateTime? stored, OffsetDateTime? replanned, bool isGiven, bool isPast)
    {
        Number = number;
        Cycle = cycle;
        Stored = stored;
        Replanned = replanned;
        IsGiven = isGiven;
        IsPast = isPast;
    }

    /// <summary>The dose's number in the course, from 1.</summary>
    public int Number { get; }

    /// <summary>The dose's cycle, from 1.</summary>
    public int Cycle { get; }

    /// <summary>The stored start: local time and offset as stored; null when only the re-derived course has this dose.</summary>
    public OffsetDateTime? Stored { get; }

    /// <summary>The re-derived start under the checked tzdb; null when the re-derived course no longer has this dose.</summary>
    public OffsetDateTime? Replanned { get; }

    /// <summary>How far the dose's instant moves (re-derived minus stored), in elapsed time; null when one side is missing.</summary>
    public Duration? InstantShift => Stored is { } s && Replanned is { } r ? r.ToInstant() - s.ToInstant() : null;

    /// <summary>How far the dose's local clock time moves (re-derived minus stored local date-time, as elapsed time); null when one side is missing.</summary>
    public Duration? ClockShift => Stored is { } s && Replanned is { } r
        ? r.LocalDateTime.InUtc().ToInstant() - s.LocalDateTime.InUtc().ToInstant()
        : null;

    /// <summary>True when a course record says the dose was given (in full, or stopped early): its stored start is what was charted.</summary>
    public bool IsGiven { get; }

    /// <summary>True when the dose was given or its stored start is earlier than the check's instant ("--at").</summary>
    public bool IsPast { get; }

    /// <summary>"dose 13 (cycle 1) 2025-04-25T08:00:00+02:00 -> 2025-04-25T09:00:00+03:00".</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"dose {Number} (cycle {Cycle}) {Show(Stored)} -> {Show(Replanned)}";

    internal static string Show(OffsetDateTime? value) =>
        value is { } v ? ScheduleText.OffsetDateTime.Format(v) : "none";
}
