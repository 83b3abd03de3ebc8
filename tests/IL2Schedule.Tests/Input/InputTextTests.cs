using FluentAssertions;

namespace IL2Schedule.Tests.Input;

public class InputTextTests
{
    // ESC ] 0 ; title BEL retitles a terminal; CR returns to the line start. Each becomes \u00xx.
    [Fact]
    public void ForMessage_EscapesControlCharacters()
    {
        InputText.ForMessage("x\u001b]0;pwned\u0007\r\n\u007f").Should().Be(@"x\u001b]0;pwned\u0007\u000d\u000a\u007f");
    }

    [Fact]
    public void ForMessage_EscapesBidirectionalOverridesAndBackslashes()
    {
        InputText.ForMessage("a\u202eb\\u001b").Should().Be(@"a\u202eb\\u001b");
    }

    [Fact]
    public void ForMessage_ShortensALongValueAndGivesItsLength()
    {
        InputText.ForMessage(new string('A', 100_000)).Should().Be(new string('A', 64) + "… (100,000 characters)");
    }

    [Fact]
    public void ForMessage_KeepsAShortValueAndNull()
    {
        InputText.ForMessage("Europe/Londn").Should().Be("Europe/Londn");
        InputText.ForMessage(new string('B', 64)).Should().Be(new string('B', 64));
        InputText.ForMessage(null).Should().Be("null");
    }

    // System.Text.Json counts lines and bytes from 0; people count from 1.
    [Fact]
    public void WithJsonPosition_MakesThePositionOneBased()
    {
        InputText.WithJsonPosition("'x' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 5.")
            .Should().Be("'x' is an invalid start of a value. (line 1, byte 6).");
    }
}
