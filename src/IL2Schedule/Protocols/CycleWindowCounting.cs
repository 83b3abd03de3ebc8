namespace IL2Schedule;

/// <summary>
/// How a cycle's dosing window ("days 1–5") is counted, which decides how many doses it can hold.
/// </summary>
/// <remarks>
/// The label says "days 1–5" (Proleukin prescribing information, Table 1) without saying whether
/// the days are 24-hour spans from the first dose or calendar days. Counted as 120 elapsed hours
/// the window holds fifteen 8-hourly slots whatever the first dose's clock time; counted as
/// calendar days it holds 15 for a first dose at 00:00, 14 at 08:00 and 13 at 16:00 (domain facts:
/// "14 or 15 doses per cycle"). The choice is therefore explicit.
/// </remarks>
public enum CycleWindowCounting
{
    /// <summary>
    /// The window is <see cref="CourseProtocol.CycleLengthDays"/> × 24 hours of elapsed time from
    /// the cycle's first dose, half-open (<see cref="CourseProtocol.CycleWindow"/>; 120 hours). The
    /// default. The dose cap may not exceed the slots it holds (<see cref="CourseProtocol.SlotsPerCycle"/>),
    /// so the cap always binds; a timing whose clock changes push a capped dose out of it is an error.
    /// </summary>
    Elapsed = 0,

    /// <summary>
    /// The window is the cycle's <see cref="CourseProtocol.CycleLengthDays"/> calendar days in the
    /// course's zone, from the local date of the cycle's nominal start (day 1) to the start of the
    /// day after the last (exclusive): a dose belongs to the cycle only if its local start date is one
    /// of those days. The dose cap still applies, so a cycle plans the fewer of the cap and the slots
    /// the window holds (a first dose at 16:00 gives 13 doses, at 00:00 15 slots capped at 14).
    /// </summary>
    CalendarDays = 1,
}
