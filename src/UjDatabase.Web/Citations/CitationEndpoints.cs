using UjDatabase.Core.Storage;
using UjDatabase.Web.Setup;

namespace UjDatabase.Web.Citations;

/// <summary><c>/cases/{id}/cite.bib</c> and <c>/cases/{id}/cite.json</c>: a published record as BibTeX or CSL-JSON.</summary>
public static class CitationEndpoints
{
    public static IEndpointRouteBuilder MapCitations(this IEndpointRouteBuilder app)
    {
        app.MapGetAndHead("/cases/{id}/cite.bib", (string id, ICaseStore store, SiteSettings site, HttpResponse response, CancellationToken cancellationToken) =>
            CiteAsync(id, store, site, response, "bib", RecordCitation.BibTeXContentType, c => c.BibTeX(), cancellationToken)).ExcludeFromDescription();
        app.MapGetAndHead("/cases/{id}/cite.json", (string id, ICaseStore store, SiteSettings site, HttpResponse response, CancellationToken cancellationToken) =>
            CiteAsync(id, store, site, response, "json", RecordCitation.CslJsonContentType, c => c.CslJson(), cancellationToken)).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> CiteAsync(string id, ICaseStore store, SiteSettings site, HttpResponse response, string extension, string contentType, Func<RecordCitation, string> write, CancellationToken cancellationToken)
    {
        // The same answer as the case page: an odd id, an unknown record and a draft are all simply not found.
        if (!Core.Validation.CaseValidator.IsSlug(id) || await store.GetAsync(id, cancellationToken) is not { IsPublished: true } record)
        {
            return Results.NotFound();
        }

        response.Headers.ContentDisposition = $"attachment; filename=\"{id}.{extension}\"";
        return Results.Text(write(new RecordCitation(record, site)), contentType);
    }
}
