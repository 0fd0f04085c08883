using System.Globalization;
using System.Net;
using System.Text;
using UjDatabase.Core.Statistics;
using UjDatabase.Core.Languages;

namespace UjDatabase.Web.Stats;

/// <summary>
/// Renders statistics as accessible SVG charts on the server: a title and description, axis labels, and every value
/// given to screen readers. A table by year and the charts over time are line charts whose points are lists of
/// "year: value" items; any other table is a horizontal bar chart of the row totals. No script, no inline style and no
/// chart library; the page's stylesheet only enlarges the labels on a phone.
/// </summary>
public static class SvgChart
{
    private const int Width = 720;
    private const string Ink = "#1b2230";
    private const string Muted = "#4f5a6b";
    private const string Grid = "#e3e8ee";
    private const string Bar = "#1d5c96";

    /// <summary>Each line's colour, dash and marker differ, so that no line is told apart by colour alone.</summary>
    private static readonly (string Colour, string Dash, Marker Marker)[] LineStyles =
    [
        ("#1d5c96", string.Empty, Marker.Circle),
        ("#7a4fa0", "7 4", Marker.Square),
        ("#1f6b3a", "2 3", Marker.Triangle),
        ("#b42318", "9 3 2 3", Marker.Diamond),
    ];

    private enum Marker
    {
        Circle,
        Square,
        Triangle,
        Diamond,
    }

    /// <summary>One line of a chart over years: what it counts and its value in every year drawn.</summary>
    private sealed record Line(string Name, IReadOnlyList<(int Year, long Count)> Points);

    /// <summary>A table's chart; <paramref name="id"/> prefixes its element ids, which must be unique on the page.</summary>
    public static string Render(StatisticsTable table, string id = "chart", int maxBars = 20)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Where(r => r.Key.Value != "\u0000total").ToList();
        var description = $"{table.Rule} {Texts.T("Total: {0}.", table.Total.Count)}";
        if (table.WhyEmpty is { } why)
        {
            return Nothing(id, table.Title, $"{description} {why}", why);
        }

        if (rows.Count == 0)
        {
            // No dimension: one bar for the total.
            rows = [.. table.Rows];
        }

        var byYear = table.Request.By.Count > 0 && table.Request.By[0] == StatisticsRequest.YearDimension;
        if (!byYear)
        {
            return Bars(id, table, rows.Take(maxBars).ToList(), rows.Count);
        }

