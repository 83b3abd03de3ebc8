namespace IL2Schedule.Records;

/// <summary>The rule a rejected <see cref="CourseEvent"/> breaks; see <see cref="CourseEventRejectedException"/>.</summary>
/// <remarks>Re-planning rule 5 (see CourseRecord) and this library's rules for ids, corrections and reschedules (each named in the member's summary).</remarks>
public enum CourseEventRule
{
    /// <summary>The id was already used by an event with different content (the same content again is a no-op). Use <see cref="Corrected"/> to change an event.</summary>
    IdAlreadyUsed = 0,

    /// <summary>A <see cref="Corrected"/> names an id that no earlier, non-correction event has.</summary>
    UnknownCorrectedEvent = 1,

    /// <summary>The cycle number is not one of the protocol's cycles.</summary>
    UnknownCycle = 2,

    /// <summary>The slot number is not one of the cycle's slots (1 to <see cref="CourseProtocol.SlotsPerCycle"/>).</summary>
    UnknownSlot = 3,

    /// <summary>The slot, the cycle's stop or reschedule, the course stop or the discharge is already recorded. Use <see cref="Corrected"/>.</summary>
    AlreadyRecorded = 4,

    /// <summary>A given dose starts before the previous given dose's infusion ended (or ends after the next one started).</summary>
    OverlappingInfusions = 5,

    /// <summary>A dose given (or a slot held) at or after its cycle's window closed, or before the window opened; or a cycle stop at or after the window closed.</summary>
    OutsideCycleWindow = 6,

    /// <summary>This library's rule: a dose given more than half a dosing interval before its slot is due belongs to an earlier slot.</summary>
    TooEarly = 7,

    /// <summary>The cycle already has its maximum doses (given, or given or held under <see cref="HeldDosePolicy.Forfeit"/>), counting planned doses before the slot.</summary>
    BeyondCap = 8,

    /// <summary>A dose event at or after the instant its cycle or the course was stopped.</summary>
    AfterStop = 9,

    /// <summary>A rescheduled cycle would start before the previous cycle's window closed, or would run into the next cycle's start.</summary>
    RescheduleOverlapsCycle = 10,

    /// <summary>A cycle with recorded doses cannot be rescheduled.</summary>
    CycleAlreadyStarted = 11,

    /// <summary>
    /// A discharge being recorded is before the course end date (actual or projected), or a dose
    /// given after a recorded discharge ends after its date: the 7-week rule counts from the discharge after the course.
    /// </summary>
    DischargeBeforeCourseEnd = 12,

    /// <summary>The dates that follow would pass 9999-12-31.</summary>
    OutOfRange = 13,

    /// <summary>
    /// A <see cref="DoseStopped"/> ends at or after its start plus the protocol's infusion duration: an infusion
    /// that ran its planned length is a <see cref="DoseGiven"/> (this library's rule).
    /// </summary>
    StopNotBeforeInfusionEnd = 14,
}
