using System.IO;
using System.Text;

namespace IL2Schedule.Tests.Cli;

/// <summary>
/// A stdout for the batch command's CSV output that keeps no text: it counts the dose lines of
/// each patient whose id is P followed by a number (P000001 counts at index 1).
/// </summary>
internal sealed class DoseLineCounter(int patients) : TextWriter
{
    private bool atLineStart = true;
    private bool inId;
    private int id;

    /// <summary>Dose lines per patient number.</summary>
    internal int[] Lines { get; } = new int[patients + 1];

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            atLineStart = true;
            inId = false;
            return;
        }
        if (atLineStart)
        {
            atLineStart = false;
            inId = value == 'P';
            id = 0;
            return;
        }
        if (!inId)
        {
            return;
        }
        if (value == ',')
        {
            Lines[id]++;
            inId = false;
            return;
        }
        id = (id * 10) + (value - '0');
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (!atLineStart && !inId)
            {
                // The rest of a dose line: skip to its end.
                int end = buffer.IndexOf('\n');
                if (end < 0)
                {
                    return;
                }
                buffer = buffer[end..];
            }
            Write(buffer[0]);
            buffer = buffer[1..];
        }
    }
}
