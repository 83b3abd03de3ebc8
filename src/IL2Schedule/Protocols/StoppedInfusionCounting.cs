namespace IL2Schedule;

/// <summary>
/// Whether an infusion stopped before its planned end (<c>Records.DoseStopped</c>) counts
/// towards a cycle's dose cap as a given dose or as a held one.
/// </summary>
/// <remarks>
/// No source says how a partly given dose counts. The label caps a cycle at 14 doses and handles
/// toxicity by withholding or interrupting a dose, never by reducing it (Proleukin label, section
/// 2.1, section 2.4 and Table 1), so the cap is never to be exceeded; the default is the
/// conservative reading (this library's choice). The choice is therefore explicit.
/// </remarks>
public enum StoppedInfusionCounting
{
    /// <summary>
    /// Default (this library's choice). A stopped infusion counts towards the cap as a given dose:
    /// the cycle holds at most <see cref="CourseProtocol.MaxDosesPerCycle"/> given and stopped
    /// doses together, and no reserve slot replaces it.
    /// </summary>
    CountsAsGiven = 0,

    /// <summary>
    /// A stopped infusion counts towards the cap as a held dose does under the record's
    /// <c>Records.HeldDosePolicy</c>: not at all with <c>HeldDosePolicy.UseReserveSlots</c>
    /// (a reserve slot of the window may then be planned in its place), as a dose with
    /// <c>HeldDosePolicy.Forfeit</c>.
    /// </summary>
    CountsAsHeld = 1,
}
