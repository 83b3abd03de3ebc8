using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace IL2Schedule.Cli;

/// <summary>A column of the batch CSV file.</summary>
/// <param name="Name">The header name, as documented; the file's header is matched to it ignoring case.</param>
/// <param name="Required">Whether the header must have the column.</param>
/// <param name="MaxLength">The longest value accepted, in characters (UTF-16 code units); a longer one rejects the row.</param>
/// <param name="Values">What the column holds, for <c>--help</c>.</param>
internal sealed record BatchColumn(string Name, bool Required, int MaxLength, string Values);

/// <summary>The columns <c>il2schedule batch</c> reads, and the check of a file's header against them.</summary>
internal static class BatchColumns
{
    /// <summary>The longest patient id accepted, in characters.</summary>
    internal const int PatientIdMaxLength = InputLimits.MaxPatientIdLength;

    /// <summary>The longest value of any other column, in characters: far more than any valid value needs.</summary>
    internal const int OtherMaxLength = InputLimits.MaxCsvFieldLength;

    /// <summary>Every known column, required ones first. A new column is one more entry here and its parsing in <see cref="BatchInput"/>.</summary>
    internal static readonly BatchColumn[] All =
    [
        new("patientId", Required: true, PatientIdMaxLength, "any text"),
        new("firstDose", Required: true, OtherMaxLength, "local date-time yyyy-MM-ddTHH:mm"),
        new("zone", Required: true, OtherMaxLength, "IANA id, alias, Windows id or fixed offset"),
        new("protocol", Required: false, OtherMaxLength, string.Join('|', PlanCommand.PresetNames) + "; empty for label"),
        new("doseTiming", Required: false, OtherMaxLength, string.Join('|', PlanCommand.DoseTimingNames) + "; empty for elapsed"),
        new("standardTimes", Required: false, OtherMaxLength, "with doseTiming standard-times: HH:mm times, comma-separated, quoted, like \"00:00,08:00,16:00\" (the default when empty)"),
        new("cycleWindow", Required: false, OtherMaxLength, string.Join('|', PlanCommand.CycleWindowNames) + "; empty for elapsed"),
        new("discharge", Required: false, OtherMaxLength, "date yyyy-MM-dd"),
        new("weightKg", Required: false, OtherMaxLength, "body weight in kg like 72.5, in (0, 350]; with the column, the CSV output gains doseIu,doseMg"),
    ];

    /// <summary>The known columns for messages: "patientId, firstDose, zone (required); protocol, ... (optional)".</summary>
    internal static string Known { get; } =
        string.Join(", ", All.Where(column => column.Required).Select(column => column.Name)) + " (required); "
        + string.Join(", ", All.Where(column => !column.Required).Select(column => column.Name)) + " (optional)";

    /// <summary>The index in <see cref="All"/> of the column named <paramref name="name"/>.</summary>
    internal static int IndexOf(string name) =>
        Array.FindIndex(All, column => string.Equals(column.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// Matches a header to the known columns, ignoring case. Every problem (an unknown column, a
    /// column named twice, a required column missing) is reported in one usage error that lists
    /// the known columns.
    /// </summary>
    /// <param name="header">The file's header names, in file order.</param>
    /// <param name="path">The file, for the message.</param>
    /// <returns>For each entry of <see cref="All"/>, its field index in the file, or -1 if the file lacks it.</returns>
    /// <exception cref="CliUsageException">The header has a problem.</exception>
    internal static int[] Map(IReadOnlyList<string> header, string path)
    {
        var fieldIndexes = Enumerable.Repeat(-1, All.Length).ToArray();
        var problems = new List<string>();
        for (int field = 0; field < header.Count; field++)
        {
            string name = header[field];
            int known = Array.FindIndex(All, column => string.Equals(column.Name, name, StringComparison.OrdinalIgnoreCase));
            if (known < 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"unknown column '{name}' (column {field + 1})"));
            }
            else if (fieldIndexes[known] >= 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"duplicate column '{name}' (columns {fieldIndexes[known] + 1} and {field + 1})"));
            }
            else
            {
                fieldIndexes[known] = field;
            }
        }
        var missing = All.Where((column, index) => column.Required && fieldIndexes[index] < 0).Select(column => column.Name).ToList();
        if (missing.Count > 0)
        {
            problems.Add("missing required column" + (missing.Count == 1 ? " " : "s ") + string.Join(", ", missing));
        }
        if (problems.Count > 0)
        {
            throw new CliUsageException(
                $"--input '{path}' has an unusable header row: {string.Join("; ", problems)}. The known columns, matched ignoring case, are {Known}");
        }
        return fieldIndexes;
    }
}
