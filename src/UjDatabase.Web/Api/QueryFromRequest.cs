using UjDatabase.Core.Search;

namespace UjDatabase.Web.Api;

/// <summary>Reads a <see cref="CaseQuery"/> from a request's query string; pages, API and feeds all go through here.</summary>
public static class QueryFromRequest
{
    public static ParsedQuery Parse(HttpRequest request) => CaseQueryParser.Parse(Pairs(request));

    /// <summary>The query string as name–value pairs, repeated names kept, in order.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Pairs(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? string.Empty)));
    }

    /// <summary>An RFC 7807 problem for invalid parameters, listing each as <c>errors[parameter]</c>.</summary>
    public static IResult Problem(ParsedQuery parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return Problem(parsed.Errors);
    }

    public static IResult Problem(IReadOnlyList<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var byParameter = errors.GroupBy(e => e.Parameter).ToDictionary(g => g.Key, g => g.Select(e => $"'{e.Value}' {e.Message}").ToArray());
        return Results.ValidationProblem(byParameter, title: "Some parameters are not valid.", detail: string.Join("; ", errors));
    }
}
