using UjDatabase.Core.Languages;
using Microsoft.AspNetCore.Http.HttpResults;
using UjDatabase.Core.Search;
using UjDatabase.Web.Setup;

namespace UjDatabase.Web.Api;

/// <summary><c>/api/names?prefix=…</c>: the search box's typeahead, names and aliases of published records as the user types.</summary>
public static class NamesApi
{
    public static ParameterDefinition Prefix { get; } = new("prefix", ParameterKind.Text, false,
        $"What was typed: names and aliases with words that start so (accents and case ignored). Under {NamePrefix.MinLetters} letters, nothing is suggested; at most {NamePrefix.MaxLength} characters.");

    public static ParameterDefinition Size { get; } = new("size", ParameterKind.WholeNumber, false, $"How many names at most (default {NameSuggestions.DefaultSize}).") { Minimum = 1, Maximum = NameSuggestions.MaxSize };

    public static IReadOnlyList<ParameterDefinition> Parameters { get; } = [Prefix, Size];

    public static IEndpointRouteBuilder MapNamesApi(this IEndpointRouteBuilder app)
    {
        app.MapGetAndHead("/api/names", SuggestAsync)
            .WithTags("Cases")
            .WithName("SuggestNames")
            .WithSummary("Names and aliases of published records that start with what was typed, each with the records it names")
            .WithDescription("For a search box's typeahead. A name that names one record leads to its page (records[0].url); one that names several, to the search for the name (search).")
            .WithQueryParameters(Parameters);
        return app;
    }

    private static async Task<Results<Ok<NamesResponse>, ValidationProblem>> SuggestAsync(HttpRequest request, ISearchEngine engine, CancellationToken cancellationToken)
    {
        var pairs = QueryFromRequest.Pairs(request).ToList();
        var errors = QueryParameters.Unknown(pairs, Parameters);
        errors.AddRange(QueryParameters.Repeated(pairs, Parameters));
        var text = pairs.FirstOrDefault(p => p.Key == Prefix.Name).Value ?? string.Empty;
        if (text.Length > NamePrefix.MaxLength)
        {
            errors.Add(new QueryError(Prefix.Name, text[..20] + "…", Texts.T("is longer than {0} characters", NamePrefix.MaxLength)));
        }
        else if (text.Any(char.IsControl))
        {
            errors.Add(new QueryError(Prefix.Name, string.Concat(text.Where(c => !char.IsControl(c))), Texts.T("contains control characters")));
        }

        var size = NameSuggestions.DefaultSize;
        var sizeText = pairs.FirstOrDefault(p => p.Key == Size.Name).Value;
        if (!string.IsNullOrEmpty(sizeText) && QueryParameters.TryReadInteger(Size, sizeText, out size) is { } bad)
        {
            errors.Add(bad);
        }

        if (errors.Count > 0)
        {
            return QueryFromRequest.Problem(errors);
        }

        var prefix = NamePrefix.Parse(text);
        var suggestions = prefix is null ? [] : await engine.SuggestNamesAsync(prefix, size, cancellationToken);
        return TypedResults.Ok(new NamesResponse(text, suggestions.Select(s => new NameItem(
            s.Name,
            s.Records.Select(r => new NamedRecordItem(r.Id, r.Title, Languages.LanguageLinks.Local($"/cases/{Uri.EscapeDataString(r.Id)}"))).ToList(),
            Languages.LanguageLinks.Local($"/search?q={Uri.EscapeDataString($"\"{s.Name.Replace("\"", string.Empty, StringComparison.Ordinal)}\"")}"))).ToList()));
    }
}

/// <summary>The typeahead's answer: what was typed and the names suggested for it.</summary>
public sealed record NamesResponse(string Prefix, IReadOnlyList<NameItem> Suggestions);

/// <summary>A suggested name, the records it names, and the search for it (where it names several).</summary>
public sealed record NameItem(string Name, IReadOnlyList<NamedRecordItem> Records, string Search);

/// <summary>A record a suggested name names, with its page.</summary>
public sealed record NamedRecordItem(string Id, string Title, string Url);
