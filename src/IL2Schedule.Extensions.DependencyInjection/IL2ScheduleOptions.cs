using NodaTime;

namespace IL2Schedule.Extensions.DependencyInjection;

/// <summary>
/// What <c>AddIL2Schedule</c> registers: the protocol the planner applies, by preset name or as a
/// <see cref="CourseProtocol"/>, and the clock. Set either <see cref="PresetName"/> or
/// <see cref="Protocol"/>, not both; with neither, the label's protocol applies.
/// </summary>
/// <remarks>
/// Validated once, when the options are first read (at host start, or when the planner is first
/// resolved), by <see cref="IL2ScheduleOptionsValidator"/>; every problem is reported in one message.
/// </remarks>
public sealed class IL2ScheduleOptions
{
    /// <summary>
    /// A preset's name from <see cref="CourseProtocol.Presets"/> ("label" or "nci", compared as the
    /// presets compare them), or null. The default, with <see cref="Protocol"/> also null, is the label's
    /// protocol (Proleukin prescribing information, section 2.1 and Table 1).
    /// </summary>
    public string? PresetName { get; set; }

    /// <summary>A protocol built with <see cref="CourseProtocolBuilder"/> or a preset, or null to use <see cref="PresetName"/>.</summary>
    public CourseProtocol? Protocol { get; set; }

    /// <summary>
    /// The clock registered as <see cref="IClock"/> when the service collection has none yet; null means
    /// NodaTime's system clock. Tests set a <c>FakeClock</c> here.
    /// </summary>
    public IClock? Clock { get; set; }

    /// <summary>The protocol these options name: <see cref="Protocol"/>, the preset <see cref="PresetName"/>, or the label's.</summary>
    /// <returns>The protocol.</returns>
    /// <exception cref="System.ArgumentException">Both are set, or the preset name is unknown (the message is the validator's).</exception>
    public CourseProtocol ResolveProtocol()
    {
        if (IL2ScheduleOptionsValidator.Problems(this) is { } problems)
        {
            throw new System.ArgumentException(problems);
        }
        return Protocol ?? (PresetName is null ? CourseProtocol.Label : CourseProtocol.Presets[PresetName]);
    }
}
