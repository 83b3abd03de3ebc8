namespace IL2Schedule;

/// <summary>
/// How the doses of a cycle are spaced when the cycle crosses a daylight-saving change.
/// </summary>
/// <remarks>
/// Electronic health records differ here: some keep the elapsed interval, so 08:00 doses move to
/// 09:00 after the spring change; others keep the clock times, so one interval lasts 7 or 9 hours
/// (Alberta Health Services Connect Care manual; KHN 2018 reporting). The label says only "every
/// 8 hours" (Proleukin prescribing information, section 2), so the choice is explicit.
/// </remarks>
public enum DoseTiming
{
    /// <summary>
    /// Dose k of a cycle starts exactly (k − 1) dosing intervals of elapsed time after the
    /// cycle's first dose. Across a DST change the clock times move by the change (08:00 becomes
    /// 09:00 after a spring change). The default: every interval is exactly 8 hours.
    /// </summary>
    Elapsed = 0,

    /// <summary>
    /// Dose k of a cycle starts at the cycle's nominal local start (for cycle 1, the first dose's
    /// requested local date-time, even when a resolver moved dose 1) plus (k − 1) dosing intervals
    /// of local clock time, so clock times stay fixed (00:00, 08:00, 16:00). Across a DST change one
    /// interval lasts 7 or 9 hours. A local time the zone skips is shifted forward by the gap's
    /// length; one it repeats takes the earlier instant (NodaTime's lenient resolver).
    /// </summary>
    WallClock = 1,

    /// <summary>
    /// Doses follow the ward's standard administration times
    /// (<see cref="CourseProtocol.StandardAdministrationTimes"/>, 00:00, 08:00 and 16:00 by default),
    /// local clock times that repeat every day. Each cycle's first dose is given at the cycle's start,
    /// like a new order. Every later dose goes to the first standard time after the previous dose's
    /// start, unless less than half the dosing interval of elapsed time remains until it (the "50%
    /// rule"), in which case that standard time is skipped and the one after it is used; at exactly
    /// half the standard time is kept. Standard times are clock times: across a DST change one
    /// interval lasts 7 or 9 hours; a standard time the zone skips is shifted forward by the gap's
    /// length, one it repeats takes the earlier instant.
    /// </summary>
    /// <remarks>
    /// Standard administration times: HemOnc.org example orders for high-dose IL-2 (00:00, 08:00,
    /// 16:00). The 50% rule: pharmacy order-entry practice (for example Mass General Brigham
    /// order-entry help). Measuring "half the interval" in elapsed time and keeping a standard time
    /// at exactly half are this library's choices.
    /// </remarks>
    StandardTimes = 2,
}
