using System;
using System.Linq;
using System.Text.Json;
using IL2Schedule.Serialization;

namespace IL2Schedule.Cli;

/// <summary>
/// The parts of a course's JSON form that are the same for every course of a protocol (schema
/// version, dose timing, the protocol's and working days' objects), taken from the library's own
/// JSON form of one course (<see cref="CourseScheduleJson.Serialize"/>), so that NDJSON lines hold them
/// byte for byte as the library writes them.
/// </summary>
internal sealed class NdjsonProtocolPart
{
    private NdjsonProtocolPart(int schemaVersion, string doseTiming, byte[] protocol, byte[] workingDays, bool hasMilligrams)
    {
        SchemaVersion = schemaVersion;
        DoseTiming = doseTiming;
        Protocol = protocol;
        WorkingDays = workingDays;
        HasMilligrams = hasMilligrams;
    }

    internal int SchemaVersion { get; }

    internal string DoseTiming { get; }

    /// <summary>The compact JSON of the <c>protocol</c> object, as UTF-8.</summary>
    internal byte[] Protocol { get; }

    /// <summary>The compact JSON of the <c>workingDays</c> object (or <c>null</c>), as UTF-8.</summary>
    internal byte[] WorkingDays { get; }

    /// <summary>Whether the protocol has a mg figure, so that doses carry <c>doseMg</c> and a concentration.</summary>
    internal bool HasMilligrams { get; }

    /// <summary>The parts of <paramref name="schedule"/>'s JSON form (compact, as NDJSON writes it).</summary>
    internal static NdjsonProtocolPart From(CourseSchedule schedule)
    {
        using var document = JsonDocument.Parse(CourseScheduleJson.Serialize(schedule, indented: false));
        var root = document.RootElement;
        return new NdjsonProtocolPart(
            root.GetProperty("schemaVersion").GetInt32(),
            root.GetProperty("doseTiming").GetString()!,
            System.Text.Encoding.UTF8.GetBytes(root.GetProperty("protocol").GetRawText()),
            System.Text.Encoding.UTF8.GetBytes(root.GetProperty("workingDays").GetRawText()),
            schedule.Protocol.DoseMilligramsPerKilogram is not null);
    }
}

/// <summary>The next-course window's reasons as the JSON form writes them: each flag set, camelCase, in the order of their values.</summary>
internal static class NdjsonReasons
{
    private static readonly NextCourseWindowReasons[] Flags = [.. Enum.GetValues<NextCourseWindowReasons>().Where(reason => reason != NextCourseWindowReasons.None)];

    private static readonly JsonEncodedText[] Names = [.. Flags.Select(reason => JsonEncodedText.Encode(char.ToLowerInvariant(reason.ToString()[0]) + reason.ToString()[1..]))];

    /// <summary>
    /// Whether the reasons say the window is empty (<see cref="NextCourseWindowReasons.EmptiedByDischarge"/>
    /// or <see cref="NextCourseWindowReasons.NoWorkingDay"/>), as the columns document: its dates are then <c>default</c>.
    /// </summary>
    internal static bool IsEmpty(NextCourseWindowReasons reasons) =>
        (reasons & (NextCourseWindowReasons.EmptiedByDischarge | NextCourseWindowReasons.NoWorkingDay)) != 0;

    internal static void Write(Utf8JsonWriter writer, JsonEncodedText name, NextCourseWindowReasons reasons)
    {
        writer.WriteStartArray(name);
        for (int i = 0; i < Flags.Length; i++)
        {
            if ((reasons & Flags[i]) != 0)
            {
                writer.WriteStringValue(Names[i]);
            }
        }
        writer.WriteEndArray();
    }
}
