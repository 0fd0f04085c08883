using System.Globalization;
using System.Net;
using System.Text;
using UjDatabase.Core.Languages;

namespace UjDatabase.Web.Map;

/// <summary>
/// Draws a <see cref="WorldMap"/> as SVG on the server: every country with records is a link (named with its count) to
/// the search filtered by it, shaded by its class; the largest flows are drawn as arrows from where the crimes were
/// committed to the prosecuting state. No script: the page's tables carry the same numbers for readers without the map.
/// </summary>
public static class MapSvg
{
    /// <summary>How many flows are drawn; the table lists them all.</summary>
    public const int MaxArcs = 12;

    public const string FlowColour = "#b7410e";

    private const string Ocean = "#f3f6f9";
    private const string Border = "#ffffff";
    private const string Ink = "#1b2230";

    /// <summary>The world: the links, named for screen readers and reached by keyboard.</summary>
    public static string Render(WorldMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var svg = new StringBuilder(96 * 1024);
        var view = map.View;
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WorldShapes.Width} {WorldShapes.Height}\" class=\"world-map\" role=\"group\" aria-labelledby=\"map-title map-desc\" font-family=\"system-ui, sans-serif\">");
        svg.Append("<title id=\"map-title\">").Append(Encode($"{view.LocalTitle}{Texts.T(": ")}{map.Query.Describe()}")).Append("</title>");
        svg.Append("<desc id=\"map-desc\">").Append(Encode(Description(map))).Append("</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{WorldShapes.Width}\" height=\"{WorldShapes.Height}\" fill=\"{Ocean}\"/>");
        var counted = Counted(map);
        var linked = counted.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

        // Strokes are set on the outer groups only, so that the enlarged map can reuse the shapes (SVG use) with its own widths.
        // Countries without records are scenery, hidden from assistive technology.
        svg.Append(CultureInfo.InvariantCulture, $"<g aria-hidden=\"true\" fill=\"{MapScale.None}\" stroke=\"{Border}\" stroke-width=\".5\"><g id=\"map-land\">");
        foreach (var shape in WorldShapes.All.Where(s => s.Path is not null && !linked.Contains(s.Code)))
        {
            svg.Append("<path d=\"").Append(shape.Path).Append("\"/>");
        }

        svg.Append("</g></g>");

        // Countries with records, largest count first: the order a keyboard walks them, as in the table.
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"counted\" stroke=\"{Border}\" stroke-width=\".5\">");
        foreach (var country in counted)
        {
            var name = view.Describe(country.Label, country.Count);
            svg.Append("<a href=\"").Append(Encode(country.Url)).Append("\" aria-label=\"").Append(Encode(name)).Append("\"><title>").Append(Encode(name)).Append("</title>");
            Shape(svg, country, map.Scale.ColourOf(country.Count), 1, withId: true);
            svg.Append("</a>");
        }

        svg.Append("</g>");
        Selected(svg, counted, 1.6, 5.5, withId: true);
        Arcs(svg, map, 1, "flow-arrow");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// Europe, North Africa and the Middle East enlarged, reusing the world map's shapes. For the mouse and the eye only:
    /// its links repeat the world map's, so it is hidden from screen readers and left out of the keyboard's order.
    /// </summary>
    public static string RenderInset(WorldMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var box = WorldShapes.Inset;
        var k = box.Width / WorldShapes.Width * 2.5;
        var svg = new StringBuilder(8 * 1024);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{box.X:0.#} {box.Y:0.#} {box.Width:0.#} {box.Height:0.#}\" class=\"world-map inset\" aria-hidden=\"true\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{box.X:0.#}\" y=\"{box.Y:0.#}\" width=\"{box.Width:0.#}\" height=\"{box.Height:0.#}\" fill=\"{Ocean}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<g fill=\"{MapScale.None}\" stroke=\"{Border}\" stroke-width=\"{0.5 * k:0.###}\"><use href=\"#map-land\"/></g>");
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"counted\" stroke=\"{Border}\" stroke-width=\"{0.5 * k:0.###}\">");
        foreach (var country in Counted(map))
        {
            svg.Append("<a tabindex=\"-1\" href=\"").Append(Encode(country.Url)).Append("\"><title>").Append(Encode(map.View.Describe(country.Label, country.Count))).Append("</title>");
            Shape(svg, country, map.Scale.ColourOf(country.Count), k, withId: false);
            svg.Append("</a>");
        }

        svg.Append("</g>");
        Selected(svg, Counted(map), 1.6 * k, 5.5 * k, withId: false);
        Arcs(svg, map, k, "flow-arrow-inset");
        return svg.Append("</svg>").ToString();
    }

    private static List<CountryCount> Counted(WorldMap map) => map.Countries.Where(c => c.Count > 0 && c.Shape is not null).ToList();

    /// <summary>A country's outline (the world map's own, or a use of it), or a dot for a country too small to draw at this scale.</summary>
    private static void Shape(StringBuilder svg, CountryCount country, string fill, double k, bool withId)
    {
        var shape = country.Shape!;
        if (shape.Path is null)
        {
            // Outlined, so that it stands out on the sea and on land.
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{shape.X:0.#}\" cy=\"{shape.Y:0.#}\" r=\"{4 * k:0.##}\" fill=\"{fill}\" stroke=\"{Ink}\" stroke-width=\"{0.8 * k:0.###}\"/>");
        }
        else if (withId)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path id=\"shape-{shape.Code}\" d=\"{shape.Path}\" fill=\"{fill}\"/>");
        }
        else
        {
            svg.Append(CultureInfo.InvariantCulture, $"<use href=\"#shape-{shape.Code}\"/>");
        }
    }

    /// <summary>The selected countries, outlined on top of their neighbours.</summary>
    private static void Selected(StringBuilder svg, List<CountryCount> counted, double width, double radius, bool withId)
    {
        var selected = counted.Where(c => c.Selected).Select(c => c.Shape!).ToList();
        if (selected.Count == 0)
        {
            return;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<g aria-hidden=\"true\" fill=\"none\" stroke=\"{Ink}\" stroke-width=\"{width:0.###}\" pointer-events=\"none\">");
        foreach (var shape in selected)
        {
            svg.Append(shape.Path is null
                ? string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{shape.X:0.#}\" cy=\"{shape.Y:0.#}\" r=\"{radius:0.##}\"/>")
                : withId ? $"<path d=\"{shape.Path}\"/>" : $"<use href=\"#shape-{shape.Code}\" fill=\"none\"/>");
        }

        svg.Append("</g>");
    }

    private static string Description(WorldMap map)
    {
        var drawn = Counted(map).Count;
        var text = Texts.T(map.Total == 1 ? "{0:N0} record." : "{0:N0} records.", map.Total) + " "
            + Texts.T(drawn == 1 ? "{0} country is shaded by the number of records {1}, each a link to the search filtered by it." : "{0} countries are shaded by the number of records {1}, each a link to the search filtered by it.", drawn, map.View.LocalCountPhrase);
        var arcs = Math.Min(MaxArcs, DrawableFlows(map).Count());
        return arcs == 0 ? text : text + " " + Texts.T("Arrows show the {0} largest flows from where crimes were committed to the state prosecuting them. The tables beside the map give every number.", arcs);
    }

    private static IEnumerable<(Flow Flow, CountryShape From, CountryShape To)> DrawableFlows(WorldMap map) =>
        map.Flows
            .Where(f => f.Territory.Value != f.Forum.Value)
            .Select(f => (Flow: f, From: WorldShapes.Find(f.Territory.Value), To: WorldShapes.Find(f.Forum.Value)))
            .Where(f => f.From is not null && f.To is not null)
            .Select(f => (f.Flow, f.From!, f.To!));

    /// <summary>
    /// The largest flows as curved arrows, widths by count, at scale <paramref name="k"/>. Decoration over the links:
    /// they take no clicks and are hidden from screen readers (the flows table says the same).
    /// </summary>
    private static void Arcs(StringBuilder svg, WorldMap map, double k, string markerId)
    {
        var arcs = DrawableFlows(map).Take(MaxArcs).ToList();
        if (arcs.Count == 0)
        {
            return;
        }

        var max = arcs.Max(a => a.Flow.Count);
        svg.Append(CultureInfo.InvariantCulture, $"<defs><marker id=\"{markerId}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"{9 * k:0.###}\" markerHeight=\"{9 * k:0.###}\" orient=\"auto\"><path d=\"M0 1L10 5L0 9z\" fill=\"{FlowColour}\"/></marker></defs>");
        svg.Append(CultureInfo.InvariantCulture, $"<g aria-hidden=\"true\" fill=\"none\" stroke=\"{FlowColour}\" stroke-opacity=\".8\" stroke-linecap=\"round\" pointer-events=\"none\">");
        // Smallest first, so that the largest lie on top.
        foreach (var (flow, from, to) in arcs.AsEnumerable().Reverse())
        {
            var (dx, dy) = (to.X - from.X, to.Y - from.Y);
            // Bent to one side of the direction of travel, so that two opposite flows between the same states stay apart.
            var (cx, cy) = (((from.X + to.X) / 2) + (dy * .25), ((from.Y + to.Y) / 2) - (dx * .25));
            var width = (1 + (4.0 * flow.Count / max)) * k;
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{from.X:0.#} {from.Y:0.#}Q{cx:0.#} {cy:0.#} {to.X:0.#} {to.Y:0.#}\" stroke-width=\"{width:0.###}\" marker-end=\"url(#{markerId})\"/>");
        }

        svg.Append("</g>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
