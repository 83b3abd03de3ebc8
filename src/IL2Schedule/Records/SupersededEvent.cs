using System.Globalization;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>
/// An event that a correction replaced, with the correction: the audit trail of a recorded course,
/// so that "held, recorded 08:05, corrected to given at 08:20, recorded 11:40" can be read back. Immutable.
/// </summary>
/// <remarks>
/// This library's rule (see <see cref="Corrected"/>): nothing recorded is lost. When an id is
/// corrected twice, the first replacement is itself superseded by the second correction.
/// </remarks>
public sealed class SupersededEvent
{
    internal SupersededEvent(CourseEvent superseded, Corrected correction, DateTimeZone zone)
    {
        Event = superseded;
        Correction = correction;
        Description = string.Create(
            CultureInfo.InvariantCulture,
            $"{superseded.Describe(zone, correction.CorrectedEventId)}{Recorded(superseded, zone)}, corrected{(correction.Id is { } id ? " by " + id : "")} to {correction.Replacement.Describe(zone, correction.CorrectedEventId)}{Recorded(correction, zone)}");
    }

    /// <summary>The event that no longer takes effect: the original, or an earlier correction's replacement.</summary>
    public CourseEvent Event { get; }

    /// <summary>The correction that replaced it (its <see cref="Corrected.Replacement"/> took effect instead, until corrected again).</summary>
    public Corrected Correction { get; }

    /// <summary>
    /// Both in English with instants in the course's zone, for example
    /// "doseHeld e2 (cycle 1, slot 2, reason 'hypotension'), recorded 2027-03-10T16:05:00-05:00 by RN Lee, corrected by c1 to doseGiven e2 (cycle 1, slot 2, start 2027-03-10T16:20:00-05:00), recorded 2027-03-10T19:40:00-05:00 by RN Lee".
    /// </summary>
    public string Description { get; }

    private static string Recorded(CourseEvent courseEvent, DateTimeZone zone) =>
        (courseEvent.RecordedAt is { } at ? ", recorded " + ScheduleText.Format(at.InZone(zone)) : "")
        + (courseEvent.RecordedBy is { } by ? (courseEvent.RecordedAt is null ? ", recorded" : "") + " by " + by : "");
}
