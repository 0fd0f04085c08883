using UjDatabase.Core.Languages;
using System.Globalization;
using UjDatabase.Core.Statistics;
using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Core.Search;

/// <summary>A URL parameter that could not be used, and why.</summary>
public sealed record QueryError(string Parameter, string Value, string Message)
{
    public override string ToString() => $"{Parameter}={Value}: {Message}";
}

/// <summary>A parsed query and the parameters that were wrong; the query is usable only when there are no errors.</summary>
public sealed record ParsedQuery(CaseQuery Query, IReadOnlyList<QueryError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Reads a <see cref="CaseQuery"/> from URL parameters. Unknown parameters are ignored; bad values are reported.</summary>
public static class CaseQueryParser
{
    public static ParsedQuery Parse(string queryString)
    {
        ArgumentNullException.ThrowIfNull(queryString);
        var pairs = queryString.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            return new KeyValuePair<string, string>(Unescape(name), Unescape(value));
        });
        return Parse(pairs);
    }

    public static ParsedQuery Parse(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var errors = new List<QueryError>();
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var query = new CaseQuery();
        var seenSingle = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (name, rawValue) in parameters)
        {
            var value = rawValue ?? string.Empty;
            if (FacetCatalogue.Find(name) is { } facet)
            {
                if (value.Length == 0)
                {
                    continue;
                }

                if (value != FacetCatalogue.Missing && !facet.IsValidValue(value))
                {
                    errors.Add(new(name, value, Texts.T("is not a {0} value", Texts.InSentence(facet.LocalLabel))));
                    continue;
                }

                var list = filters.TryGetValue(name, out var existing) ? (List<string>)existing : [];
                if (!list.Contains(value))
                {
                    list.Add(value);
                }

                filters[name] = list;
                continue;
            }

            if (name is "q" or "group" or "event" or "from" or "to" or "measure" or "year" or "unit" or "sort" or "page" or "size" && !seenSingle.Add(name))
            {
                errors.Add(new(name, value, Texts.T("may be given only once")));
                continue;
            }

            switch (name)
            {
                case "q":
                    var text = value.Trim();
                    if (text.Length > CaseQuery.MaxTextLength)
                    {
                        errors.Add(new(name, text[..20] + "…", Texts.T("is longer than {0} characters", CaseQuery.MaxTextLength)));
                    }
                    else
                    {
                        query = query with { Text = text.Length == 0 ? null : text };
                    }

                    break;
                case "group":
                    if (value.Length > 0)
                    {
                        query = Validation.CaseValidator.IsSlug(value)
                            ? query with { Group = value }
                            : Fail(query, errors, name, value, "is not a case group id (lower-case letters, digits and hyphens)");
                    }

                    break;
                case "event":
                    if (value.Length > 0 && !Catalogue.EventType.Contains(value))
                    {
                        errors.Add(new(name, value, Texts.T("is not an event type (one of: {0})", Catalogue.EventType.CodeList)));
                    }
                    else
                    {
                        query = query with { EventType = value.Length == 0 ? null : value };
                    }

                    break;
                case "from":
                case "to":
                    if (value.Length == 0)
                    {
                        break;
                    }

                    if (value.Length != 4 || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1000)
                    {
                        errors.Add(new(name, value, Texts.T("is not a year (YYYY)")));
                    }
                    else
                    {
                        query = name == "from" ? query with { FromYear = year } : query with { ToYear = year };
                    }

                    break;
                case "measure":
                    if (value.Length > 0)
                    {
                        query = MeasureRules.TryParse(value, out var measure)
                            ? query with { Measure = measure }
                            : Fail(query, errors, name, value, $"is not a measure (one of: {MeasureRules.CodeList})");
                    }

                    break;
                case "year":
                    if (value.Length > 0)
                    {
                        query = value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var measureYear) && measureYear >= 1000
                            ? query with { Year = measureYear }
                            : Fail(query, errors, name, value, Texts.T("is not a year (YYYY)"));
                    }

                    break;
                case "unit":
                    if (value.Length > 0)
                    {
                        query = StatisticsRequest.TryParseUnit(value, out var unit)
                            ? query with { Unit = unit }
                            : Fail(query, errors, name, value, "is not a unit (defendants, cases or charges)");
                    }

                    break;
                case "sort":
                    query = value switch
                    {
                        "" or "relevance" => query with { Sort = SortOrder.Relevance },
                        "date" => query with { Sort = SortOrder.Date },
                        "name" => query with { Sort = SortOrder.Name },
                        "updated" => query with { Sort = SortOrder.Updated },
                        _ => Fail(query, errors, name, value, "is not a sort order (relevance, date, name or updated)"),
                    };
                    break;
                case "page":
                    query = ParseNumber(value, 1, int.MaxValue, out var page)
                        ? query with { Page = page }
                        : Fail(query, errors, name, value, "is not a page number (1 or more)");
                    break;
                case "size":
                    query = ParseNumber(value, 1, CaseQuery.MaxSize, out var size)
                        ? query with { Size = size }
                        : Fail(query, errors, name, value, $"is not a page size (1 to {CaseQuery.MaxSize})");
                    break;
                default:
                    break;
            }
        }

        if (query.FromYear > query.ToYear)
        {
            errors.Add(new("from", query.FromYear.Value.ToString(CultureInfo.InvariantCulture), Texts.T("is after to={0}", query.ToYear)));
        }

        if (query.Year is not null && query.Measure is null or Statistics.Measure.Records)
        {
            errors.Add(new("year", query.Year.Value.ToString(CultureInfo.InvariantCulture), Texts.T("needs a measure (measure=developments, new, convicted, acquitted or on_trial)")));
        }

        if ((long)query.Page * query.Size > CaseQuery.MaxWindow)
        {
            errors.Add(new("page", query.Page.ToString(CultureInfo.InvariantCulture),
                Texts.T("goes past the first {0} results; narrow the search or export it instead", CaseQuery.MaxWindow)));
        }

        return new ParsedQuery(query with { Filters = filters }, errors);
    }

    private static bool ParseNumber(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    private static CaseQuery Fail(CaseQuery query, List<QueryError> errors, string name, string value, string message)
    {
        errors.Add(new(name, value, message));
        return query;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
