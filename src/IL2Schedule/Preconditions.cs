using System;
using System.Globalization;

namespace IL2Schedule;

/// <summary>
/// The one guard helper for argument checks. Every message has the shape
/// "<c>{name} must be {rule}; was {value}</c>", so callers and tests can rely on it.
/// </summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>(T? argument, string paramName)
        where T : class =>
        argument ?? throw new ArgumentNullException(paramName);

    internal static void CheckDefined<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Create(CultureInfo.InvariantCulture, $"{paramName} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}; was {value}"));
        }
    }
}
