using System;
using System.Collections.Generic;
using System.Linq;

namespace IL2Schedule;

/// <summary>Close zone ids for an unknown one, for error messages (this library's choice of distance; see <see cref="TimeZoneLookup.SuggestIds"/>).</summary>
internal static class ZoneIdSuggestions
{
    /// <summary>Up to <paramref name="maxCount"/> of <paramref name="names"/> close to <paramref name="id"/>, closest first.</summary>
    internal static IReadOnlyList<string> Suggest(IReadOnlyList<string> names, string id, int maxCount)
    {
        Preconditions.CheckNotNull(id, nameof(id));
        if (maxCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxCount), maxCount, $"maxCount must be at least 1; was {maxCount}");
        }
        string wanted = id.Trim().Replace(' ', '_');
        if (wanted.Length < 3)
        {
            return [];
        }
        int maxDistance = Math.Max(1, wanted.Length / 4);
        return names
            .Select(name => (name, score: Score(wanted, name.Replace(' ', '_'), maxDistance)))
            .Where(candidate => candidate.score <= maxDistance)
            .OrderBy(candidate => candidate.score)
            .ThenBy(candidate => candidate.name, StringComparer.Ordinal)
            .Select(candidate => candidate.name)
            .Take(maxCount)
            .ToList();
    }

    private static int Score(string wanted, string candidate, int maxDistance)
    {
        if (IsSignFlip(wanted, candidate))
        {
            return -1;
        }
        if (candidate.Contains(wanted, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }
        return EditDistance(wanted, candidate, maxDistance + 1);
    }

    /// <summary>
    /// True if <paramref name="candidate"/> is <paramref name="wanted"/> with the sign of a
    /// "Etc/GMT+N" id flipped. POSIX signs in those ids are inverted (Etc/GMT-14 is UTC+14), so the
    /// flipped id is the likeliest meaning and is suggested first (this library's choice).
    /// </summary>
    private static bool IsSignFlip(string wanted, string candidate)
    {
        int sign = wanted.IndexOfAny(['+', '-']);
        return sign > 0
            && wanted.StartsWith("Etc/GMT", StringComparison.OrdinalIgnoreCase)
            && candidate.Length == wanted.Length
            && candidate[sign] == (wanted[sign] == '+' ? '-' : '+')
            && candidate.AsSpan(0, sign).Equals(wanted.AsSpan(0, sign), StringComparison.OrdinalIgnoreCase)
            && candidate.AsSpan(sign + 1).Equals(wanted.AsSpan(sign + 1), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Case-insensitive Levenshtein distance, cut off at <paramref name="limit"/>.</summary>
    private static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) >= limit)
        {
            return limit;
        }
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMinimum = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }
            if (rowMinimum >= limit)
            {
                return limit;
            }
            (previous, current) = (current, previous);
        }
        return Math.Min(previous[b.Length], limit);
    }
}
