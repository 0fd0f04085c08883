using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Search;
using UjDatabase.Web.Api;
using UjDatabase.Web.Map;
using UjDatabase.Core.Languages;

namespace UjDatabase.Web.Pages.Map;

/// <summary>The world map of the current search, with its counts and flows as tables.</summary>
public sealed class IndexModel(WorldMapService maps) : PageModel
{
    public CaseQuery Query { get; private set; } = CaseQuery.Empty;

    public MapView View { get; private set; } = MapView.Forum;

    public WorldMap? Map { get; private set; }

    public string Svg { get; private set; } = string.Empty;

    public string Inset { get; private set; } = string.Empty;

    public IReadOnlyList<QueryError> Errors { get; private set; } = [];

    /// <summary>Parameters in the address that this page does not take: shown, never silently dropped.</summary>
    public IReadOnlyList<QueryError> Ignored { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var parsed = CaseQueryParser.Parse(QueryFromRequest.Pairs(Request));
        Ignored = QueryFromRequest.Unknown(Request, RouteParameters.Map);
        Query = parsed.Query.AsListing();
        var errors = parsed.Errors.ToList();
        var (code, repeated) = QueryFromRequest.OneValue(Request, MapView.Parameter.Name);
        if (repeated is not null)
        {
            errors.Add(repeated);
        }
        else if (MapView.Find(code) is { } view)
        {
            View = view;
        }
        else
        {
            errors.Add(new QueryError(MapView.Parameter.Name, code!, Texts.T("is not a view of the map ({0})", string.Join(Texts.T(" or "), MapView.Parameter.Values))));
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Map = await maps.BuildAsync(Query, View, cancellationToken);
        Svg = MapSvg.Render(Map);
        Inset = MapSvg.RenderInset(Map);
        return Page();
    }
}
