using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;
using IL2Schedule.Records;
using IL2Schedule.Tests.ICalendar;
using IL2Schedule.Timeline;
using NodaTime;
using SkiaSharp;

namespace IL2Schedule.Tests.Timeline;

// The picture: the SVG is well-formed XML with one mark per dose (counted by the status colours
// CourseTimeline documents, each also used once by its legend key) and the dates labelled; the PNG
// decodes at the size asked for.
public class CourseTimelineTests
{
    private static readonly Dictionary<DoseSlotStatus, string> Colors = new()
    {
        [DoseSlotStatus.Planned] = "#0D47A1",
        [DoseSlotStatus.Given] = "#1B5E20",
        [DoseSlotStatus.Held] = "#B71C1C",
        [DoseSlotStatus.Skipped] = "#E65100",
        [DoseSlotStatus.Cancelled] = "#616161",
    };

    private static readonly XNamespace SvgNamespace = "http://www.w3.org/2000/svg";

    private static CourseSchedule WorkedExample() => CourseCalendarTests.Plan("2027-03-10T08:00", "America/New_York");

    /// <summary>Elements drawn in a colour (fill or stroke), legend key included.</summary>
    private static int Marks(XDocument svg, string color) =>
        svg.Descendants().Count(element =>
            string.Equals((string?)element.Attribute("fill"), color, StringComparison.OrdinalIgnoreCase)
            || string.Equals((string?)element.Attribute("stroke"), color, StringComparison.OrdinalIgnoreCase));

    private static List<string> Texts(XDocument svg) =>
        svg.Descendants(SvgNamespace + "text").Select(text => Regex.Replace(text.Value, @"\s+", " ").Trim()).ToList();

    [Fact]
    public void Svg_Plan_HasOneMarkPerDoseAndTheDatesLabelled()
    {
        var svg = XDocument.Parse(CourseTimeline.Svg(WorkedExample(), 800, 560));

        svg.Root!.Name.Should().Be(SvgNamespace + "svg");
        Marks(svg, Colors[DoseSlotStatus.Planned]).Should().Be(28 + 1);
        Colors.Values.Skip(1).Should().OnlyContain(color => Marks(svg, color) == 0);
        // Cycles 03-10..03-14 and 03-24..03-28; course end 16:15; imaging 04-25; window 05-09..06-20 (README's worked example).
        Texts(svg).Should().Contain(
        [
            "03-10", "03-14", "03-24", "03-28", "04-25", "05-09", "06-20",
            "Cycle 1", "Cycle 2", "rest", "course end 03-28 16:15", "imaging 04-25", "next course may start 05-09 to 06-20",
            "Aldesleukin course: 28 planned doses from 2027-03-10 08:00 -05:00",
            $"Dates and clock times are local in America/New_York (tzdb {TimeZoneLookup.TzdbVersion})",
        ]);
    }

    [Fact]
    public void Svg_Record_DrawsEachStatusWithItsOwnMarksAndNow()
    {
        var schedule = CourseCalendarTests.RecordedCourse().Schedule;
        var at = Instant.FromUtc(2027, 3, 11, 14, 0); // 09:00 EST

        var svg = XDocument.Parse(CourseTimeline.Svg(schedule, at, 800, 560));

        foreach (var (status, color) in Colors)
        {
            int slots = schedule.Slots.Count(slot => slot.Status == status);
            Marks(svg, color).Should().Be(slots == 0 ? 0 : slots + 1, $"{status} has {slots} slots and one legend key");
        }
        schedule.Slots.Select(slot => slot.Status).Distinct().Should().HaveCount(5);
        Texts(svg).Should().Contain(["given", "held", "skipped", "cancelled", "planned", "now 03-11 09:00", "03-10", "03-24"]);
        Texts(svg).Should().Contain(text => text.StartsWith("Aldesleukin course (recorded): 2 given, 1 held, ", StringComparison.Ordinal));
    }

    // Slot 3 stopped early (CourseCalendarTests.StoppedCourse): one diamond in its own colour plus its legend key.
    [Fact]
    public void Svg_Record_DrawsAStoppedInfusionWithItsOwnMarkAndLegend()
    {
        var schedule = CourseCalendarTests.StoppedCourse().Schedule;

        var svg = XDocument.Parse(CourseTimeline.Svg(schedule, null, 800, 560));

        Marks(svg, "#6A1B9A").Should().Be(1 + 1);
        Marks(svg, Colors[DoseSlotStatus.Given]).Should().Be(2 + 1);
        Texts(svg).Should().Contain(["stopped early", "Aldesleukin course (recorded): 2 given, 0 held, 1 stopped, 25 planned"]);
    }

    [Theory]
    [InlineData(800, 560)]
    [InlineData(1600, 1000)]
    public void Png_DecodesAtTheSizeAsked(int width, int height)
    {
        byte[] png = CourseTimeline.Png(WorkedExample(), width, height);

        png[..8].Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A);
        using var bitmap = SKBitmap.Decode(png);
        (bitmap.Width, bitmap.Height).Should().Be((width, height));
        bitmap.GetPixel(2, 2).Should().Be(SKColors.White);
    }

    [Fact]
    public void Png_Record_DecodesAtTheDefaultSize()
    {
        byte[] png = CourseTimeline.Png(CourseCalendarTests.RecordedCourse().Schedule, null, CourseTimeline.DefaultWidth, CourseTimeline.DefaultHeight);

        using var bitmap = SKBitmap.Decode(png);
        (bitmap.Width, bitmap.Height).Should().Be((800, 560));
    }

    [Theory]
    [InlineData(399, 560, "width", "width must be in range [400, 4000] pixels; was 399")]
    [InlineData(800, 3001, "height", "height must be in range [300, 3000] pixels; was 3001")]
    public void Svg_SizeOutOfRange_IsRejected(int width, int height, string parameter, string message)
    {
        var act = () => CourseTimeline.Svg(WorkedExample(), width, height);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter).WithMessage(message + "*");
    }
}
