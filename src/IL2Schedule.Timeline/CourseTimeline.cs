using System;
using IL2Schedule.Records;
using NodaTime;

namespace IL2Schedule.Timeline;

/// <summary>
/// Draws a planned or recorded course as a timeline picture, SVG or PNG, with ScottPlot: the doses
/// of each cycle by local date and clock time, the rest period, and on a date axis the course end,
/// the imaging date and the next-course window; the zone and the tzdb version are named.
/// </summary>
/// <remarks>
/// <para>
/// The upper panel has one column per local date and the local clock time down the side, so a
/// dose moved by a DST change (08:00 to 09:00) shows where the nurse will give it. The lower panel
/// shows the whole course: the cycles as dark bars (label Table 1: days 1–5 and 15–19), the course
/// end (the end of the last infusion), the response-imaging date (about 4 weeks after, label
/// "Retreatment") and the next-course window as a hatched band (6–12 weeks; Atkins 1999), both
/// ends inclusive; an empty window is not drawn.
/// </para>
/// <para>
/// Each dose status has its own marker shape, so the picture reads in black and white: planned
/// (open circle), given (filled circle), held (×), skipped (open triangle), cancelled (open square),
/// stopped early (filled diamond; an infusion stopped before its planned end).
/// Every dose is one marker; in the SVG each is one element whose fill or stroke is its status's
/// colour (planned #0D47A1, given #1B5E20, held #B71C1C, skipped #E65100, cancelled #616161, stopped #6A1B9A),
/// used by nothing else but that status's legend key, so the marks can be counted. The picture
/// maps the library's results; it never computes a dose time or a date itself.
/// </para>
/// </remarks>
public static class CourseTimeline
{
    /// <summary>The width, in pixels, the picture is designed for: 800.</summary>
    public const int DefaultWidth = 800;

    /// <summary>The height, in pixels, the picture is designed for: 560.</summary>
    public const int DefaultHeight = 560;

    /// <summary>Draws a planned course as an SVG document.</summary>
    /// <param name="course">The planned course.</param>
    /// <param name="width">The picture's width in pixels, in [400, 4000] (<see cref="DefaultWidth"/> is 800).</param>
    /// <param name="height">The picture's height in pixels, in [300, 3000] (<see cref="DefaultHeight"/> is 560).</param>
    /// <returns>The SVG document (UTF-8 XML text).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="course"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is out of range.</exception>
    public static string Svg(CourseSchedule course, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(course);
        CheckSize(width, height);
        return TimelineRenderer.Svg(TimelineModel.From(course), width, height);
    }

    /// <summary>Draws a planned course as a PNG image.</summary>
    /// <param name="course">The planned course.</param>
    /// <param name="width">The image's width in pixels, in [400, 4000].</param>
    /// <param name="height">The image's height in pixels, in [300, 3000].</param>
    /// <returns>The PNG file's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="course"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is out of range.</exception>
    public static byte[] Png(CourseSchedule course, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(course);
        CheckSize(width, height);
        return TimelineRenderer.Png(TimelineModel.From(course), width, height);
    }

    /// <summary>Draws a recorded course as an SVG document: given, stopped, held, skipped, cancelled and planned doses with their own shapes.</summary>
    /// <param name="schedule">The re-planned schedule (<see cref="CourseRecord.Schedule"/> or a status's schedule).</param>
    /// <param name="at">The instant to mark as "now", or null for none.</param>
    /// <param name="width">The picture's width in pixels, in [400, 4000].</param>
    /// <param name="height">The picture's height in pixels, in [300, 3000].</param>
    /// <returns>The SVG document (UTF-8 XML text).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is out of range.</exception>
    /// <remarks>A given dose is drawn at its recorded start, every other slot at its due time.</remarks>
    public static string Svg(ReplannedSchedule schedule, Instant? at, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        CheckSize(width, height);
        return TimelineRenderer.Svg(TimelineModel.From(schedule, at), width, height);
    }

    /// <summary>Draws a recorded course as a PNG image.</summary>
    /// <param name="schedule">The re-planned schedule.</param>
    /// <param name="at">The instant to mark as "now", or null for none.</param>
    /// <param name="width">The image's width in pixels, in [400, 4000].</param>
    /// <param name="height">The image's height in pixels, in [300, 3000].</param>
    /// <returns>The PNG file's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is out of range.</exception>
    public static byte[] Png(ReplannedSchedule schedule, Instant? at, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        CheckSize(width, height);
        return TimelineRenderer.Png(TimelineModel.From(schedule, at), width, height);
    }

    private static void CheckSize(int width, int height)
    {
        if (width is < 400 or > 4000)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"width must be in range [400, 4000] pixels; was {width}");
        }
        if (height is < 300 or > 3000)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, $"height must be in range [300, 3000] pixels; was {height}");
        }
    }
}
