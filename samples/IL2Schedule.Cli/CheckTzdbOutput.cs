using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using IL2Schedule.Drift;
using NodaTime;
using NodaTime.Text;

namespace IL2Schedule.Cli;

/// <summary>check-tzdb's table and JSON output.</summary>
internal static class CheckTzdbOutput
{
    private static readonly OffsetDateTimePattern TableTime = OffsetDateTimePattern.CreateWithInvariantCulture("ddd uuuu'-'MM'-'dd HH':'mm o<+HH:mm>");

    private static readonly OffsetDateTimePattern JsonTime = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");

    /// <summary>
    /// One heading line per course, then its changed doses (stored and new start with offsets, the
    /// instant and clock shifts as +H:mm, "given" or "past") and changed follow-up dates.
    /// </summary>
    internal static string Table(IReadOnlyList<CourseDrift> drifts, TimeZoneDatabase database, Instant? at)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Checked against tzdb {database.TzdbVersion}");
        text.AppendLine(at is { } instant ? $"; past means given or before {InstantPattern.General.Format(instant)}" : "; past means given");
        foreach (var drift in drifts)
        {
            text.AppendLine();
            if (!drift.HasChanges)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{drift.Course} ({drift.ZoneId}, tzdb {drift.StoredTzdbVersion}): nothing changes");
                continue;
            }
            text.AppendLine(CultureInfo.InvariantCulture, $"{drift.Course} ({drift.ZoneId}, tzdb {drift.StoredTzdbVersion}): {Count(drift.Doses.Count, "dose")} and {Count(drift.FollowUps.Count, "follow-up date")} change");
            if (drift.Doses.Count > 0)
            {
                text.AppendLine("  dose  cycle  stored                       new                          instant  clock  past");
                foreach (var dose in drift.Doses)
                {
                    string past = dose.IsGiven ? "given" : dose.IsPast ? "past" : "";
                    text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {dose.Number,4}  {dose.Cycle,5}  {Show(dose.Stored),-27}  {Show(dose.Replanned),-27}  {Shift(dose.InstantShift),7}  {Shift(dose.ClockShift),5}  {past}").TrimEnd());
                }
            }
            foreach (var followUp in drift.FollowUps)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {followUp.Name}: {Show(followUp.Stored)} -> {Show(followUp.Replanned)}");
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// <c>{"tzdbVersion", "at", "changed", "courses": [{"course", "zone", "storedTzdbVersion", "checkedTzdbVersion", "changed",
    /// "doses": [{"number", "cycle", "stored", "replanned", "instantShiftMinutes", "clockShiftMinutes", "given", "past"}],
    /// "followUps": [{"name", "stored", "replanned"}]}]}</c>; times are RFC 3339 with offset, absent ones null.
    /// </summary>
    internal static string Json(IReadOnlyList<CourseDrift> drifts, TimeZoneDatabase database, Instant? at)
    {
        var root = new JsonObject
        {
            ["tzdbVersion"] = database.TzdbVersion,
            ["at"] = at is { } instant ? InstantPattern.General.Format(instant) : null,
            ["changed"] = drifts.Any(drift => drift.HasChanges),
            ["courses"] = new JsonArray([.. drifts.Select(drift => (JsonNode)new JsonObject
            {
                ["course"] = drift.Course,
                ["zone"] = drift.ZoneId,
                ["storedTzdbVersion"] = drift.StoredTzdbVersion,
                ["checkedTzdbVersion"] = drift.CheckedTzdbVersion,
                ["changed"] = drift.HasChanges,
                ["doses"] = new JsonArray([.. drift.Doses.Select(dose => (JsonNode)new JsonObject
                {
                    ["number"] = dose.Number,
                    ["cycle"] = dose.Cycle,
                    ["stored"] = dose.Stored is { } stored ? JsonTime.Format(stored) : null,
                    ["replanned"] = dose.Replanned is { } replanned ? JsonTime.Format(replanned) : null,
                    ["instantShiftMinutes"] = dose.InstantShift is { } shift ? (long)shift.TotalMinutes : null,
                    ["clockShiftMinutes"] = dose.ClockShift is { } clock ? (long)clock.TotalMinutes : null,
                    ["given"] = dose.IsGiven,
                    ["past"] = dose.IsPast,
                })]),
                ["followUps"] = new JsonArray([.. drift.FollowUps.Select(followUp => (JsonNode)new JsonObject
                {
                    ["name"] = followUp.Name,
                    ["stored"] = followUp.Stored is { } stored ? LocalDatePattern.Iso.Format(stored) : null,
                    ["replanned"] = followUp.Replanned is { } replanned ? LocalDatePattern.Iso.Format(replanned) : null,
                })]),
            })]),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static string Count(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private static string Show(OffsetDateTime? value) => value is { } v ? TableTime.Format(v) : "none";

    private static string Show(LocalDate? value) => value is { } v ? LocalDatePattern.Iso.Format(v) : "none";

    /// <summary>"+1:00", "-1:00", "0:00"; "" when one side is missing.</summary>
    private static string Shift(Duration? shift) => shift switch
    {
        null => "",
        { } d when d == Duration.Zero => "0:00",
        { } d => (d < Duration.Zero ? "-" : "+") + string.Create(CultureInfo.InvariantCulture, $"{(long)System.Math.Abs(d.TotalMinutes) / 60}:{(long)System.Math.Abs(d.TotalMinutes) % 60:00}"),
    };
}
