using NodaTime;

namespace IL2Schedule.Batch;

/// <summary>
/// One course to plan in a batch: the first dose's requested local date-time, the course's zone,
/// which of the batch planner's protocols applies, and optionally the hospital discharge date and
/// the body weight. A small value; a batch is a span of them.
/// </summary>
/// <remarks>
/// The first dose is mapped strictly, as <see cref="CoursePlanner.Plan(LocalDateTime, DateTimeZone)"/>
/// does: a local time the zone skips or repeats makes this request fail (reported, not thrown).
/// Look each zone up once (<see cref="TimeZoneLookup.GetZone"/>) and share the
/// <see cref="DateTimeZone"/> between requests: the planner caches zone data per zone object.
/// </remarks>
public readonly struct CourseRequest : System.IEquatable<CourseRequest>
{
    /// <summary>Creates a request.</summary>
    /// <param name="firstDose">The first dose's local date-time in <paramref name="zone"/>.</param>
    /// <param name="zone">The zone the course is given in. Null is reported as this request's failure when the batch runs.</param>
    /// <param name="protocolIndex">
    /// The index of the protocol in <see cref="BatchPlanner.Protocols"/> (0, the first, by default). An index
    /// out of range is reported as this request's failure when the batch runs.
    /// </param>
    /// <param name="dischargeDate">
    /// The local date of the hospital discharge after the course, or null: as for
    /// <see cref="CourseSchedule.WithDischargeDate"/>, the next-course window starts no earlier than
    /// 7 weeks after it (label, "Retreatment"). A date before the course end date is reported as this
    /// request's failure.
    /// </param>
    /// <param name="bodyWeightKilograms">
    /// The body weight in kilograms, in (0, 350], for the dose amounts (<see cref="DoseAmount"/>), or
    /// null. A weight out of range is reported as this request's failure.
    /// </param>
    public CourseRequest(LocalDateTime firstDose, DateTimeZone? zone, int protocolIndex = 0, LocalDate? dischargeDate = null, decimal? bodyWeightKilograms = null)
    {
        FirstDose = firstDose;
        Zone = zone;
        ProtocolIndex = protocolIndex;
        DischargeDate = dischargeDate;
        BodyWeightKilograms = bodyWeightKilograms;
    }

    /// <summary>The first dose's requested local date-time (wall-clock time in <see cref="Zone"/>).</summary>
    public LocalDateTime FirstDose { get; }

    /// <summary>The course's zone; null only in a request that will be reported as failed.</summary>
    public DateTimeZone? Zone { get; }

    /// <summary>The index of the course's protocol in <see cref="BatchPlanner.Protocols"/>.</summary>
    public int ProtocolIndex { get; }

    /// <summary>The hospital discharge date after the course, a local date, or null.</summary>
    public LocalDate? DischargeDate { get; }

    /// <summary>The body weight in kilograms for the dose amounts, or null.</summary>
    public decimal? BodyWeightKilograms { get; }

    /// <inheritdoc/>
    public bool Equals(CourseRequest other) =>
        FirstDose == other.FirstDose && ReferenceEquals(Zone, other.Zone) && ProtocolIndex == other.ProtocolIndex
        && DischargeDate == other.DischargeDate && BodyWeightKilograms == other.BodyWeightKilograms;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CourseRequest other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => System.HashCode.Combine(FirstDose, Zone, ProtocolIndex, DischargeDate, BodyWeightKilograms);

    /// <summary>Compares two requests: every value equal (the zone by reference).</summary>
    /// <param name="left">The first request.</param>
    /// <param name="right">The second request.</param>
    /// <returns>True if every value is equal.</returns>
    public static bool operator ==(CourseRequest left, CourseRequest right) => left.Equals(right);

    /// <summary>Compares two requests: every value equal (the zone by reference).</summary>
    /// <param name="left">The first request.</param>
    /// <param name="right">The second request.</param>
    /// <returns>True if any value differs.</returns>
    public static bool operator !=(CourseRequest left, CourseRequest right) => !left.Equals(right);
}
