namespace IL2Schedule.Records;

/// <summary>Whether a withheld dose can be replaced by a later reserve slot of the same cycle.</summary>
/// <remarks>
/// A 5-day window of 8-hourly slots holds 15 slots; the label caps a cycle at 14 doses (Proleukin
/// label, Table 1), so slots after the first 14 are reserve. No source says whether a withheld dose
/// is made up; this is a named choice.
/// </remarks>
public enum HeldDosePolicy
{
    /// <summary>
    /// Default. A held or skipped dose does not count against the cap: while fewer than the cap
    /// have been given, reserve slots inside the window become planned.
    /// </summary>
    UseReserveSlots = 0,

    /// <summary>
    /// A dose not given in its slot, held or skipped, counts against the cap as if it had been
    /// given; reserve slots stay unused.
    /// </summary>
    Forfeit = 1,
}
