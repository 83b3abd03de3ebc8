using System.Globalization;
using System.IO;
using CsvHelper;

namespace IL2Schedule.Cli;

/// <summary>
/// Rejected rows: to the errors file as CSV (<c>line,patientId,reason</c>, or <c>request,...</c> for
/// synthetic requests), or one line each on stderr.
/// </summary>
internal sealed class RejectionSink
{
    private readonly CsvWriter? csv;
    private readonly TextWriter stderr;
    private readonly string numbering;

    /// <param name="errorsFile">The errors file, or null for stderr.</param>
    /// <param name="stderr">Where rejections go without an errors file.</param>
    /// <param name="numbering">What a row's number counts: "line" for an input file, "request" for synthetic requests.</param>
    internal RejectionSink(TextWriter? errorsFile, TextWriter stderr, string numbering)
    {
        this.stderr = stderr;
        this.numbering = numbering;
        if (errorsFile is not null)
        {
            csv = CsvWriter.Create(errorsFile, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true);
            csv.WriteHeader([numbering, "patientId", "reason"]);
        }
    }

    internal void Write(long number, string patientId, string reason)
    {
        if (csv is null)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rejected: {numbering} {number}, patient {InputText.ForMessage(patientId)}: {reason}"));
            return;
        }
        csv.WriteField(number, "");
        csv.WriteField(patientId);
        csv.WriteField(reason);
        csv.EndRecord();
    }

    internal void Flush() => csv?.Flush();
}
