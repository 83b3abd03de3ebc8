using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using NodaTime.Text;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace IL2Schedule.Timeline;

/// <summary>
/// Draws a <see cref="TimelineModel"/> with ScottPlot as two panels on one canvas: the doses by
/// date and local clock time (cycle 1, rest, cycle 2), and the whole course on a date axis with the
/// course end, the imaging date and the next-course window.
/// </summary>
/// <remarks>
/// Made to be read at 800 px wide and printed in black and white: every dose status has its own
/// marker shape, bands differ by grey level and hatching, lines by pattern, and every date that
/// matters is written out. Each status's markers also have their own colour, which the tests use
/// to count the marks in the SVG.
/// </remarks>
internal static class TimelineRenderer
{
    /// <summary>Marker shape, colour and legend text of each kind of dose mark.</summary>
    internal static readonly IReadOnlyDictionary<MarkKind, (MarkerShape Shape, string Color, string Legend)> Styles = new Dictionary<MarkKind, (MarkerShape, string, string)>
    {
        [MarkKind.Planned] = (MarkerShape.OpenCircle, "#0D47A1", "planned"),
        [MarkKind.Given] = (MarkerShape.FilledCircle, "#1B5E20", "given"),
        [MarkKind.Held] = (MarkerShape.Eks, "#B71C1C", "held"),
        [MarkKind.Skipped] = (MarkerShape.OpenTriangleUp, "#E65100", "skipped"),
        [MarkKind.Cancelled] = (MarkerShape.OpenSquare, "#616161", "cancelled"),
        [MarkKind.Stopped] = (MarkerShape.FilledDiamond, "#6A1B9A", "stopped early"),
    };

    private static readonly LocalDatePattern ShortDate = LocalDatePattern.CreateWithInvariantCulture("MM'-'dd");

    private static readonly LocalDateTimePattern ShortTime = LocalDateTimePattern.CreateWithInvariantCulture("MM'-'dd HH':'mm");

    private static readonly Color Ink = Color.FromHex("#000000");

