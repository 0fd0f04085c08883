using System.Text.Json.Nodes;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;

namespace UjDatabase.Server.Elasticsearch;

/// <summary>The Elasticsearch document of a record (see index-mappings/README.md), built from the same <see cref="SearchDocument"/> as the embedded index.</summary>
public static class EsDocument
{
    private static readonly Measure[] YearMeasures = [Measure.Developments, Measure.New, Measure.Convicted, Measure.Acquitted, Measure.OnTrial];

    public static JsonObject Build(CaseRecord record, long version, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(record);
        var doc = SearchDocument.From(record);
        var json = new JsonObject
        {
            ["id"] = record.Id,
            ["published"] = doc.Published,
            // One value per name, so that the compact keyword (spaces and hyphens removed) holds each name whole.
            ["names"] = new JsonArray(doc.Names.Append(record.Title).Distinct(StringComparer.Ordinal).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
        };
        foreach (var field in SearchFields.All.Where(f => f != SearchFields.Names))
        {
            json[field.Name] = doc.Text[field];
        }

        foreach (var (facet, values) in doc.Facets)
        {
            // A facet with no value is left out: "missing" is the Not-recorded bucket.
            if (values.Count > 0)
            {
                json[facet.IndexField] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
            }
        }

        json["charges"] = new JsonArray(doc.Charges.Select(c => (JsonNode?)new JsonObject
        {
            ["crime"] = c.Crime,
            ["stage"] = c.Stage,
            ["topics"] = new JsonArray(doc.ChargeTopics.Where(t => t.Crime == c.Crime && t.Stage == c.Stage).Select(t => (JsonNode?)t.Topic).Distinct().ToArray()),
        }).ToArray());
        json["events"] = new JsonArray(doc.EventFacts.Select(e => (JsonNode?)new JsonObject { ["type"] = e.Type, ["year"] = e.Year, ["outcome"] = e.Outcome }).ToArray());
        var years = new JsonObject();
        foreach (var measure in YearMeasures)
        {
            years[MeasureRules.Code(measure)] = new JsonArray(MeasureRules.YearsOf(doc.EventFacts, measure, currentYear).Select(y => (JsonNode?)JsonValue.Create(y)).ToArray());
        }

        json["measure_years"] = years;
        json["case_group"] = doc.CaseGroup;
        json["sort_name"] = doc.SortName;
        json["sort_date"] = doc.SortDate == 0 ? null : doc.SortDate;
        json["updated"] = doc.Updated;
        json["version"] = version;
        return json;
    }
}
