using UjDatabase.Core.Languages;
using Microsoft.AspNetCore.Http.HttpResults;
using UjDatabase.Core.Search;

namespace UjDatabase.Web.Api;

/// <summary>Reads a <see cref="CaseQuery"/> from a request's query string; pages, API and feeds all go through here.</summary>
public static class QueryFromRequest
{
    /// <summary>The search parameters of a request, with a problem for every parameter the route does not take.</summary>
    public static ParsedQuery Parse(HttpRequest request, IReadOnlyList<ParameterDefinition> accepted)
    {
        var pairs = Pairs(request).ToList();
        var parsed = CaseQueryParser.Parse(pairs);
        var unknown = QueryParameters.Unknown(pairs, accepted);
        return unknown.Count == 0 ? parsed : parsed with { Errors = [.. parsed.Errors, .. unknown] };
    }

    /// <summary>The parameters a page does not take: pages show them as a notice instead of failing.</summary>
    public static IReadOnlyList<QueryError> Unknown(HttpRequest request, IReadOnlyList<ParameterDefinition> accepted) =>
        QueryParameters.Unknown(Pairs(request), accepted);

    /// <summary>The query string as name–value pairs, repeated names kept, in order.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Pairs(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? string.Empty)));
    }

    /// <summary>The one value of a parameter that may be given once, or the problem when it is repeated.</summary>
    public static (string? Value, QueryError? Error) OneValue(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.Query[name];
        return values.Count > 1 ? (null, new QueryError(name, string.Join(",", values.ToArray()), Texts.T("may be given only once"))) : (values.Count == 0 ? null : values[0], null);
    }

    /// <summary>An RFC 7807 problem for invalid parameters, listing each as <c>errors[parameter]</c>.</summary>
    public static ValidationProblem Problem(ParsedQuery parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return Problem(parsed.Errors);
    }

    public static ValidationProblem Problem(IReadOnlyList<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var byParameter = errors.GroupBy(e => e.Parameter).ToDictionary(g => g.Key, g => g.Select(e => $"'{e.Value}' {e.Message}").ToArray());
        return TypedResults.ValidationProblem(byParameter, title: Texts.T("Some parameters are not valid."), detail: string.Join("; ", errors));
    }
}
