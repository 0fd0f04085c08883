using System.Text.Json.Nodes;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;

namespace UjDatabase.Server.Elasticsearch;

/// <summary>
/// Turns a <see cref="CaseQuery"/> into an Elasticsearch search body. The text and the measure go in the query; facet
/// and event selections go in the <c>post_filter</c>, and every facet is an aggregation filtered by all selections
/// but its own, so counts are drill-sideways exactly as in the embedded engine.
/// </summary>
public static class EsQueryBuilder
{
    /// <summary>The name of the clauses that match text exactly; a hit without it matched only a similar name.</summary>
    public const string ExactName = "exact";

    public const string EventFilter = "event";

    private static readonly string[] TextFields = SearchFields.All.Select(f => f.Boost == 1f ? f.Name : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{f.Name}^{f.Boost}")).ToArray();

    private static readonly string[] HighlightFields = SearchFields.All.Select(f => f.Name).ToArray();

    public static JsonObject Search(CaseQuery query, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(query);
        var body = Base(query, timeout);
        body["from"] = (query.Page - 1) * query.Size;
        body["size"] = query.Size;
        body["track_total_hits"] = true;
        body["aggs"] = Aggregations(query);
        body["highlight"] = new JsonObject
        {
            ["encoder"] = "html",
            ["pre_tags"] = new JsonArray("<mark>"),
            ["post_tags"] = new JsonArray("</mark>"),
            ["number_of_fragments"] = 1,
            ["fragment_size"] = 160,
            ["fields"] = new JsonObject(HighlightFields.Select(f => KeyValuePair.Create(f, (JsonNode?)new JsonObject()))),
        };
        return body;
    }

    /// <summary>One page of a streamed export: point-in-time, search_after, no aggregations.</summary>
    public static JsonObject StreamPage(CaseQuery query, string pitId, JsonArray? searchAfter, int size, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(query);
        var body = Base(query, timeout);
        body["size"] = size;
        body["track_total_hits"] = false;
        body["pit"] = new JsonObject { ["id"] = pitId, ["keep_alive"] = "2m" };
        if (searchAfter is not null)
        {
            body["search_after"] = searchAfter;
        }

        return body;
    }

    private static JsonObject Base(CaseQuery query, TimeSpan timeout) => new()
    {
        ["timeout"] = $"{(long)timeout.TotalMilliseconds}ms",
        ["_source"] = false,
        ["query"] = MainQuery(query, QueryText.Parse(query.Text)),
        ["post_filter"] = Filter(query, except: null),
        ["sort"] = Sort(query),
    };

    private static JsonObject MainQuery(CaseQuery query, QueryText text)
    {
        var filter = new JsonArray(Term("published", true));
        if (query.Group is { } group)
        {
            filter.Add(Term("case_group", group));
        }

        if (query.Measure is { } measure && measure != Measure.Records)
        {
            var field = $"measure_years.{MeasureRules.Code(measure)}";
            filter.Add(query.Year is { } year ? Term(field, year) : new JsonObject { ["exists"] = new JsonObject { ["field"] = field } });
        }

        var boolQuery = new JsonObject { ["filter"] = filter };
        if (!text.IsEmpty)
        {
            var must = new JsonArray();
            foreach (var clause in text.Required)
            {
                must.Add(AnyOf(clause.Alternatives.Select(TermClause)));
            }

            if (text.Required.Count == 0)
            {
                must.Add(new JsonObject { ["match_all"] = new JsonObject() });
            }

            boolQuery["must"] = must;
            if (text.Excluded.Count > 0)
            {
                boolQuery["must_not"] = new JsonArray(text.Excluded.Select(t => (JsonNode?)ExactClause(t)).ToArray());
            }

            var should = new JsonArray();
            if (text.Required.Count > 0)
            {
                // Every term matched exactly: such records always rank above records found only by a similar name.
                should.Add(new JsonObject
                {
                    ["constant_score"] = new JsonObject
                    {
                        ["filter"] = new JsonObject { ["bool"] = new JsonObject { ["must"] = new JsonArray(text.Required.Select(c => (JsonNode?)AnyOf(c.Alternatives.Select(ExactClause))).ToArray()) } },
                        ["boost"] = SearchFields.ExactBonus,
                    },
                });
            }

            if (text.AdjacentWords is not null)
            {
                // Relevance alone ignores proximity: the words standing together as typed rank first.
                should.Add(MultiMatch(string.Join(' ', text.Required.Select(c => c.Alternatives[0].Raw)), "phrase", boost: SearchFields.AdjacencyBonus));
            }

            if (should.Count > 0)
            {
                boolQuery["should"] = should;
            }
        }

        return new JsonObject { ["bool"] = boolQuery };
    }

    private static JsonObject AnyOf(IEnumerable<JsonObject> clauses) =>
        new() { ["bool"] = new JsonObject { ["should"] = new JsonArray(clauses.Select(c => (JsonNode?)c).ToArray()), ["minimum_should_match"] = 1 } };

    private static JsonObject TermClause(QueryTerm term)
    {
        if (term.Kind != TermKind.Word)
        {
            return ExactClause(term);
        }

        var token = term.Tokens[0];
        var should = new JsonArray
        {
            ExactClause(term),
            new JsonObject
            {
                ["match"] = new JsonObject
                {
                    ["names.skeleton"] = new JsonObject { ["query"] = NameMatcher.Skeleton(token), ["fuzziness"] = "AUTO", ["boost"] = SearchFields.FuzzyWeight, ["_name"] = "fuzzy" },
                },
            },
            new JsonObject
            {
                ["wildcard"] = new JsonObject
                {
                    ["names.compact"] = new JsonObject { ["value"] = $"*{token}*", ["case_insensitive"] = true, ["boost"] = SearchFields.FuzzyWeight, ["_name"] = "fuzzy" },
                },
            },
        };
        return new JsonObject { ["bool"] = new JsonObject { ["should"] = should, ["minimum_should_match"] = 1 } };
    }

    private static JsonObject ExactClause(QueryTerm term) => term.Kind switch
    {
        TermKind.Phrase => MultiMatch(term.Raw, "phrase", name: ExactName),
        TermKind.Prefix => MultiMatch(term.Raw, "phrase_prefix", name: ExactName),
        _ => MultiMatch(term.Raw, "best_fields", name: ExactName),
    };

    private static JsonObject MultiMatch(string text, string type, string? name = null, double? boost = null)
    {
        var match = new JsonObject
        {
            ["query"] = text,
            ["type"] = type,
            ["fields"] = new JsonArray(TextFields.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
        };
        if (name is not null)
        {
            match["_name"] = name;
        }

        if (boost is not null)
        {
            match["boost"] = boost;
        }

        return new JsonObject { ["multi_match"] = match };
    }

    /// <summary>Every facet and event selection except <paramref name="except"/> (a facet name, or <see cref="EventFilter"/>).</summary>
    public static JsonObject Filter(CaseQuery query, string? except)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = new JsonArray();
        foreach (var facet in FacetCatalogue.All)
        {
            if (facet.Name == except || facet == FacetCatalogue.Crime || facet == FacetCatalogue.ChargeStage)
            {
                continue;
            }

            var selected = query.Selected(facet.Name);
            if (selected.Count > 0)
            {
                filters.Add(ValuesOrMissing(facet.IndexField, selected));
            }
        }

        if (ChargeFilter(query, except) is { } charges)
        {
            filters.Add(charges);
        }

        if (query.HasEventFilter && except != EventFilter)
        {
            filters.Add(Nested("events", EventClauses(query)));
        }

        return new JsonObject { ["bool"] = new JsonObject { ["filter"] = filters } };
    }

    /// <summary>Crime and charge stage match within one charge; "not recorded" in either means no charge at all.</summary>
    private static JsonObject? ChargeFilter(CaseQuery query, string? except)
    {
        var crimes = except == FacetCatalogue.Crime.Name ? [] : query.Selected(FacetCatalogue.Crime.Name);
        var stages = except == FacetCatalogue.ChargeStage.Name ? [] : query.Selected(FacetCatalogue.ChargeStage.Name);
        if (crimes.Count == 0 && stages.Count == 0)
        {
            return null;
        }

        // A charge matches when its crime is among the selected crimes (if any are selected) and its stage among the
        // selected stages; a half that selects only "not recorded" lets no charge match.
        var realCrimes = crimes.Where(c => c != FacetCatalogue.Missing).ToList();
        var realStages = stages.Where(s => s != FacetCatalogue.Missing).ToList();
        var options = new JsonArray();
        if ((crimes.Count == 0 || realCrimes.Count > 0) && (stages.Count == 0 || realStages.Count > 0))
        {
            var within = new JsonArray();
            if (realCrimes.Count > 0)
            {
                within.Add(Terms("charges.crime", realCrimes));
            }

            if (realStages.Count > 0)
            {
                within.Add(Terms("charges.stage", realStages));
            }

            options.Add(Nested("charges", within));
        }

        if (crimes.Contains(FacetCatalogue.Missing) || stages.Contains(FacetCatalogue.Missing))
        {
            options.Add(new JsonObject { ["bool"] = new JsonObject { ["must_not"] = new JsonArray(Nested("charges", new JsonArray(new JsonObject { ["exists"] = new JsonObject { ["field"] = "charges.crime" } }))) } });
        }

        return new JsonObject { ["bool"] = new JsonObject { ["should"] = options, ["minimum_should_match"] = 1 } };
    }

    private static JsonArray EventClauses(CaseQuery query)
    {
        var clauses = new JsonArray();
        if (query.EventType is not null)
        {
            clauses.Add(Term("events.type", query.EventType));
        }

        if (query.FromYear is not null || query.ToYear is not null)
        {
            var range = new JsonObject();
            if (query.FromYear is { } from)
            {
                range["gte"] = from;
            }

            if (query.ToYear is { } to)
            {
                range["lte"] = to;
            }

            clauses.Add(new JsonObject { ["range"] = new JsonObject { ["events.year"] = range } });
        }

        return clauses;
    }

    private static JsonObject Aggregations(CaseQuery query)
    {
        var aggs = new JsonObject();
        foreach (var facet in FacetCatalogue.All)
        {
            var inner = new JsonObject { ["missing"] = new JsonObject { ["missing"] = new JsonObject { ["field"] = facet.IndexField } } };
            if (facet == FacetCatalogue.Crime || facet == FacetCatalogue.ChargeStage)
            {
                // Count records per crime (or stage) among the charges the other half of the pair keeps.
                var (field, otherField, other) = facet == FacetCatalogue.Crime
                    ? ("charges.crime", "charges.stage", query.Selected(FacetCatalogue.ChargeStage.Name))
                    : ("charges.stage", "charges.crime", query.Selected(FacetCatalogue.Crime.Name));
                var keep = other.Any(v => v != FacetCatalogue.Missing) ? Terms(otherField, other.Where(v => v != FacetCatalogue.Missing)) : new JsonObject { ["match_all"] = new JsonObject() };
                inner["charges"] = new JsonObject
                {
                    ["nested"] = new JsonObject { ["path"] = "charges" },
                    ["aggs"] = new JsonObject
                    {
                        ["kept"] = new JsonObject
                        {
                            ["filter"] = keep,
                            ["aggs"] = new JsonObject { ["values"] = TermsWithRecords(field, 100) },
                        },
                    },
                };
            }
            else
            {
                inner["values"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = facet.IndexField, ["size"] = 500 } };
            }

            aggs[facet.Name] = new JsonObject { ["filter"] = Filter(query, except: facet.Name), ["aggs"] = inner };
        }

        var typed = query.EventType is null ? new JsonObject { ["match_all"] = new JsonObject() } : Term("events.type", query.EventType);
        aggs["event_years"] = new JsonObject
        {
            ["filter"] = Filter(query, except: EventFilter),
            ["aggs"] = new JsonObject
            {
                ["events"] = new JsonObject
                {
                    ["nested"] = new JsonObject { ["path"] = "events" },
                    ["aggs"] = new JsonObject
                    {
                        ["typed"] = new JsonObject { ["filter"] = typed, ["aggs"] = new JsonObject { ["years"] = TermsWithRecords("events.year", 1000) } },
                    },
                },
            },
        };
        return aggs;
    }

