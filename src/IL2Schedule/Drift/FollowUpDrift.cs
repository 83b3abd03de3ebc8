using NodaTime;

namespace IL2Schedule.Drift;

/// <summary>A follow-up date (course end date, imaging date, an end of the next-course window) that differs under another tzdb.</summary>
public sealed class FollowUpDrift
{
    internal FollowUpDrift(string name, LocalDate? stored, LocalDate? replanned)
    {
        Name = name;
        Stored = stored;
        Replanned = replanned;
    }

    /// <summary>The JSON name of the date: <c>courseEndDate</c>, <c>imagingDate</c>, <c>nextCourseWindowStart</c> or <c>nextCourseWindowEnd</c>.</summary>
    public string Name { get; }

    /// <summary>The stored date; null when the stored course has none (an empty window, a course not yet complete).</summary>
    public LocalDate? Stored { get; }

    /// <summary>The re-derived date; null when the re-derived course has none.</summary>
    public LocalDate? Replanned { get; }

    /// <summary>"imagingDate 2025-06-01 -> 2025-06-02".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name} {Show(Stored)} -> {Show(Replanned)}";

    internal static string Show(LocalDate? value) => value is { } v ? ScheduleText.Format(v) : "none";
}
