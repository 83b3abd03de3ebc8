using System.IO;
using System.Text;
using FluentAssertions;

namespace IL2Schedule.Tests.Cli;

// A quote left open rejects its own row and nothing else: no field may hold a line break, so the
// next line is the next row. Every good row is a label course in London, 28 doses (14 + 14).
public sealed partial class BatchCommandTests
{
    private const int LargeFileRows = 100_000;

    private const string OpenQuoteReason =
        "\"a quote is left open: a quoted field must end with a quote on the same line, since no field may hold a line break\"";

    /// <summary>A good row's fields after the patient id.</summary>
    private static readonly string[] GoodFields = ["2027-03-10T08:00", "Europe/London", "label", "elapsed", "2027-04-01"];

    // Rows 1, 500 and 999 (lines 2, 501 and 1,000) open a quote in the given column; the file
    // ends without a line break, so the last quote runs into the end of the input.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void OpenQuoteInAnyColumn_OnTheFirstMiddleAndLastRow_RejectsThoseRowsAlone(int column)
    {
        int[] bad = [1, 500, 999];
        string input = WriteFile(999, bad.ToDictionary(row => row, _ => column), finalLineBreak: false);

        var (counter, errors, exitCode, stderr) = RunFile(input, 999);

        exitCode.Should().Be(3);
        Summary(stderr).Should().StartWith("done: 996 courses planned, 27,888 doses, 3 rejected rows, ");
        string Id(int row) => column == 0 ? $"\"\"\"P{row:D6}\"" : $"P{row:D6}";
        errors.Should().Equal(
            "line,patientId,reason",
            $"2,{Id(1)},{OpenQuoteReason}",
            $"501,{Id(500)},{OpenQuoteReason}",
            $"1000,{Id(999)},{OpenQuoteReason}");
        EveryRowPlannedBut(counter, bad);
    }

    // A file far larger than the reader's buffer: an open quote in each column, on the first
    // row, in the middle and on the last (which ends the file without a line break).
    [Fact]
    public void OpenQuotesInEveryColumn_OfA100000RowFile_RejectOnlyTheirRows()
    {
        var openQuotes = new Dictionary<int, int> { [1] = 0, [20_000] = 1, [40_000] = 2, [50_000] = 3, [60_000] = 4, [80_000] = 5, [LargeFileRows] = 2 };
        string input = WriteFile(LargeFileRows, openQuotes, finalLineBreak: false);

        var (counter, errors, exitCode, stderr) = RunFile(input, LargeFileRows);

        exitCode.Should().Be(3);
        Summary(stderr).Should().StartWith("done: 99,993 courses planned, 2,799,804 doses, 7 rejected rows, ");
        errors.Should().Equal(
            "line,patientId,reason",
            $"2,\"\"\"P000001\",{OpenQuoteReason}",
            $"20001,P020000,{OpenQuoteReason}",
            $"40001,P040000,{OpenQuoteReason}",
            $"50001,P050000,{OpenQuoteReason}",
            $"60001,P060000,{OpenQuoteReason}",
            $"80001,P080000,{OpenQuoteReason}",
            $"100001,P100000,{OpenQuoteReason}");
        EveryRowPlannedBut(counter, [.. openQuotes.Keys]);
    }

    // The second open quote used to "close" the first, losing every row between them silently.
    [Fact]
    public void TwoOpenQuotesFarApart_RejectOnlyTheirOwnRows()
    {
        string input = WriteFile(LargeFileRows, new Dictionary<int, int> { [10] = 2, [90_000] = 0 }, finalLineBreak: true);

        var (counter, errors, exitCode, stderr) = RunFile(input, LargeFileRows);

        exitCode.Should().Be(3);
        Summary(stderr).Should().StartWith("done: 99,998 courses planned, 2,799,944 doses, 2 rejected rows, ");
        errors.Should().Equal(
            "line,patientId,reason",
            $"11,P000010,{OpenQuoteReason}",
            $"90001,\"\"\"P090000\",{OpenQuoteReason}");
        EveryRowPlannedBut(counter, [10, 90_000]);
    }

