using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using IL2Schedule.ICalendar;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Input;

public class InputLimitsTests
{
    private const string RecordHeader = """{"schemaVersion": 1, "firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label", "events": [""";

    [Fact]
    public void TheLimits_HaveTheDocumentedValues()
    {
        (InputLimits.MaxRecordJsonBytes, InputLimits.MaxPlanJsonBytes, InputLimits.MaxFhirJsonBytes).Should().Be((16_777_216, 16_777_216, 16_777_216));
        (InputLimits.MaxJsonDepth, InputLimits.MaxRecordEvents).Should().Be((64, 10_000));
        (InputLimits.MaxIcsBytes, InputLimits.MaxIcsEvents, InputLimits.MaxIcsOccurrences).Should().Be((4_194_304, 10_000, 100_000));
        (InputLimits.MaxHolidaysTextBytes, InputLimits.MaxHolidaysTextLines).Should().Be((1_048_576, 100_000));
        (InputLimits.MaxCsvRecordBytes, InputLimits.MaxPatientIdLength, InputLimits.MaxCsvFieldLength).Should().Be((65_536, 128, 64));
        WorkingDayCalendar.MaxShiftDays.Should().Be(14);
    }

    [Fact]
    public void ReadUtf8_AtTheLimit_ReadsTheText()
    {
        InputLimits.ReadUtf8(new MemoryStream(Encoding.UTF8.GetBytes("0123456789")), 10, "Test").Should().Be("0123456789");
    }

    [Fact]
    public void ReadUtf8_OnePastTheLimit_ThrowsNamingTheLimit()
    {
        var act = () => InputLimits.ReadUtf8(new MemoryStream(new byte[11]), 10, "MaxTestBytes");

        var e = act.Should().Throw<InputLimitExceededException>().Which;
        e.Message.Should().Be("The input has more than 10 bytes; the limit InputLimits.MaxTestBytes is 10 bytes, and reading stopped there.");
        (e.LimitName, e.Maximum, e.Found).Should().Be(("MaxTestBytes", 10L, 11L));
    }

    [Fact]
    public void ReadUtf8_AnEndlessStream_StopsOneBytePastTheLimit()
    {
        var endless = new EndlessZeros();

        var act = () => InputLimits.ReadUtf8(endless, 1_000_000, "MaxTestBytes");

        act.Should().Throw<InputLimitExceededException>();
        endless.BytesRead.Should().Be(1_000_001);
    }

    [Fact]
    public void RecordJson_LargerThanItsLimit_IsRefusedBeforeParsing()
    {
        var act = () => CourseRecordJson.Deserialize(new string(' ', InputLimits.MaxRecordJsonBytes + 1));

        act.Should().Throw<InputLimitExceededException>().Which.LimitName.Should().Be("MaxRecordJsonBytes");
    }

    // Two bytes of UTF-8 per "é": 8 MiB of them and two quotes are 8,388,610 characters but 16,777,218 bytes.
    [Fact]
    public void RecordJson_CountsUtf8Bytes_NotCharacters()
    {
        var act = () => CourseRecordJson.Deserialize("\"" + new string('é', InputLimits.MaxRecordJsonBytes / 2) + "\"");

        act.Should().Throw<InputLimitExceededException>().Which.Found.Should().Be(16_777_218);
    }

    [Fact]
    public void RecordJson_NestedDeeperThanTheLimit_IsRefused()
    {
        string json = RecordHeader + new string('[', 64) + new string(']', 64) + "]}";

        var e = FluentActions.Invoking(() => CourseRecordJson.Deserialize(json)).Should().Throw<InputLimitExceededException>().Which;
        e.Message.Should().Be("The input has 65 levels of nesting; the limit InputLimits.MaxJsonDepth is 64 levels of nesting.");
    }

    [Fact]
    public void RecordJson_WithMoreEventsThanTheLimit_IsRefused()
    {
        string json = RecordHeader + string.Join(",", Enumerable.Repeat("{}", 10_001)) + "]}";

        var e = FluentActions.Invoking(() => CourseRecordJson.Deserialize(json)).Should().Throw<InputLimitExceededException>().Which;
        e.Message.Should().Be("The input has 10,001 events; the limit InputLimits.MaxRecordEvents is 10,000 events.");
    }

    [Fact]
    public void RecordJson_Malformed_GivesAOneBasedPosition()
    {
        var act = () => CourseRecordJson.Deserialize("{\n  x");

        act.Should().Throw<JsonException>().Which.Message.Should().EndWith("(line 2, byte 3).");
    }

