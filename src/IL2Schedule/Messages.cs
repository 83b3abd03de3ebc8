using System;

namespace IL2Schedule;

/// <summary>Exception text for places that pass a message on (JSON errors), where .NET's parameter suffix is noise.</summary>
internal static class Messages
{
    /// <summary>
    /// The message of <paramref name="exception"/> without the " (Parameter 'x')" suffix and the
    /// "Actual value was" line that <see cref="ArgumentException"/> and <see cref="ArgumentOutOfRangeException"/> append.
    /// </summary>
    internal static string WithoutParameterName(ArgumentException exception)
    {
        string message = exception.Message;
        int actualValue = message.IndexOf(Environment.NewLine + "Actual value was", StringComparison.Ordinal);
        if (actualValue >= 0)
        {
            message = message[..actualValue];
        }
        return exception.ParamName is { } name
            ? message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
            : message;
    }
}
