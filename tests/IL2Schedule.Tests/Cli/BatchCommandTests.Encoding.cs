using System.IO;
using System.Text;
using FluentAssertions;

namespace IL2Schedule.Tests.Cli;

// Input is UTF-8 (a byte order mark is allowed). Bytes that are not UTF-8 reject their row, with
// the line and the byte offset from the start of the file; a value over its limit rejects its row.
public sealed partial class BatchCommandTests
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    // Header 25 bytes, line 2 28 bytes: line 3 starts at offset 53, its 0xE9 is at 54.
    [Fact]
    public void InvalidUtf8InAPatientId_RejectsTheRowWithLineAndByteOffset_NeverAReplacementCharacter()
    {
        string input = WriteBytes(Ascii("patientId,firstDose,zone\nP1,2027-03-10T08:00,Etc/UTC\nP"), [0xE9], Ascii("2,2027-03-10T08:00,Etc/UTC\nP3,2027-03-10T08:00,Etc/UTC\n"));
        string errors = Path.Combine(directory, "errors.csv");

        var (exitCode, stdout, _) = Run("batch", "--input", input, "--errors", errors);

        exitCode.Should().Be(3);
        File.ReadAllLines(errors).Should().Equal(
            "line,patientId,reason",
            @"3,P\xE92,the bytes at byte offset 54 of the file are not valid UTF-8; the file must be UTF-8");
        stdout.Should().NotContain("\uFFFD");
        PatientsIn(stdout).Should().Equal("P1", "P3");
    }

    // BOM 3 bytes + header 25 + line 2 28 = 56 where line 3 starts; "P2,2027-03-10T08:00,Etc/" is 24 more.
    [Fact]
    public void WithAByteOrderMark_RowsArePlanned_AndOffsetsCountIt()
    {
        string input = WriteBytes(Utf8Bom, Ascii("patientId,firstDose,zone\nP1,2027-03-10T08:00,Etc/UTC\nP2,2027-03-10T08:00,Etc/"), [0xFF], Ascii("UTC\nP3,2027-03-10T08:00,Etc/UTC\n"));
        string errors = Path.Combine(directory, "errors.csv");

        var (exitCode, stdout, _) = Run("batch", "--input", input, "--errors", errors);

        exitCode.Should().Be(3);
        File.ReadAllLines(errors).Should().Equal(
            "line,patientId,reason",
            "3,P2,the bytes at byte offset 80 of the file are not valid UTF-8; the file must be UTF-8");
        PatientsIn(stdout).Should().Equal("P1", "P3");
    }

    [Fact]
    public void Utf16Input_IsAUsageError()
    {
        string input = WriteBytes([0xFF, 0xFE], Encoding.Unicode.GetBytes("patientId,firstDose,zone\nP1,2027-03-10T08:00,Etc/UTC\n"));

        var (exitCode, stdout, stderr) = Run("batch", "--input", input);

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"error: --input must be UTF-8 (a UTF-8 byte order mark is allowed); '{input}' starts with a UTF-16 (little-endian) byte order mark: save it as UTF-8\n");
    }

    [Fact]
    public void ValuesOverTheirLimit_RejectTheirRow()
    {
        string id128 = new('A', 128);
        string id129 = new('B', 129);
        string zone65 = "Europe/" + new string('x', 58);
        string input = Path.Combine(directory, "long.csv");
        File.WriteAllText(input,
            "patientId,firstDose,zone\n"
            + $"{id128},2027-03-10T08:00,Etc/UTC\n"
            + $"{id129},2027-03-10T08:00,Etc/UTC\n"
            + $"P3,2027-03-10T08:00,{zone65}\n");
        string errors = Path.Combine(directory, "errors.csv");

        var (exitCode, stdout, _) = Run("batch", "--input", input, "--errors", errors);

        exitCode.Should().Be(3);
        File.ReadAllLines(errors).Should().Equal(
            "line,patientId,reason",
            $"3,{id129},patientId is 129 characters long; the limit is 128",
            "4,P3,zone is 65 characters long; the limit is 64");
        PatientsIn(stdout).Should().Equal(id128);
    }

    [Fact]
    public void Help_NamesTheColumnsAndThePatientIdLimit()
    {
        var (exitCode, stdout, _) = Run("batch", "--help");

        exitCode.Should().Be(0);
        stdout.Should().Contain("patientId (required; any text; at most 128 characters)");
        stdout.Should().Contain("matched ignoring case");
    }

    private string WriteBytes(params byte[][] parts)
    {
        string path = Path.Combine(directory, "bytes.csv");
        File.WriteAllBytes(path, parts.SelectMany(part => part).ToArray());
        return path;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>The distinct patient ids of a CSV output, in order.</summary>
    private static List<string> PatientsIn(string csvOutput) =>
        csvOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[0]).Distinct().ToList();
}