    [Fact]
    public void PlanJson_LargerThanItsLimit_IsRefused()
    {
        var act = () => CourseScheduleJson.Deserialize(new string(' ', InputLimits.MaxPlanJsonBytes + 1));

        act.Should().Throw<InputLimitExceededException>().Which.LimitName.Should().Be("MaxPlanJsonBytes");
    }

    [Fact]
    public void PlanJson_NestedDeeperThanTheLimit_IsRefused()
    {
        var act = () => CourseScheduleJson.Deserialize("{\"a\":" + new string('[', 64) + new string(']', 64) + "}");

        act.Should().Throw<InputLimitExceededException>().Which.Found.Should().Be(65);
    }

    private static readonly DateInterval Year2027 = new(new LocalDate(2027, 1, 1), new LocalDate(2027, 12, 31));

    [Fact]
    public void Ics_LargerThanItsLimit_IsRefused()
    {
        var act = () => ICalendarHolidays.Read(new string(' ', InputLimits.MaxIcsBytes + 1), Year2027);

        act.Should().Throw<InputLimitExceededException>().Which.LimitName.Should().Be("MaxIcsBytes");
    }

    [Fact]
    public void Ics_WithMoreEventsThanTheLimit_IsRefused()
    {
        string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
            + string.Concat(Enumerable.Range(0, 10_001).Select(i => $"BEGIN:VEVENT\r\nUID:e{i}\r\nDTSTART;VALUE=DATE:20270101\r\nEND:VEVENT\r\n"))
            + "END:VCALENDAR\r\n";

        var act = () => ICalendarHolidays.Read(ics, Year2027);

        act.Should().Throw<InputLimitExceededException>().Which.Message.Should().Be("The input has 10,001 events; the limit InputLimits.MaxIcsEvents is 10,000 events.");
    }

    // A daily closure over 300 years expands to about 109,600 dates: past the 100,000 occurrences.
    [Fact]
    public void Ics_ExpandingToMoreOccurrencesThanTheLimit_IsRefused()
    {
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:daily\r\nSUMMARY:closed\r\nDTSTART;VALUE=DATE:20000101\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var act = () => ICalendarHolidays.Read(ics, new DateInterval(new LocalDate(2000, 1, 1), new LocalDate(2299, 12, 31)));

        act.Should().Throw<InputLimitExceededException>().Which.Message.Should().Be("The input has more than 100,000 occurrences; the limit InputLimits.MaxIcsOccurrences is 100,000 occurrences, and reading stopped there.");
    }

    [Fact]
    public void Ics_LineWithAnEscapeSequence_IsEscapedInTheMessage()
    {
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:a\u001b[2Jb\r\nDTSTART:20270101T130000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var act = () => ICalendarHolidays.Read(ics, Year2027);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Be(@"icsText must be an iCalendar document: Could not parse line: 'SUMMARY:a\u001b[2Jb' (Parameter 'icsText')");
    }

    [Fact]
    public void HolidayText_WithMoreLinesThanTheLimit_IsRefused()
    {
        var act = () => WorkingDayCalendar.ParseHolidayText(new string('\n', 100_000));

        act.Should().Throw<InputLimitExceededException>().Which.Message.Should().Be("The input has 100,001 lines; the limit InputLimits.MaxHolidaysTextLines is 100,000 lines.");
    }

    [Fact]
    public void HolidayText_LargerThanItsLimit_IsRefused()
    {
        var act = () => WorkingDayCalendar.ParseHolidayText(new string(' ', InputLimits.MaxHolidaysTextBytes + 1));

        act.Should().Throw<InputLimitExceededException>().Which.LimitName.Should().Be("MaxHolidaysTextBytes");
    }

    [Fact]
    public void HolidayText_ReadsDatesCommentsAndBlankLines()
    {
        WorkingDayCalendar.ParseHolidayText("2027-12-25 # Christmas\r\n\n2028-01-01\n").Should().Equal(new LocalDate(2027, 12, 25), new LocalDate(2028, 1, 1));
    }

    [Fact]
    public void HolidayText_ABadLine_IsNamedAndEscaped()
    {
        var act = () => WorkingDayCalendar.ParseHolidayText("2027-12-25\n\u001b]0;x\u0007\n");

        act.Should().Throw<ArgumentException>().Which.Message.Should().Be(@"text line 2 must be a date like 2027-05-31; was '\u001b]0;x\u0007' (Parameter 'text')");
    }

    /// <summary>A stream of zeros that never ends, counting what was read.</summary>
    private sealed class EndlessZeros : Stream
    {
        internal long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