        // Every year of the span is drawn: a year with no records is a real zero, not a gap.
        var counts = rows.ToDictionary(r => int.Parse(r.Key.Value, CultureInfo.InvariantCulture), r => r.Total.Count);
        var (first, last) = (counts.Keys.Min(), counts.Keys.Max());
        var line = new Line(MeasureRules.Heading(table.Request.Measure, table.Request.Unit), Enumerable.Range(first, last - first + 1).Select(y => (y, counts.GetValueOrDefault(y))).ToList());
        return Lines(id, table.Title, description, [line], UnitLabel(table.Request.Unit));
    }

    /// <summary>The charts over time: one line per rule, every year of the range, or an empty chart that says why.</summary>
    public static string Render(Trends trends, string id = "trends")
    {
        ArgumentNullException.ThrowIfNull(trends);
        var description = string.Join(' ', trends.Rules);
        if (trends.WhyEmpty is { } why)
        {
            return Nothing(id, trends.Title, $"{description} {why}", why);
        }

        var lines = trends.Series.Select((s, i) => new Line(s.Label, trends.Years.Select(y => (y, trends.Cell(i, y).Count)).ToList())).ToList();
        var units = trends.Series.Select(s => s.Unit).Distinct().ToList();
        return Lines(id, trends.Title, description, lines, units.Count == 1 ? UnitLabel(units[0]) : Texts.T("Cases or defendants"));
    }

    /// <summary>An empty table charts nothing: the chart says so, and why.</summary>
    private static string Nothing(string id, string title, string description, string why)
    {
        const int height = 110;
        var svg = Start(id, title, description, height, "img");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"62\" fill=\"{Muted}\" font-size=\"14\">Nothing to chart: no records count under this rule.</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"86\" fill=\"{Muted}\" font-size=\"12\">{Encode(Shorten(why, 110))}</text>");
        return svg.Append("</svg>").ToString();
    }

    private static string Bars(string id, StatisticsTable table, List<TableRow> rows, int allRows)
    {
        // Wide enough for the longest label shown (32 characters at 13 px, e.g. "Sexual and gender-based violence").
        const int labelWidth = 250;
        const int rowHeight = 26;
        var top = 44;
        var height = top + (rows.Count * rowHeight) + 40;
        var max = Math.Max(1, rows.Max(r => r.Total.Count));
        var plot = Width - labelWidth - 70;
        var note = rows.Count < allRows ? " " + Texts.T("The {0} largest of {1} rows are drawn.", rows.Count, allRows) : string.Empty;
        var svg = Start(id, table.Title, $"{table.Rule}{note} {Texts.T("Total: {0}.", table.Total.Count)}", height, "img");
        for (var i = 0; i < rows.Count; i++)
        {
            var y = top + (i * rowHeight);
            var length = Math.Max(1, (int)Math.Round(plot * rows[i].Total.Count / (double)max));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" fill=\"{Ink}\" font-size=\"13\">{Encode(Shorten(rows[i].Key.Label, 32))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{length}\" height=\"{rowHeight - 8}\" fill=\"{Bar}\"><title>{Encode(rows[i].Key.Label)}: {rows[i].Total.Count}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + length + 6}\" y=\"{y + 16}\" fill=\"{Ink}\" font-size=\"13\">{rows[i].Total.Count}</text>");
        }

        var axis = top + (rows.Count * rowHeight) + 4;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{labelWidth}\" y1=\"{top}\" x2=\"{labelWidth}\" y2=\"{axis}\" stroke=\"{Muted}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + (plot / 2)}\" y=\"{axis + 26}\" text-anchor=\"middle\" fill=\"{Muted}\" font-size=\"13\">{Encode(UnitLabel(table.Request.Unit))}</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// Lines over the same years. What is drawn is hidden from screen readers; what they read instead is one list per
    /// line ("Defendants convicted, by year") of one item per year ("2019: 3"), over the markers.
    /// </summary>
    private static string Lines(string id, string title, string description, IReadOnlyList<Line> lines, string unitLabel)
    {
        const int left = 60;
        const int right = 30;
        const int top = 50;
        const int plotHeight = 240;
        const int legendRow = 28;
        var legendRows = lines.Count > 1 ? lines.Count : 0;
        var height = top + plotHeight + 66 + (legendRows * legendRow);
        var years = lines[0].Points.Select(p => p.Year).ToList();
        var (first, last) = (years[0], years[^1]);
        var span = Math.Max(1, last - first);
        var step = TickStep(lines.Max(l => l.Points.Max(p => p.Count)));
        var max = Math.Max(step, (long)Math.Ceiling(lines.Max(l => l.Points.Max(p => p.Count)) / (double)step) * step);
        var plotWidth = Width - left - right;
        double X(int year) => left + (years.Count == 1 ? plotWidth / 2.0 : plotWidth * (year - first) / (double)span);
        double Y(long count) => top + plotHeight - (plotHeight * count / (double)max);

        var svg = Start(id, title, description, height, "group");
        svg.Append("<g aria-hidden=\"true\">");
        for (var tick = 0L; tick <= max; tick += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{Y(tick):0.#}\" x2=\"{Width - right}\" y2=\"{Y(tick):0.#}\" stroke=\"{(tick == 0 ? Muted : Grid)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-label\" x=\"{left - 8}\" y=\"{Y(tick) + 4:0.#}\" text-anchor=\"end\" fill=\"{Muted}\" font-size=\"12\">{tick}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + plotHeight}\" stroke=\"{Muted}\"/>");
        // A year label every one, two or five years, and the last; a single line also writes its values over the labelled years.
        var labelEvery = years.Count <= 14 ? 1 : years.Count <= 28 ? 5 : 10;
        foreach (var year in years.Where(y => (y - first) % labelEvery == 0 || y == last))
        {
            if (year != last && last - year < labelEvery / 2.0)
            {
                continue;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-label\" x=\"{X(year):0.#}\" y=\"{top + plotHeight + 20}\" text-anchor=\"middle\" fill=\"{Muted}\" font-size=\"12\">{year}</text>");
            if (lines.Count == 1)
            {
                var count = lines[0].Points.First(p => p.Year == year).Count;
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-label\" x=\"{X(year):0.#}\" y=\"{Y(count) - 9:0.#}\" text-anchor=\"middle\" fill=\"{Ink}\" font-size=\"12\">{count}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-label\" x=\"{left + (plotWidth / 2)}\" y=\"{top + plotHeight + 46}\" text-anchor=\"middle\" fill=\"{Muted}\" font-size=\"13\">{Encode(Texts.T("Year"))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-axis-title\" transform=\"translate(16 {top + (plotHeight / 2)}) rotate(-90)\" text-anchor=\"middle\" fill=\"{Muted}\" font-size=\"13\">{Encode(unitLabel)}</text>");
        for (var i = 0; i < lines.Count; i++)
        {
            var (colour, dash, _) = LineStyles[i % LineStyles.Length];
            var points = string.Join(' ', lines[i].Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.Year):0.#},{Y(p.Count):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : string.Empty)} points=\"{points}\"/>");
        }

        for (var i = 0; i < lines.Count && lines.Count > 1; i++)
        {
            // The legend: one line to a row, so that it still fits with the larger labels of a phone.
            var (colour, dash, marker) = LineStyles[i % LineStyles.Length];
            var x = left;
            var y = top + plotHeight + 76 + (i * legendRow);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{y - 5}\" x2=\"{x + 34}\" y2=\"{y - 5}\" stroke=\"{colour}\" stroke-width=\"2.5\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : string.Empty)}/>");
            svg.Append(Shape(marker, x + 17, y - 5, colour));
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-label\" x=\"{x + 42}\" y=\"{y}\" fill=\"{Ink}\" font-size=\"13\">{Encode(lines[i].Name)}</text>");
        }

        svg.Append("</g>");
        for (var i = 0; i < lines.Count; i++)
        {
            var (colour, _, marker) = LineStyles[i % LineStyles.Length];
            svg.Append(CultureInfo.InvariantCulture, $"<g role=\"list\" aria-label=\"{Encode(lines[i].Name)}, by year\">");
            foreach (var (year, count) in lines[i].Points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<g role=\"listitem\" aria-label=\"{year}: {count}\"><title>{Encode(lines[i].Name)}, {year}: {count}</title>");
                svg.Append(Shape(marker, X(year), Y(count), colour)).Append("</g>");
            }

            svg.Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A step of 1, 2 or 5 times a power of ten that divides the axis into at most five parts.</summary>
    private static long TickStep(long max)
    {
        for (long power = 1; ; power *= 10)
        {
            foreach (var factor in new[] { 1, 2, 5 })
            {
                if (max <= factor * power * 5)
                {
                    return factor * power;
                }
            }
        }
    }

    private static string Shape(Marker marker, double x, double y, string colour) => marker switch
    {
        Marker.Square => string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x - 3.5:0.#}\" y=\"{y - 3.5:0.#}\" width=\"7\" height=\"7\" fill=\"{colour}\"/>"),
        Marker.Triangle => string.Create(CultureInfo.InvariantCulture, $"<path d=\"M{x:0.#} {y - 4.5:0.#}L{x + 4.5:0.#} {y + 3.5:0.#}L{x - 4.5:0.#} {y + 3.5:0.#}Z\" fill=\"{colour}\"/>"),
        Marker.Diamond => string.Create(CultureInfo.InvariantCulture, $"<path d=\"M{x:0.#} {y - 5:0.#}L{x + 5:0.#} {y:0.#}L{x:0.#} {y + 5:0.#}L{x - 5:0.#} {y:0.#}Z\" fill=\"{colour}\"/>"),
        _ => string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"3.5\" fill=\"{colour}\"/>"),
    };

    // The role is img where the description says all there is to read (a bar chart, an empty chart), and group where
    // screen readers read the points one by one.
    private static StringBuilder Start(string id, string title, string description, int height, string role)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"{role}\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" font-family=\"system-ui, sans-serif\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">").Append(Encode(title)).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">").Append(Encode(description)).Append("</desc>");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-heading\" aria-hidden=\"true\" x=\"12\" y=\"26\" fill=\"{Ink}\" font-size=\"16\" font-weight=\"600\">{Encode(Shorten(title, 72))}</text>");
        return svg;
    }

    private static string UnitLabel(CountUnit unit) => Texts.T(unit switch
    {
        CountUnit.Cases => "Number of cases",
        CountUnit.Charges => "Number of charges",
        _ => "Number of defendants",
    });

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
