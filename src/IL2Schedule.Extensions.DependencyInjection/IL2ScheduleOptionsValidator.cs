using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;

namespace IL2Schedule.Extensions.DependencyInjection;

/// <summary>Checks <see cref="IL2ScheduleOptions"/> once and reports every problem in one message.</summary>
/// <remarks>
/// The rules (this library's choice): <see cref="IL2ScheduleOptions.PresetName"/> and
/// <see cref="IL2ScheduleOptions.Protocol"/> are not both set, since one would silently win; a preset
/// name is one of <see cref="CourseProtocol.Presets"/>.
/// </remarks>
public sealed class IL2ScheduleOptionsValidator : IValidateOptions<IL2ScheduleOptions>
{
    /// <summary>Validates the options.</summary>
    /// <param name="name">The options instance's name (any; AddIL2Schedule uses the default name).</param>
    /// <param name="options">The options.</param>
    /// <returns>Success, or a failure whose message lists every problem, separated by "; ".</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, IL2ScheduleOptions options)
    {
        System.ArgumentNullException.ThrowIfNull(options);
        return Problems(options) is { } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }

    /// <summary>Every problem in one message, or null when there is none.</summary>
    internal static string? Problems(IL2ScheduleOptions options)
    {
        var problems = new List<string>(2);
        if (options.PresetName is { } preset && options.Protocol is not null)
        {
            problems.Add($"IL2Schedule options: set PresetName or Protocol, not both; PresetName was '{preset}' and Protocol was set");
        }
        if (options.PresetName is { } name && !CourseProtocol.Presets.ContainsKey(name))
        {
            problems.Add($"IL2Schedule options: PresetName must be one of {string.Join(", ", CourseProtocol.Presets.Keys.Order(System.StringComparer.Ordinal))}; was '{name}'");
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}
