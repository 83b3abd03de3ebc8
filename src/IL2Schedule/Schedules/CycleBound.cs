namespace IL2Schedule;

/// <summary>What set the number of doses a cycle plans: the protocol's dose cap or the cycle's window.</summary>
/// <remarks>
/// A cycle ends at whichever comes first: the dose cap, the end of the 5-day window, or the
/// clinician stopping it (NCI protocol NCT01160445; label, Table 1). The last is not planned.
/// </remarks>
public enum CycleBound
{
    /// <summary>The cycle plans the protocol's dose cap (<see cref="CourseProtocol.MaxDosesPerCycle"/>); the window holds at least that many dose times.</summary>
    Cap = 0,

    /// <summary>The window holds fewer dose times than the cap, so the cycle plans only those (possible with <see cref="CycleWindowCounting.CalendarDays"/>).</summary>
    Window = 1,
}