    // The row after an open quote keeps its own course number (4), and the quote is blamed on
    // nothing else: P1's short row and P2's long one keep their field-count reasons.
    [Fact]
    public void RowsWithTheWrongFieldCount_AreRejectedWithTheReason_AndAnOpenQuoteCostsOnlyItsRow()
    {
        string input = Path.Combine(directory, "ragged.csv");
        File.WriteAllText(input,
            "patientId,firstDose,zone\n"
            + "P1,2027-03-10T08:00\n"
            + "P2,2027-03-10T08:00,America/New_York,extra\n"
            + "\"P3,2027-03-10T08:00,America/New_York\n"
            + "P4,2027-03-10T08:00,America/New_York\n");
        string errors = Path.Combine(directory, "errors.csv");
        string output = Path.Combine(directory, "out.csv");

        var (exitCode, _, stderr) = Run("batch", "--input", input, "--output", output, "--errors", errors);

        exitCode.Should().Be(3);
        stderr.Should().StartWith("done: 1 course planned, 28 doses, 3 rejected rows, ");
        string reason = "but the header has 3; check for a missing or extra field";
        File.ReadAllLines(errors).Should().Equal(
            "line,patientId,reason",
            $"2,P1,the row has 2 fields {reason}",
            $"3,P2,the row has 4 fields {reason}",
            $"4,\"\"\"P3\",{OpenQuoteReason}");
        File.ReadAllLines(output)[1].Should().Be("P4,4,1,1,2027-03-10T08:00:00-05:00,2027-03-10T08:15:00-05:00");
    }

    [Fact]
    public void StrayQuotes_RejectTheirRowsWithTheRule()
    {
        string input = Path.Combine(directory, "stray.csv");
        File.WriteAllText(input,
            "patientId,firstDose,zone\n"
            + "P\"1,2027-03-10T08:00,Etc/UTC\n"
            + "\"P2\"x,2027-03-10T08:00,Etc/UTC\n"
            + "\"P\"\"3\",2027-03-10T08:00,Etc/UTC\n");
        string errors = Path.Combine(directory, "errors.csv");

        var (exitCode, stdout, _) = Run("batch", "--input", input, "--errors", errors);

        exitCode.Should().Be(3);
        File.ReadAllLines(errors).Should().Equal(
            "line,patientId,reason",
            "2,\"P\"\"1\",\"a quote inside an unquoted field: quote the whole field and double the quote inside (\"\"a\"\"\"\"b\"\")\"",
            "3,\"\"\"P2\"\"x\",text after the closing quote of a quoted field: put the whole value inside the quotes");
        stdout.Split('\n')[1].Should().StartWith("\"P\"\"3\",3,1,1,2027-03-10T08:00:00+00:00,");
    }

    [Fact]
    public void OpenQuoteInTheHeader_IsAUsageError()
    {
        string input = Path.Combine(directory, "header.csv");
        File.WriteAllText(input, "patientId,\"firstDose,zone\nP1,2027-03-10T08:00,Etc/UTC\n");

        var (exitCode, stdout, stderr) = Run("batch", "--input", input);

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"error: --input '{input}' has an unusable header row: its quoting is malformed (a quote left open, or text around a quoted name)\n");
    }

    /// <summary>
    /// A file of <paramref name="rows"/> rows, patient ids P000001, ...; each row in
    /// <paramref name="openQuotes"/> has a quote opened before the field of the column given.
    /// </summary>
    private string WriteFile(int rows, Dictionary<int, int> openQuotes, bool finalLineBreak)
    {
        var text = new StringBuilder("patientId,firstDose,zone,protocol,doseTiming,discharge\n", rows * 70);
        for (int row = 1; row <= rows; row++)
        {
            for (int column = 0; column <= GoodFields.Length; column++)
            {
                text.Append(column == 0 ? "" : ",");
                text.Append(openQuotes.TryGetValue(row, out int quoted) && quoted == column ? "\"" : "");
                text.Append(column == 0 ? $"P{row:D6}" : GoodFields[column - 1]);
            }
            if (row < rows || finalLineBreak)
            {
                text.Append('\n');
            }
        }
        string input = Path.Combine(directory, "patients.csv");
        File.WriteAllText(input, text.ToString());
        return input;
    }

    private (DoseLineCounter Counter, string[] Errors, int ExitCode, string Stderr) RunFile(string input, int rows)
    {
        string errors = Path.Combine(directory, "errors.csv");
        var counter = new DoseLineCounter(rows);
        var (exitCode, stderr) = CliRun.Run(counter, "batch", "--input", input, "--errors", errors);
        return (counter, File.ReadAllLines(errors), exitCode, stderr);
    }

    /// <summary>The summary, the last line of stderr (a slow run prints progress lines before it).</summary>
    private static string Summary(string stderr) => stderr.TrimEnd('\n').Split('\n')[^1];

    private static void EveryRowPlannedBut(DoseLineCounter counter, int[] bad)
    {
        var wrong = Enumerable.Range(1, counter.Lines.Length - 1)
            .Where(row => counter.Lines[row] != (bad.Contains(row) ? 0 : 28))
            .Select(row => $"P{row:D6}: {counter.Lines[row]} dose lines")
            .Take(5)
            .ToList();
        wrong.Should().BeEmpty();
    }
}