    internal static string Svg(TimelineModel model, int width, int height)
    {
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(width, height), stream))
        {
            Draw(canvas, model, width, height);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static byte[] Png(TimelineModel model, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        Draw(surface.Canvas, model, width, height);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void Draw(SKCanvas canvas, TimelineModel model, int width, int height)
    {
        canvas.Clear(SKColors.White);
        float split = height * 0.58f;
        Render(canvas, DosePanel(model), 0, width, split);
        Render(canvas, CoursePanel(model, width), split, width, height - split);
    }

    /// <summary>Renders one panel into a band of the canvas, clipped so it cannot paint over the other.</summary>
    /// <remarks>
    /// ScottPlot draws a plot a second time when its first render changes the layout; a first
    /// render off screen settles the layout, so the SVG holds each mark once.
    /// </remarks>
    private static void Render(SKCanvas canvas, Plot plot, float top, int width, float height)
    {
        using (var scratch = SKSurface.Create(new SKImageInfo(width, (int)Math.Ceiling(height))))
        {
            plot.Render(scratch.Canvas, new PixelRect(0, width, height, 0));
        }
        canvas.Save();
        canvas.Translate(0, top);
        canvas.ClipRect(SKRect.Create(width, height));
        plot.Render(canvas, new PixelRect(0, width, height, 0));
        canvas.Restore();
    }

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Grid.MajorLineColor = Color.FromHex("#D0D0D0");
        return plot;
    }

    /// <summary>The doses: x is the local date (one column a day), y the local clock time, 00:00 at the top.</summary>
    private static Plot DosePanel(TimelineModel model)
    {
        var plot = NewPlot();
        plot.Title(model.Title, size: 15);
        double last = model.Marks.Max(mark => model.Day(mark.Start.Date));
        foreach (var cycle in model.Cycles)
        {
            var band = plot.Add.HorizontalSpan(model.Day(cycle.First), model.Day(cycle.Last) + 1, Color.FromHex("#EDEDED"));
            band.LineWidth = 0;
            Label(plot, $"Cycle {cycle.Number}", (model.Day(cycle.First) + model.Day(cycle.Last) + 1) / 2, -1.6, 12, bold: true);
        }
        for (int i = 1; i < model.Cycles.Count; i++)
        {
            double from = model.Day(model.Cycles[i - 1].Last) + 1;
            double to = model.Day(model.Cycles[i].First);
            if (to > from)
            {
                var rest = plot.Add.HorizontalSpan(from, to, Color.FromHex("#FFFFFF"));
                rest.FillHatch = new ScottPlot.Hatches.Striped();
                rest.FillHatchColor = Color.FromHex("#C8C8C8");
                rest.LineWidth = 0;
                Label(plot, "rest", (from + to) / 2, 12, 12, bold: false, background: true);
            }
        }
        foreach (var group in model.Marks.GroupBy(mark => mark.Kind).OrderBy(group => group.Key))
        {
            var (shape, color, legend) = Styles[group.Key];
            var marks = group.ToList();
            var markers = plot.Add.Markers(
                marks.Select(mark => model.Day(mark.Start.Date) + 0.5).ToArray(),
                marks.Select(mark => mark.Start.TimeOfDay.TickOfDay / (double)NodaConstants.TicksPerHour).ToArray(),
                shape, 11, Color.FromHex(color));
            markers.MarkerLineWidth = 2;
            markers.LegendText = legend;
        }
        if (model.Now is { } now && model.Day(now.Date) <= last)
        {
            double hour = now.TimeOfDay.TickOfDay / (double)NodaConstants.TicksPerHour;
            var line = plot.Add.Line(model.Day(now.Date), hour, model.Day(now.Date) + 1, hour);
            line.LineWidth = 3;
            line.LineColor = Ink;
            line.LegendText = "now " + ShortTime.Format(now);
        }
        var dates = new NumericManual();
        for (int day = 0; day <= last; day++)
        {
            dates.AddMinor(day + 0.5);
        }
        foreach (var date in model.Cycles.SelectMany(cycle => new[] { cycle.First, cycle.Last }).Distinct())
        {
            dates.AddMajor(model.Day(date) + 0.5, ShortDate.Format(date));
        }
        plot.Axes.Bottom.TickGenerator = dates;
        var hours = new NumericManual();
        for (int hourOfDay = 0; hourOfDay <= 24; hourOfDay += 4)
        {
            hours.AddMajor(hourOfDay, string.Create(CultureInfo.InvariantCulture, $"{hourOfDay:00}:00"));
        }
        plot.Axes.Left.TickGenerator = hours;
        plot.Axes.Left.Label.Text = "local clock time";
        // Below 24:00 is room for the legend, so it never hides a dose.
        plot.Axes.SetLimits(-0.5, last + 1.5, 28, -2.8);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = 12;
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>The whole course on a date axis: cycles, rest, course end, imaging date and next-course window.</summary>
    private static Plot CoursePanel(TimelineModel model, int width)
    {
        var plot = NewPlot();
        double end = model.Day(model.LastDate) + 1;
        var dates = new List<(double X, string Text)>();
        foreach (var cycle in model.Cycles)
        {
            Band(plot, model.Day(cycle.First), model.Day(cycle.Last) + 1, 0.62, 0.88, "#505050", hatch: false);
            Label(plot, $"C{cycle.Number}", (model.Day(cycle.First) + model.Day(cycle.Last) + 1) / 2, 0.75, 11, bold: true, color: "#FFFFFF");
        }
        dates.Add((model.Day(model.Cycles[0].First), ShortDate.Format(model.Cycles[0].First)));
        if (model.CourseEnd is { } courseEnd)
        {
            Mark(plot, model.Day(courseEnd), LinePattern.Dashed, 2, $"course end {ShortTime.Format(courseEnd)}", 0.95, Alignment.LowerLeft);
            dates.Add((model.Day(courseEnd), ShortDate.Format(courseEnd.Date)));
        }
        if (model.Imaging is { } imaging)
        {
            Mark(plot, model.Day(imaging) + 0.5, LinePattern.Solid, 3, "imaging " + ShortDate.Format(imaging), 0.62, Alignment.LowerLeft);
            dates.Add((model.Day(imaging) + 0.5, ShortDate.Format(imaging)));
        }
        if (model.Window is { } window)
        {
            double from = model.Day(window.Start);
            double to = model.Day(window.End) + 1;
            Band(plot, from, to, 0.08, 0.42, "#E0E0E0", hatch: true);
            Label(plot, $"next course may start {ShortDate.Format(window.Start)} to {ShortDate.Format(window.End)}", (from + to) / 2, 0.25, 11, bold: false, background: true);
            dates.Add((from, ShortDate.Format(window.Start)));
            dates.Add((to - 1, ShortDate.Format(window.End)));
        }
        if (model.Now is { } now)
        {
            Mark(plot, model.Day(now), LinePattern.Dotted, 3, "now " + ShortTime.Format(now), 0.45, Alignment.LowerLeft);
        }
        // A date label is about 45 px wide; one closer than that to the previous is left out (its line is labelled anyway).
        double minimumGap = 45 * (end + 2) / (width - 80);
        var ticks = new NumericManual();
        double previous = double.NegativeInfinity;
        foreach (var (x, text) in dates.OrderBy(date => date.X))
        {
            if (x - previous >= minimumGap)
            {
                ticks.AddMajor(x, text);
                previous = x;
            }
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.Label.Text = model.ZoneLine;
        plot.Axes.Bottom.Label.FontSize = 13;
        plot.Axes.Left.TickGenerator = new NumericManual();
        plot.Axes.Left.Label.Text = "course";
        plot.Axes.SetLimits(-1, end + 1, 0, 1.1);
        plot.Grid.IsVisible = false;
        return plot;
    }

    private static void Band(Plot plot, double from, double to, double bottom, double top, string fill, bool hatch)
    {
        var rectangle = plot.Add.Rectangle(from, to, bottom, top);
        rectangle.FillColor = Color.FromHex(fill);
        rectangle.LineColor = Ink;
        rectangle.LineWidth = 1;
        if (hatch)
        {
            rectangle.FillStyle.Hatch = new ScottPlot.Hatches.Striped();
            rectangle.FillStyle.HatchColor = Color.FromHex("#A0A0A0");
        }
    }

    private static void Mark(Plot plot, double x, LinePattern pattern, float width, string text, double labelY, Alignment alignment)
    {
        var line = plot.Add.VerticalLine(x, width, Ink, pattern);
        line.LabelOppositeAxis = false;
        Label(plot, text, x + 0.4, labelY, 11, bold: false, alignment: alignment, background: true);
    }

    private static void Label(Plot plot, string text, double x, double y, float size, bool bold, Alignment alignment = Alignment.MiddleCenter, bool background = false, string color = "#000000")
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = size;
        label.LabelBold = bold;
        label.LabelFontColor = Color.FromHex(color);
        label.LabelAlignment = alignment;
        if (background)
        {
            label.LabelBackgroundColor = Color.FromHex("#FFFFFF");
        }
    }
}
