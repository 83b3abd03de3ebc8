using NodaTime;

namespace IL2Schedule.Batch;

/// <summary>
/// One course to plan in a batch: the first dose's requested local date-time, the course's zone
/// and which of the batch planner's protocols applies. A small value; a batch is a span of them.
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
    public CourseRequest(LocalDateTime firstDose, DateTimeZone? zone, int protocolIndex = 0)
    {
        FirstDose = firstDose;
        Zone = zone;
        ProtocolIndex = protocolIndex;
    }

    /// <summary>The first dose's requested local date-time (wall-clock time in <see cref="Zone"/>).</summary>
    public LocalDateTime FirstDose { get; }

    /// <summary>The course's zone; null only in a request that will be reported as failed.</summary>
    public DateTimeZone? Zone { get; }

    /// <summary>The index of the course's protocol in <see cref="BatchPlanner.Protocols"/>.</summary>
    public int ProtocolIndex { get; }

    /// <inheritdoc/>
    public bool Equals(CourseRequest other) =>
        FirstDose == other.FirstDose && ReferenceEquals(Zone, other.Zone) && ProtocolIndex == other.ProtocolIndex;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CourseRequest other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => System.HashCode.Combine(FirstDose, Zone, ProtocolIndex);

    /// <summary>Compares two requests: same first dose, same zone object, same protocol index.</summary>
    /// <param name="left">The first request.</param>
    /// <param name="right">The second request.</param>
    /// <returns>True if all three are equal.</returns>
    public static bool operator ==(CourseRequest left, CourseRequest right) => left.Equals(right);

    /// <summary>Compares two requests: same first dose, same zone object, same protocol index.</summary>
    /// <param name="left">The first request.</param>
    /// <param name="right">The second request.</param>
    /// <returns>True if any of the three differs.</returns>
    public static bool operator !=(CourseRequest left, CourseRequest right) => !left.Equals(right);
}
