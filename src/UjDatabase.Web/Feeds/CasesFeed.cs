using System.Globalization;
using System.Text;
using System.Xml;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Search;
using UjDatabase.Core.Vocabularies;
using UjDatabase.Web.Api;
using UjDatabase.Web.Search;
using UjDatabase.Web.Setup;
using UjDatabase.Core.Languages;
using UjDatabase.Web.Languages;

namespace UjDatabase.Web.Feeds;

/// <summary><c>/feeds/cases.atom?…</c>: an Atom feed of any search's newest and most recently updated records.</summary>
public static class CasesFeed
{
    public const int MaxEntries = 50;

    public static IEndpointRouteBuilder MapCasesFeed(this IEndpointRouteBuilder app)
    {
        app.MapGetAndHead("/feeds/cases.atom", FeedAsync)
            .WithTags("Feeds")
            .WithName("CasesFeed")
            .WithSummary("Atom feed of a search's newest and updated records")
            .WithQueryParameters(RouteParameters.Feed)
            .WithFileResponses("application/atom+xml")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> FeedAsync(HttpRequest request, ISearchEngine engine, Setup.SiteSettings site, CancellationToken cancellationToken)
    {
        var parsed = QueryFromRequest.Parse(request, RouteParameters.Feed);
        if (!parsed.IsValid)
        {
            return QueryFromRequest.Problem(parsed);
        }

        // Newest first by the day a record was last checked, then by its latest development: one page of the search.
        var newest = await engine.SearchAsync(parsed.Query with { Sort = SortOrder.Updated, Page = 1, Size = MaxEntries }, cancellationToken);
        var entries = newest.Hits.Select(h => h.Record).ToList();
        var baseUrl = site.BaseUrl;
        var self = site.Absolute(SearchLinks.Feed(parsed.Query));
        return Results.Text(Write(baseUrl, parsed.Query, entries, self), "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    private static string Write(string baseUrl, CaseQuery query, List<CaseRecord> entries, string self)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", atom);
            xml.WriteAttributeString("xml", "lang", null, Texts.Current);
            xml.WriteElementString("title", atom, $"UjDatabase: {query.Describe()}");
            xml.WriteElementString("id", atom, self);
            xml.WriteElementString("updated", atom, Timestamp(entries.Count == 0 ? null : entries.Max(e => e.Updated)));
            Link(xml, atom, "self", self, "application/atom+xml");
            Link(xml, atom, "alternate", baseUrl + SearchLinks.To(query), "text/html");
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, "UjDatabase");
            xml.WriteEndElement();
            foreach (var record in entries)
            {
                // The entry's id is the record's permalink in every language, so that a reader following both feeds sees one record.
                var url = $"{baseUrl}/cases/{record.Id}";
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("title", atom, record.Title);
                xml.WriteElementString("id", atom, url);
                xml.WriteElementString("updated", atom, Timestamp(record.Updated));
                Link(xml, atom, "alternate", baseUrl + LanguageLinks.Local($"/cases/{record.Id}"), "text/html");
                xml.WriteStartElement("summary", atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(Summary(record));
                xml.WriteEndElement();
                // One category per outcome and crime ("Convicted of war crimes"), never the verdict beside every charge.
                foreach (var outcome in ChargeOutcomes.Of(record))
                {
                    foreach (var crime in outcome.Crimes)
                    {
                        xml.WriteStartElement("category", atom);
                        xml.WriteAttributeString("term", $"{outcome.Stage}:{crime}");
                        xml.WriteAttributeString("label", ChargeOutcomes.Describe(outcome.Stage, crime));
                        xml.WriteEndElement();
                    }
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static string Summary(CaseRecord record)
    {
        var latest = record.Events.Count == 0 ? null : RecordDisplay.Describe(record.Events[^1]);
        return latest is null ? record.Summary ?? string.Empty : $"{Texts.T("Latest:")} {latest}. {record.Summary}";
    }

    private static void Link(XmlWriter xml, string atom, string rel, string href, string type)
    {
        xml.WriteStartElement("link", atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }

    private static string Timestamp(PartialDate? date) =>
        (date?.Earliest ?? new DateOnly(2000, 1, 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}
