using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Drift;

/// <summary>
/// Re-derives stored courses from their stored inputs under a tzdb of the caller's choice and lists
/// every dose and follow-up date that would change: the check to run when a tzdb release changes a
/// zone's rules after a schedule was stored (for example Egypt restoring daylight saving in 2023,
/// Mexico abolishing it in 2022).
/// </summary>
/// <remarks>
/// <para>
/// A planned course (<see cref="CourseScheduleJson"/>, one line of the CLI's NDJSON batch output)
/// stores every dose's start with its offset; its inputs (protocol, zone, requested first dose,
/// discharge date, body weight, working days) are re-planned with <see cref="CoursePlanner"/>, and
/// each dose is compared by number with the stored one.
/// </para>
/// <para>
/// A course record (<see cref="CourseRecordJson"/>) stores its inputs and events, not the planned
/// doses, so it is re-planned twice with <see cref="CourseRecord"/>: under the tzdb it names in
/// <c>tzdbVersion</c> (one of the <c>storedDatabases</c>, or the embedded data; a record without
/// <c>tzdbVersion</c> counts as written with the embedded data, this library's choice) and under the
/// checked one; the slots are compared by number. Given doses keep their charted instant, so they
/// change at most in local clock time.
/// </para>
/// <para>
/// A dose counts as past when the record says it was given, or when its stored start is earlier
/// than <c>at</c>. The requested first dose is a local time in both derivations, as the clinician
/// asked for it; a first dose the checked tzdb skips or repeats keeps its stored instant if that is
/// one of its resolutions.
/// </para>
/// </remarks>
public static class TzdbDriftCheck
{
    /// <summary>Checks a planned course document (the JSON form, or one NDJSON batch line, whose extra <c>patientId</c> is ignored).</summary>
    /// <param name="json">The document.</param>
    /// <param name="course">What to call the course in the result, such as the file name.</param>
    /// <param name="database">The tzdb to re-derive the course with.</param>
    /// <param name="at">Doses stored as starting before this instant count as past; null for none.</param>
    /// <returns>What changes; <see cref="CourseDrift.HasChanges"/> is false when nothing does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/>, <paramref name="course"/> or <paramref name="database"/> is null.</exception>
    /// <exception cref="JsonException">The text is not a planned course document, or its inputs cannot be planned under <paramref name="database"/> (the message says why, as <see cref="CourseScheduleJson.Deserialize(string)"/> does).</exception>
    public static CourseDrift CheckPlan(string json, string course, TimeZoneDatabase database, Instant? at)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        Preconditions.CheckNotNull(course, nameof(course));
        Preconditions.CheckNotNull(database, nameof(database));
        var document = CourseScheduleJson.ReadDocument(json);
        var schedule = CourseScheduleJson.Replan(document, database);
        var stored = document.Doses.Where(dose => dose is not null).ToDictionary(dose => dose.Number, dose => (dose.Cycle, Start: dose.Start));
        var replanned = schedule.Doses.ToDictionary(dose => dose.Number, dose => (Cycle: dose.CycleNumber, Start: dose.Start.ToOffsetDateTime()));
        var doses = Compare(stored, replanned, given: _ => false, at);
        var window = schedule.NextCourseWindow.Dates;
        var followUps = FollowUps(
            (document.CourseEndDate, document.ImagingDate, document.NextCourseWindow?.Start, document.NextCourseWindow?.End),
            (schedule.CourseEndDate, schedule.ResponseAssessmentDate, window?.Start, window?.End));
        return new CourseDrift(course, schedule.ZoneId, document.TzdbVersion, database.TzdbVersion, doses, followUps);
    }

    /// <summary>Checks a course record document.</summary>
    /// <param name="json">The record.</param>
    /// <param name="course">What to call the course in the result, such as the file name.</param>
    /// <param name="storedDatabases">Tzdb data besides the embedded one, to find the one the record names in <c>tzdbVersion</c>.</param>
    /// <param name="database">The tzdb to re-derive the course with.</param>
    /// <param name="at">Doses planned to start before this instant count as past; null for none (given doses are past either way).</param>
    /// <returns>What changes.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="JsonException">
    /// The text is not a record; its <c>tzdbVersion</c> is not the embedded version nor that of any of <paramref name="storedDatabases"/>
    /// (the message names the version to supply); or the record cannot be read under one of the two tzdbs
    /// (as <see cref="CourseRecordJson.Deserialize(string)"/> reports).
    /// </exception>
    public static CourseDrift CheckRecord(string json, string course, IReadOnlyList<TimeZoneDatabase> storedDatabases, TimeZoneDatabase database, Instant? at)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        Preconditions.CheckNotNull(course, nameof(course));
        Preconditions.CheckNotNull(storedDatabases, nameof(storedDatabases));
        Preconditions.CheckNotNull(database, nameof(database));
        string? storedVersion = StoredTzdbVersion(json);
        var storedDatabase = storedVersion is null
            ? TimeZoneDatabase.Embedded
            : storedDatabases.Prepend(TimeZoneDatabase.Embedded).FirstOrDefault(candidate => candidate.TzdbVersion == storedVersion)
                ?? throw new JsonException(
                    $"The record was written with tzdb {storedVersion}, which is neither the embedded tzdb {TimeZoneDatabase.Embedded.TzdbVersion} nor any tzdb file given for stored courses; supply tzdb {storedVersion} to compare with it.");
        var before = CourseRecordJson.Deserialize(json, storedDatabase).Schedule;
        var after = CourseRecordJson.Deserialize(json, database).Schedule;
        var given = before.Slots.Where(slot => slot.Status is DoseSlotStatus.Given or DoseSlotStatus.Stopped).Select(slot => slot.Number).ToHashSet();
        var doses = Compare(Slots(before), Slots(after), given.Contains, at);
        var followUps = FollowUps(
            (before.CourseEndDate, before.ResponseAssessmentDate, before.NextCourseWindow?.Dates?.Start, before.NextCourseWindow?.Dates?.End),
            (after.CourseEndDate, after.ResponseAssessmentDate, after.NextCourseWindow?.Dates?.Start, after.NextCourseWindow?.Dates?.End));
        return new CourseDrift(course, after.Record.Plan.ZoneId, storedDatabase.TzdbVersion, database.TzdbVersion, doses, followUps);
    }

    /// <summary>The <c>tzdbVersion</c> a record or plan document names, or null when it names none.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The version, such as "2019c", or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not a JSON object, or <c>tzdbVersion</c> is not a string.</exception>
    public static string? StoredTzdbVersion(string json)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        var root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("A course document must be a JSON object.");
        return root["tzdbVersion"] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            var other => throw new JsonException($"tzdbVersion must be a string such as \"2025b\"; was {other.ToJsonString()}."),
        };
    }

    private static Dictionary<int, (int Cycle, OffsetDateTime Start)> Slots(ReplannedSchedule schedule) =>
        schedule.Slots.Where(slot => slot.Status is DoseSlotStatus.Given or DoseSlotStatus.Stopped or DoseSlotStatus.Planned)
            .ToDictionary(slot => slot.Number, slot => (slot.CycleNumber, slot.Start.ToOffsetDateTime()));

    private static List<DoseDrift> Compare(
        Dictionary<int, (int Cycle, OffsetDateTime Start)> stored,
        Dictionary<int, (int Cycle, OffsetDateTime Start)> replanned,
        Func<int, bool> given,
        Instant? at)
    {
        var drifts = new List<DoseDrift>();
        foreach (int number in stored.Keys.Union(replanned.Keys).Order())
        {
            bool hasStored = stored.TryGetValue(number, out var before);
            bool hasReplanned = replanned.TryGetValue(number, out var after);
            if (hasStored && hasReplanned && before.Start.ToInstant() == after.Start.ToInstant() && before.Start.Offset == after.Start.Offset)
            {
                continue;
            }
            bool isGiven = given(number);
            var reference = hasStored ? before.Start : after.Start;
            bool isPast = isGiven || (at is { } instant && reference.ToInstant() < instant);
            drifts.Add(new DoseDrift(number, hasStored ? before.Cycle : after.Cycle, hasStored ? before.Start : null, hasReplanned ? after.Start : null, isGiven, isPast));
        }
        return drifts;
    }

    private static List<FollowUpDrift> FollowUps(
        (LocalDate? CourseEnd, LocalDate? Imaging, LocalDate? WindowStart, LocalDate? WindowEnd) stored,
        (LocalDate? CourseEnd, LocalDate? Imaging, LocalDate? WindowStart, LocalDate? WindowEnd) replanned)
    {
        var drifts = new List<FollowUpDrift>();
        Add("courseEndDate", stored.CourseEnd, replanned.CourseEnd);
        Add("imagingDate", stored.Imaging, replanned.Imaging);
        Add("nextCourseWindowStart", stored.WindowStart, replanned.WindowStart);
        Add("nextCourseWindowEnd", stored.WindowEnd, replanned.WindowEnd);
        return drifts;

        void Add(string name, LocalDate? before, LocalDate? after)
        {
            if (before != after)
            {
                drifts.Add(new FollowUpDrift(name, before, after));
            }
        }
    }
}
