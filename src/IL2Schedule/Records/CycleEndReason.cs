namespace IL2Schedule.Records;

/// <summary>Why a cycle has ended, or <see cref="None"/> while it is still running.</summary>
/// <remarks>
/// NCI protocol NCT01160445: a cycle ends at whichever comes first of the dose cap, the end of its
/// 5-day window and the clinician stopping it. When two happen at once the first listed here is reported.
/// </remarks>
public enum CycleEndReason
{
    /// <summary>The cycle has not ended: it still has planned doses and its window has not closed.</summary>
    None = 0,

    /// <summary>The protocol's maximum doses per cycle were given (with <see cref="HeldDosePolicy.Forfeit"/>, given or held).</summary>
    DoseCap = 1,

    /// <summary>The cycle was stopped by a <see cref="CycleStopped"/> event.</summary>
    CycleStopped = 2,

    /// <summary>The course was stopped by a <see cref="CourseStopped"/> event before the cycle ended otherwise.</summary>
    CourseStopped = 3,

    /// <summary>The window closed: its end has passed, or no slot inside it is left to give.</summary>
    WindowClosed = 4,
}
