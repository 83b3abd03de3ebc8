using System;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>The patient discharged from hospital after the course, on a local date.</summary>
/// <remarks>Proleukin label, "Retreatment": the next course starts at least 7 weeks after the date of hospital discharge.</remarks>
public sealed class Discharged : CourseEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="id">The caller's id, or null.</param>
    /// <param name="date">The local discharge date in the course's zone.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or padded; or <paramref name="date"/> is not in the ISO calendar.</exception>
    public Discharged(string? id, LocalDate date)
        : base(id)
    {
        CalendarRange.CheckIso(date, nameof(date));
        Date = date;
    }

    /// <inheritdoc/>
    public override string Kind => "discharged";

    /// <summary>The local discharge date.</summary>
    public LocalDate Date { get; }

    private protected override bool HasSameValues(CourseEvent other) => other is Discharged o && Date == o.Date;

    private protected override string DescribeValues(DateTimeZone zone) => "date " + ScheduleText.Format(Date);
}
