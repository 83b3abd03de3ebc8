using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IL2Schedule;

/// <summary>
/// Text taken from input and echoed into an error message, made safe to print: control characters
/// are escaped and a long value is shortened, so a file holding terminal escape sequences cannot
/// retitle or clear the terminal that shows the message, and a megabyte-long value does not flood it.
/// Every message of this library and its packages that quotes input uses it.
/// </summary>
/// <remarks>
/// This library's choice: C0 and C1 control characters (ESC, BEL, CR, LF, DEL, ...), the line and
/// paragraph separators and the bidirectional formatting characters (which can reorder what a
/// terminal shows, "Trojan Source", CVE-2021-42574) are written as <c>\u001b</c>-style escapes, and a
/// backslash as <c>\\</c> so an escape cannot be faked; a value longer than
/// <see cref="MaxEchoedCharacters"/> keeps its first <see cref="MaxEchoedCharacters"/> characters
/// and ends with "… (100,000 characters)", the whole value's length.
/// </remarks>
public static partial class InputText
{
    /// <summary>The most characters of a value echoed into a message: 64.</summary>
    public const int MaxEchoedCharacters = 64;

    /// <summary>The value, escaped and shortened for an error message (not quoted; the caller adds quotes).</summary>
    /// <param name="value">Text from input; null is written as "null".</param>
    /// <returns>Printable text: at most <see cref="MaxEchoedCharacters"/> characters of the value, each control or formatting character as six (<c>\u001b</c>), then the length note if shortened.</returns>
    public static string ForMessage(string? value)
    {
        if (value is null)
        {
            return "null";
        }
        int shown = value.Length > MaxEchoedCharacters ? MaxEchoedCharacters : value.Length;
        // Keep a surrogate pair whole.
        if (shown < value.Length && shown > 0 && char.IsHighSurrogate(value[shown - 1]))
        {
            shown--;
        }
        var text = new StringBuilder(shown + 32);
        for (int i = 0; i < shown; i++)
        {
            char c = value[i];
            if (c == '\\')
            {
                text.Append(@"\\");
            }
            else if (NeedsEscape(c))
            {
                text.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }
        if (shown < value.Length)
        {
            text.Append(CultureInfo.InvariantCulture, $"… ({value.Length:N0} characters)");
        }
        return text.ToString();
    }

    /// <summary>
    /// A System.Text.Json error message with its position made 1-based and readable: the suffix
    /// "Path: $ | LineNumber: 0 | BytePositionInLine: 5." (0-based) becomes "(line 1, byte 6)."; the
    /// rest is passed through <see cref="ForMessage"/>'s escaping, unshortened.
    /// </summary>
    /// <param name="message">The message, for example a <see cref="System.Text.Json.JsonException"/>'s.</param>
    /// <returns>The message, rewritten.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static string WithJsonPosition(string message)
    {
        Preconditions.CheckNotNull(message, nameof(message));
        string rewritten = JsonPosition().Replace(message, match => string.Create(
            CultureInfo.InvariantCulture,
            $"(line {long.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) + 1}, byte {long.Parse(match.Groups["byte"].Value, CultureInfo.InvariantCulture) + 1})."));
        var text = new StringBuilder(rewritten.Length);
        foreach (char c in rewritten)
        {
            if (NeedsEscape(c))
            {
                text.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    [GeneratedRegex(@"(Path: [^|]*\| )?LineNumber: (?<line>\d+) \| BytePositionInLine: (?<byte>\d+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex JsonPosition();

    private static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029'
        || c is >= '\u202a' and <= '\u202e'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u200e' or '\u200f' or '\u061c';
}
