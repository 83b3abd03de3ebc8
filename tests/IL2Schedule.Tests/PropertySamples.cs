using System.Globalization;

namespace IL2Schedule.Tests;

/// <summary>
/// The sample counts of the planner's property tests. They run in full unless the environment
/// variable <see cref="Variable"/> gives a percentage (1–100): the mutation run
/// (<c>eng/mutation.sh</c>) sets 10, since every mutant these properties reach pays for all
/// their samples (4,000 courses take about 14 s), and they reach nearly every mutant of
/// Planning, Rules, Schedules, Protocols and Zones.
/// </summary>
internal static class PropertySamples
{
    internal const string Variable = "IL2SCHEDULE_PROPERTY_SAMPLES_PERCENT";

    /// <summary><paramref name="full"/>, or that percentage of it (at least 1).</summary>
    /// <exception cref="InvalidOperationException">The variable is set but not a whole number from 1 to 100.</exception>
    internal static int Scaled(int full)
    {
        string? text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(text))
        {
            return full;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int percent) || percent is < 1 or > 100)
        {
            throw new InvalidOperationException($"{Variable} is '{text}': it must be a whole number of percent from 1 to 100.");
        }
        return Math.Max(1, full * percent / 100);
    }
}
