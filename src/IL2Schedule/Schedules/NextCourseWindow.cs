using System;
using NodaTime;

namespace IL2Schedule;

/// <summary>
/// The dates on which the next course may start, both ends inclusive, or an empty window with the
/// reason. Immutable, with value equality.
/// </summary>
/// <remarks>
/// Courses are given "every 6–12 weeks" (Atkins 1999, J Clin Oncol 17:2105; Fyfe 1995), counted
/// from the course end date; the label asks for at least 7 weeks from the date of hospital
/// discharge (Proleukin prescribing information, "Retreatment"). When both apply the later start
/// wins. Whether to give another course at all is a clinical decision the library does not make.
/// </remarks>
public sealed class NextCourseWindow : IEquatable<NextCourseWindow>
{
    internal NextCourseWindow(DateInterval byCourseEnd, LocalDate? dischargeDate, LocalDate? earliestAfterDischarge, DateInterval? dates, NextCourseWindowReasons reasons, string? note)
    {
        Reasons = reasons;
        ByCourseEnd = byCourseEnd;
        DischargeDate = dischargeDate;
        EarliestAfterDischarge = earliestAfterDischarge;
        Dates = dates;
        Note = note;
    }

    /// <summary>
    /// The window counted from the course end date alone (the protocol's retreatment window, by
    /// default 6 to 12 weeks after it), both ends inclusive, before the discharge rule.
    /// </summary>
    public DateInterval ByCourseEnd { get; }

    /// <summary>The hospital discharge date the window takes into account, if one was given.</summary>
    public LocalDate? DischargeDate { get; }

    /// <summary>
    /// The earliest start the discharge rule allows (discharge + the protocol's minimum interval,
    /// by default 7 weeks); null without a discharge date, or when that date would pass 9999-12-31.
    /// </summary>
    public LocalDate? EarliestAfterDischarge { get; }

    /// <summary>The dates on which the next course may start, both ends inclusive; null when the window is empty.</summary>
    public DateInterval? Dates { get; }

    /// <summary>True when no date satisfies every rule; <see cref="Note"/> says why.</summary>
    public bool IsEmpty => Dates is null;

    /// <summary>What moved or emptied the window, as values; <see cref="Note"/> words the same in English.</summary>
    public NextCourseWindowReasons Reasons { get; }

    /// <summary>
    /// Why the window is empty (starting "Empty: "), or how the discharge rule moved its start;
    /// null when the window is simply <see cref="ByCourseEnd"/>.
    /// </summary>
    public string? Note { get; }

    /// <inheritdoc/>
    public bool Equals(NextCourseWindow? other) =>
        other is not null
        && ByCourseEnd.Equals(other.ByCourseEnd)
        && DischargeDate == other.DischargeDate
        && EarliestAfterDischarge == other.EarliestAfterDischarge
        && Equals(Dates, other.Dates)
        && Reasons == other.Reasons
        && Note == other.Note;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NextCourseWindow);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ByCourseEnd, DischargeDate, Dates);

    /// <summary>Compares two windows by every value.</summary>
    /// <param name="left">The first window, or null.</param>
    /// <param name="right">The second window, or null.</param>
    /// <returns>True if both are null or all values are equal.</returns>
    public static bool operator ==(NextCourseWindow? left, NextCourseWindow? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two windows by every value.</summary>
    /// <param name="left">The first window, or null.</param>
    /// <param name="right">The second window, or null.</param>
    /// <returns>True if exactly one is null or any value differs.</returns>
    public static bool operator !=(NextCourseWindow? left, NextCourseWindow? right) => !(left == right);

    /// <summary>"2027-05-09 to 2027-06-20" (both inclusive), or, when empty, <see cref="Note"/> ("Empty: ..." and the reason).</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        Dates is { } dates ? $"{ScheduleText.Format(dates.Start)} to {ScheduleText.Format(dates.End)}" : Note!;
}
