namespace IL2Schedule;

/// <summary>
/// How a cycle's start was resolved from the local date-time asked for (<see cref="CycleSchedule.NominalStart"/>)
/// in the course's zone.
/// </summary>
/// <remarks>
/// rule 2 of docs/rules.md (label, Table 1: cycles on days 1 and 15 at the same clock time). A later cycle's
/// start the zone skips moves forward by the gap's length, one it repeats takes the earlier instant
/// (this library's choice, so that a cycle never starts early). Cycle 1 starts at the first dose,
/// whose instant the caller fixed (rule 1: a resolver, or a zoned date-time or instant), so only it
/// can be <see cref="LaterOffset"/> or <see cref="OtherInstantInGap"/>.
/// </remarks>
public enum CycleStartResolution
{
    /// <summary>The zone maps the local date-time asked for to exactly one instant, and the cycle starts there.</summary>
    AsPlanned = 0,

    /// <summary>The zone skips the local date-time asked for (a spring gap); the start is moved forward by the gap's length.</summary>
    ShiftedForward = 1,

    /// <summary>The zone repeats the local date-time asked for (an autumn overlap); the start is the earlier of its two instants.</summary>
    EarlierOffset = 2,

    /// <summary>The zone repeats the local date-time asked for; the start is the later instant (cycle 1 only, as the caller chose).</summary>
    LaterOffset = 3,

    /// <summary>The zone skips the local date-time asked for; the start is another instant around the gap than the shifted one (cycle 1 only, as the caller's resolver chose).</summary>
    OtherInstantInGap = 4,
}
