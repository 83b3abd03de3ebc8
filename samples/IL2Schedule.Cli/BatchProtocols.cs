using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace IL2Schedule.Cli;

/// <summary>
/// The protocols of a batch run: one per distinct (preset, dose timing, cycle window, standard
/// times) met in the input, in the order met, built once each; a request names its protocol by its
/// index here (<see cref="IL2Schedule.Batch.CourseRequest.ProtocolIndex"/>). At most
/// <see cref="MaxProtocols"/>, so memory stays flat whatever the input.
/// </summary>
internal sealed class BatchProtocols
{
    /// <summary>The most distinct protocols a run plans: far more than a hospital's protocols and ward times.</summary>
    internal const int MaxProtocols = 256;

    private static readonly string DefaultTimes = Text(CourseProtocol.Label.StandardAdministrationTimes);

    private readonly Dictionary<(string Preset, DoseTiming Timing, CycleWindowCounting Window, string Times), int> indexes = [];
    private readonly Dictionary<(string Preset, DoseTiming Timing, CycleWindowCounting Window, string Times), string> rejected = [];
    private readonly List<CourseProtocol> protocols = [];

    /// <summary>The protocols met so far, by index.</summary>
    internal IReadOnlyList<CourseProtocol> Protocols => protocols;

    /// <summary>
    /// The index of the protocol for these settings, building it the first time; or why they make no
    /// protocol (the library's rule, in the file's column names).
    /// </summary>
    /// <param name="preset">One of <see cref="PlanCommand.PresetNames"/>.</param>
    /// <param name="timing">The dose timing.</param>
    /// <param name="window">The cycle window.</param>
    /// <param name="standardTimes">The standard administration times, or null for the preset's.</param>
    /// <param name="index">The protocol's index.</param>
    /// <returns>Null, or the rejection.</returns>
    internal string? TryGetIndex(string preset, DoseTiming timing, CycleWindowCounting window, IReadOnlyList<LocalTime>? standardTimes, out int index)
    {
        var key = (preset, timing, window, standardTimes is null ? DefaultTimes : Text(standardTimes.Order()));
        if (indexes.TryGetValue(key, out index))
        {
            return null;
        }
        if (rejected.TryGetValue(key, out string? reason))
        {
            return reason;
        }
        if (protocols.Count == MaxProtocols)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the file already uses {MaxProtocols} distinct protocols (protocol, doseTiming, cycleWindow, standardTimes), the most one run plans; split the file");
        }
        var builder = new CourseProtocolBuilder(CourseProtocol.Presets[preset])
        {
            DoseTiming = timing,
            CycleWindowCounting = window,
        };
        if (standardTimes is not null)
        {
            builder.StandardAdministrationTimes = standardTimes;
        }
        CourseProtocol protocol;
        try
        {
            protocol = builder.Build();
        }
        catch (ArgumentException e)
        {
            reason = InputNames.Columns.Describe(e);
            if (rejected.Count < MaxProtocols)
            {
                rejected.Add(key, reason);
            }
            return reason;
        }
        index = protocols.Count;
        protocols.Add(protocol);
        indexes.Add(key, index);
        return null;
    }

    private static string Text(IEnumerable<LocalTime> times) =>
        string.Join(",", times.Select(time => time.ToString("HH':'mm", CultureInfo.InvariantCulture)));
}
