using System;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace IL2Schedule.Cli;

/// <summary>Input bytes that may not be valid UTF-8, shown without hiding what is wrong.</summary>
internal static class Utf8Text
{
    /// <summary>The index of the first byte of <paramref name="bytes"/> that does not start a valid UTF-8 sequence, or -1 if all are valid.</summary>
    internal static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        for (int at = 0; at < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes[at..], out _, out int consumed) != OperationStatus.Done)
            {
                return at;
            }
            at += consumed;
        }
        return -1;
    }

    /// <summary>The text of <paramref name="bytes"/>, each byte that is not valid UTF-8 written as <c>\xNN</c> rather than U+FFFD.</summary>
    internal static string Escaped(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        for (int at = 0; at < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes[at..], out var rune, out int consumed) == OperationStatus.Done)
            {
                text.Append(rune.ToString());
                at += consumed;
                continue;
            }
            for (int i = 0; i < consumed; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{bytes[at + i]:X2}");
            }
            at += consumed;
        }
        return text.ToString();
    }
}
