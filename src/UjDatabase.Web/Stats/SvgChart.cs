using System.Globalization;
using System.Net;
using System.Text;
using UjDatabase.Core.Statistics;

namespace UjDatabase.Web.Stats;

/// <summary>
/// Renders a statistics table as an accessible SVG chart on the server: a title and description for screen readers,
/// axis labels, and every value written beside its bar or point. A table by year is a line chart; any other is a
/// horizontal bar chart of the row totals. No script and no chart library.
/// </summary>
public static class SvgChart
{
    private const int Width = 720;
    private const string Ink = "#1b2230";
    private const string Muted = "#4f5a6b";
    private const string Bar = "#1d5c96";

    public static string Render(StatisticsTable table, int maxBars = 20)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Where(r => r.Key.Value != "\u0000total").ToList();
        if (table.WhyEmpty is { } why)
        {
            return Nothing(table, why);
        }

        if (rows.Count == 0)
        {
            // No dimension: one bar for the total.
            rows = [.. table.Rows];
        }

        var byYear = table.Request.By.Count > 0 && table.Request.By[0] == StatisticsRequest.YearDimension;
        return byYear ? Line(table, rows) : Bars(table, rows.Take(maxBars).ToList(), rows.Count);
    }

    /// <summary>An empty table charts nothing: the chart says so, and why.</summary>
    private static string Nothing(StatisticsTable table, string why)
    {
        const int height = 110;
        var svg = Start(table, height, string.Empty);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"62\" fill=\"{Muted}\" font-size=\"14\">Nothing to chart: no records count under this rule.</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"86\" fill=\"{Muted}\" font-size=\"12\">{Encode(Shorten(why, 110))}</text>");
        return svg.Append("</svg>").ToString();
    }

    private static string Bars(StatisticsTable table, List<TableRow> rows, int allRows)
    {
        // Wide enough for the longest label shown (32 characters at 13 px, e.g. "Sexual and gender-based violence").
        const int labelWidth = 250;
        const int rowHeight = 26;
        var top = 44;
        var height = top + (rows.Count * rowHeight) + 40;
        var max = Math.Max(1, rows.Max(r => r.Total.Count));
        var plot = Width - labelWidth - 70;
        var svg = Start(table, height, rows.Count < allRows ? $" The {rows.Count} largest of {allRows} rows are drawn." : string.Empty);
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
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + (plot / 2)}\" y=\"{axis + 26}\" text-anchor=\"middle\" fill=\"{Muted}\" font-size=\"13\">{Encode(UnitLabel(table))}</text>");
        return svg.Append("</svg>").ToString();
    }

    private static string Line(StatisticsTable table, List<TableRow> rows)
    {
        const int left = 60;
        const int right = 30;
        const int top = 50;
        const int plotHeight = 240;
        var height = top + plotHeight + 70;
        var svg = Start(table, height, string.Empty);
        var years = rows.Select(r => int.Parse(r.Key.Value, CultureInfo.InvariantCulture)).ToList();
        var first = years.Min();
        var last = years.Max();
        var span = Math.Max(1, last - first);
        var max = Math.Max(1, rows.Max(r => r.Total.Count));
        var plotWidth = Width - left - right;
        double X(int year) => left + (plotWidth * (year - first) / (double)span);
        double Y(long count) => top + plotHeight - (plotHeight * count / (double)max);

        // Every year of the span is drawn: a year with no records is a real zero, not a gap.
        var counts = rows.ToDictionary(r => int.Parse(r.Key.Value, CultureInfo.InvariantCulture), r => r.Total.Count);
        var points = Enumerable.Range(first, last - first + 1).Select(y => (Year: y, Count: counts.GetValueOrDefault(y))).ToList();
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{Width - right}\" y2=\"{top + plotHeight}\" stroke=\"{Muted}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + plotHeight}\" stroke=\"{Muted}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{top + 4}\" text-anchor=\"end\" fill=\"{Muted}\" font-size=\"12\">{max}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{top + plotHeight}\" text-anchor=\"end\" fill=\"{Muted}\" font-size=\"12\">0</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{Bar}\" stroke-width=\"2.5\" points=\"{string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.Year):0.#},{Y(p.Count):0.#}")))}\"/>");
        var labelEvery = Math.Max(1, (int)Math.Ceiling(points.Count / 14.0));
        for (var i = 0; i < points.Count; i++)
        {
            var (year, count) = points[i];
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(year):0.#}\" cy=\"{Y(count):0.#}\" r=\"3.5\" fill=\"{Bar}\"><title>{year}: {count}</title></circle>");
            if (i % labelEvery == 0 || i == points.Count - 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(year):0.#}\" y=\"{Y(count) - 8:0.#}\" text-anchor=\"middle\" fill=\"{Ink}\" font-size=\"12\">{count}</text>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(year):0.#}\" y=\"{top + plotHeight + 18}\" text-anchor=\"middle\" fill=\"{Muted}\" font-size=\"12\">{year}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + (plotWidth / 2)}\" y=\"{top + plotHeight + 44}\" text-anchor=\"middle\" fill=\"{Muted}\" font-size=\"13\">Year</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {top + (plotHeight / 2)}) rotate(-90)\" text-anchor=\"middle\" fill=\"{Muted}\" font-size=\"13\">{Encode(UnitLabel(table))}</text>");
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Start(StatisticsTable table, int height, string note)
    {
        var description = $"{table.Rule}{note} Total: {table.Total.Count}.{(table.WhyEmpty is { } why ? " " + why : string.Empty)}";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"system-ui, sans-serif\">");
        svg.Append("<title id=\"chart-title\">").Append(Encode(table.Title)).Append("</title>");
        svg.Append("<desc id=\"chart-desc\">").Append(Encode(description)).Append("</desc>");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"26\" fill=\"{Ink}\" font-size=\"16\" font-weight=\"600\">{Encode(table.Title)}</text>");
        return svg;
    }

    private static string UnitLabel(StatisticsTable table) => $"Number of {StatisticsRequest.UnitCode(table.Request.Unit)}";

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
