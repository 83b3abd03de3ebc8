using System.Collections.Generic;

namespace IL2Schedule.Drift;

/// <summary>
/// What changes when one stored course (a planned schedule, a batch line or a course record) is
/// re-derived from its stored inputs under another tzdb.
/// </summary>
public sealed class CourseDrift
{
    internal CourseDrift(string course, string zoneId, string storedTzdbVersion, string checkedTzdbVersion, IReadOnlyList<DoseDrift> doses, IReadOnlyList<FollowUpDrift> followUps)
    {
        Course = course;
        ZoneId = zoneId;
        StoredTzdbVersion = storedTzdbVersion;
        CheckedTzdbVersion = checkedTzdbVersion;
        Doses = doses;
        FollowUps = followUps;
    }

    /// <summary>Which course: the caller's name for it (for example the file, with the batch line's <c>patientId</c> or line number).</summary>
    public string Course { get; }

    /// <summary>The course's canonical zone id.</summary>
    public string ZoneId { get; }

    /// <summary>The tzdb version the stored course names (<c>tzdbVersion</c>), or the embedded one for a record that names none.</summary>
    public string StoredTzdbVersion { get; }

    /// <summary>The tzdb version the course was re-derived with.</summary>
    public string CheckedTzdbVersion { get; }

    /// <summary>Every dose whose instant or local clock time changes, or that exists on one side only, in dose order.</summary>
    public IReadOnlyList<DoseDrift> Doses { get; }

    /// <summary>Every follow-up date that changes, in the order course end date, imaging date, next-course window start, end.</summary>
    public IReadOnlyList<FollowUpDrift> FollowUps { get; }

    /// <summary>True when any dose or follow-up date changes.</summary>
    public bool HasChanges => Doses.Count > 0 || FollowUps.Count > 0;

    /// <summary>"course a.json (Africa/Cairo, tzdb 2019c -> 2025b): 12 doses, 0 follow-up dates change".</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"course {Course} ({ZoneId}, tzdb {StoredTzdbVersion} -> {CheckedTzdbVersion}): {Doses.Count} dose{(Doses.Count == 1 ? "" : "s")}, {FollowUps.Count} follow-up date{(FollowUps.Count == 1 ? "" : "s")} change";
}
