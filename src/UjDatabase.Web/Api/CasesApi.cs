using Microsoft.AspNetCore.Http.HttpResults;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Vocabularies;
using UjDatabase.Web.Setup;
using UjDatabase.Core.Languages;

namespace UjDatabase.Web.Api;

/// <summary>The JSON API over cases: <c>/api/cases</c> searches, <c>/api/cases/{id}</c> returns one record.</summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases");
        group.MapGetAndHead("/", SearchAsync)
            .WithName("SearchCases")
            .WithSummary("Search published cases")
            .WithDescription("Takes the search parameters of the site. Repeating a facet parameter ORs its values; different facets AND. Facet counts are drill-sideways: each facet is counted under every selection but its own.")
            .WithQueryParameters(RouteParameters.Search);
        group.MapGetAndHead("/{id}", GetAsync)
            .WithName("GetCase")
            .WithSummary("One published case in the interchange format v1.1")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<CaseSearchResponse>, ValidationProblem>> SearchAsync(HttpRequest request, ISearchEngine engine, CancellationToken cancellationToken)
    {
        var parsed = QueryFromRequest.Parse(request, RouteParameters.Search);
        if (!parsed.IsValid)
        {
            return QueryFromRequest.Problem(parsed);
        }

        var query = parsed.Query;
        var result = await engine.SearchAsync(query, cancellationToken);
        return TypedResults.Ok(new CaseSearchResponse(
            result.Total,
            query.Page,
            query.Size,
            query.ToQueryString(),
            result.Notice,
            result.Hits.Select(h => new CaseSearchItem(
                h.Record.Id,
                $"/cases/{h.Record.Id}",
                h.Record.DisplayName,
                h.Record.Title,
                h.Record.Forum.Country,
                h.Record.Forum.Court,
                h.Record.TerritorialCountries,
                h.Record.Charges.Select(c => c.Crime!).Distinct().ToList(),
                ChargeOutcomes.CrimesAt(h.Record, "convicted"),
                ChargeOutcomes.CrimesAt(h.Record, "acquitted"),
                ChargeOutcomes.CrimesAt(h.Record, "charged"),
                ChargeOutcomes.CrimesAt(h.Record, "alleged"),
                ChargeOutcomes.CrimesAt(h.Record, "dropped"),
                h.Record.Stage,
                h.Record.Verdict,
                h.Highlights,
                h.FuzzyName)).ToList(),
            result.Facets,
            result.EventYears));
    }

    private static async Task<Results<Ok<CaseRecord>, ProblemHttpResult>> GetAsync(string id, ICaseStore store, CancellationToken cancellationToken)
    {
        var record = Core.Validation.CaseValidator.IsSlug(id) ? await store.GetAsync(id, cancellationToken) : null;
        return record is { IsPublished: true }
            ? TypedResults.Ok(record)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Texts.T("No such case."), detail: Texts.T("There is no published case with id '{0}'.", id));
    }
}

/// <summary>A page of search results with facets.</summary>
public sealed record CaseSearchResponse(
    long Total,
    int Page,
    int Size,
    string Query,
    string? Notice,
    IReadOnlyList<CaseSearchItem> Items,
    IReadOnlyList<FacetResult> Facets,
    IReadOnlyList<FacetValue> EventYears);

/// <summary>
/// One search result: the main facts of the record, and highlighted snippets (HTML with <c>&lt;mark&gt;</c>).
/// <c>Crimes</c> lists every crime at any stage; the outcome lists say what the accused was convicted of, acquitted
/// of, charged with, investigated for, and what was dropped.
/// </summary>
public sealed record CaseSearchItem(
    string Id,
    string Url,
    string Accused,
    string Title,
    string? Forum,
    string? Court,
    IReadOnlyList<string> Territories,
    IReadOnlyList<string> Crimes,
    IReadOnlyList<string> ConvictedOf,
    IReadOnlyList<string> AcquittedOf,
    IReadOnlyList<string> ChargedWith,
    IReadOnlyList<string> InvestigatedFor,
    IReadOnlyList<string> Dropped,
    string? Stage,
    string? Verdict,
    IReadOnlyList<string> Highlights,
    bool FuzzyName);