    /// <summary>A terms aggregation inside a nested object whose buckets also count the records (not the nested objects).</summary>
    private static JsonObject TermsWithRecords(string field, int size) => new()
    {
        ["terms"] = new JsonObject { ["field"] = field, ["size"] = size },
        ["aggs"] = new JsonObject { ["records"] = new JsonObject { ["reverse_nested"] = new JsonObject() } },
    };

    private static JsonArray Sort(CaseQuery query)
    {
        JsonObject Descending(string field) => new() { [field] = new JsonObject { ["order"] = "desc", ["missing"] = "_last" } };
        var tail = new[] { new JsonObject { ["sort_name"] = "asc" }, new JsonObject { ["id"] = "asc" } };
        JsonObject[] first = query.Sort switch
        {
            SortOrder.Name => [],
            SortOrder.Updated => [Descending("updated"), Descending("sort_date")],
            SortOrder.Relevance when query.Text is not null => [new JsonObject { ["_score"] = "desc" }],
            _ => [Descending("sort_date")],
        };
        return new JsonArray([.. first.Concat(tail).Select(o => (JsonNode?)o)]);
    }

    private static JsonObject ValuesOrMissing(string field, IReadOnlyList<string> selected)
    {
        var options = new JsonArray();
        var values = selected.Where(v => v != FacetCatalogue.Missing).ToList();
        if (values.Count > 0)
        {
            options.Add(Terms(field, values));
        }

        if (selected.Contains(FacetCatalogue.Missing))
        {
            options.Add(new JsonObject { ["bool"] = new JsonObject { ["must_not"] = new JsonArray(new JsonObject { ["exists"] = new JsonObject { ["field"] = field } }) } });
        }

        return new JsonObject { ["bool"] = new JsonObject { ["should"] = options, ["minimum_should_match"] = 1 } };
    }

    private static JsonObject Nested(string path, JsonArray filters) => new()
    {
        ["nested"] = new JsonObject { ["path"] = path, ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = filters } } },
    };

    private static JsonObject Term(string field, JsonNode? value) => new() { ["term"] = new JsonObject { [field] = value } };

    private static JsonObject Terms(string field, IEnumerable<string> values) =>
        new() { ["terms"] = new JsonObject { [field] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()) } };
}
