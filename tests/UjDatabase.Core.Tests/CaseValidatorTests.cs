using System.Text.Json;
using System.Text.Json.Nodes;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Validation;
using UjDatabase.Tests;

namespace UjDatabase.Core.Tests;

public class CaseValidatorTests
{
    private static IReadOnlyList<ValidationProblem> DecodeWith(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(CaseJson.Serialize(SampleCases.Valid()))!.AsObject();
        change(node);
        return DecodeBothWays(node.ToJsonString());
    }

    /// <summary>
    /// Decodes a record from its elements and as a line of JSON Lines, where the strict deserializer reads it first,
    /// and checks that both ways find the same problems: the fast way must refuse whatever the shape check reports.
    /// </summary>
    internal static IReadOnlyList<ValidationProblem> DecodeBothWays(string json)
    {
        using var document = JsonDocument.Parse(json);
        var fromElements = CaseDecoder.Decode(document.RootElement, line: 7).Problems;
        var lines = string.Concat(Enumerable.Repeat("\n", 6)) + json + "\n";
        var item = Assert.Single(CaseFileReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(lines))));
        var fromLine = CaseDecoder.Decode(item)!.Problems;
        Assert.Equal(fromElements.Select(p => p.ToString()), fromLine.Select(p => p.ToString()));
        return fromElements;
    }

    private static ValidationProblem Single(Action<JsonObject> change)
    {
        var problems = DecodeWith(change);
        return Assert.Single(problems);
    }

    [Fact]
    public void A_complete_record_is_valid()
    {
        Assert.Empty(DecodeWith(_ => { }));
        Assert.Empty(CaseValidator.Validate(SampleCases.Valid()));
    }

    [Fact]
    public void Reports_every_problem_at_once_with_record_id_line_path_and_value()
    {
        var problems = DecodeWith(r =>
        {
            r["stage"] = "sentenced";
            r["forum"]!["country"] = "XX";
            r["events"]![1]!["date"] = "2021-13";
        });

        Assert.Equal(["events[1].date", "forum.country", "stage"], problems.Select(p => p.Path));
        var content = problems;
        Assert.All(content, p =>
        {
            Assert.Equal("sample-koblenz", p.RecordId);
            Assert.Equal(7, p.Line);
        });
        Assert.Equal("XX", content[1].Value);
        Assert.Contains("line 7: record 'sample-koblenz': stage = sentenced: is not a stage code", content[2].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_are_errors_at_any_depth()
    {
        var problems = DecodeWith(r =>
        {
            r["victim_count"] = 12;
            r["accused"]!["birth_year"] = 1963;
            r["events"]![0]!["place"] = "Berlin";
        });

        Assert.Equal(["accused.birth_year", "events[0].place", "victim_count"], problems.Select(p => p.Path));
        Assert.All(problems, p => Assert.Contains("is not a field of the format", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_json_types_are_errors()
    {
        var problems = DecodeWith(r =>
        {
            r["title"] = 5;
            r["territorial_countries"] = "SY";
            r["sentence"]!["years"] = "ten";
            r["accused"] = "Anwar R.";
        });

        Assert.Equal(["title", "accused", "territorial_countries", "sentence.years"], problems.Select(p => p.Path));

        var withoutAccused = DecodeWith(r =>
        {
            r["territorial_countries"] = "SY";
            r["stage"] = "sentenced";
        });
        Assert.Equal(["territorial_countries", "stage"], withoutAccused.Select(p => p.Path));
    }

    [Fact]
    public void Missing_required_fields_are_errors()
    {
        var problems = DecodeWith(r =>
        {
            r.Remove("id");
            r.Remove("forum");
        });

        Assert.Equal(["forum", "id"], problems.Select(p => p.Path).Order());
        Assert.All(problems, p => Assert.Equal("is required", p.Message));
    }

    [Fact]
    public void Null_lists_mean_nothing_recorded_but_null_items_are_errors()
    {
        Assert.Empty(DecodeWith(r => r["accused"]!["aliases"] = null));
        Assert.Equal("accused.aliases[0]", Single(r => r["accused"]!["aliases"] = new JsonArray((JsonNode?)null)).Path);
    }

    [Theory]
    [InlineData("accused.type", "suspect")]
    [InlineData("accused.gender", "m")]
    [InlineData("accused.affiliation", "army")]
    [InlineData("charges[0].crime", "murder")]
    [InlineData("charges[0].stage", "indicted")]
    [InlineData("jurisdiction_basis[0]", "universal_jurisdiction")]
    [InlineData("stage", "closed_case")]
    [InlineData("verdict", "guilty")]
    [InlineData("presence", "absent")]
    [InlineData("events[0].type", "detention")]
    [InlineData("events[1].outcome", "guilty")]
    [InlineData("sentence.type", "prison")]
    [InlineData("publication", "public")]
    public void Unknown_codes_are_errors_that_list_the_allowed_codes(string path, string value)
    {
        var problem = Single(r => Set(r, path, value));

        Assert.Equal(path, problem.Path);
        Assert.Equal(value, problem.Value);
        Assert.Contains("one of:", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("forum.country", "Germany")]
    [InlineData("forum.country", "de")]
    [InlineData("territorial_countries[0]", "SYR")]
    [InlineData("accused.nationalities[0]", "QQ")]
    public void Unknown_country_codes_are_errors(string path, string value)
    {
        var problem = Single(r => Set(r, path, value));

        Assert.Equal(path, problem.Path);
        Assert.Contains("ISO 3166-1 alpha-2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Historical_country_codes_name_the_successors_to_use()
    {
        var problem = Single(r => Set(r, "territorial_countries[0]", "YU"));

        Assert.Contains("Yugoslavia", problem.Message, StringComparison.Ordinal);
        Assert.Contains("BA, HR, ME, MK, RS, SI, XK", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("crime_period.from", "2011-4")]
    [InlineData("events[0].date", "12/02/2019")]
    [InlineData("sources[0].date", "2021-02-30")]
    [InlineData("updated", "yesterday")]
    public void Malformed_dates_are_errors(string path, string value)
    {
        var problem = Single(r => Set(r, path, value));

        Assert.Equal(path, problem.Path);
        Assert.Equal($"\"{value}\"", problem.Value);
    }

    [Fact]
    public void An_event_dated_before_the_crime_period_began_is_an_error()
    {
        var problem = Single(r => Set(r, "events[0].date", "2011-03-31"));

        Assert.Equal("events[0].date", problem.Path);
        Assert.Contains("before the crime period began (2011-04)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_known_only_to_the_year_of_the_crime_period_start_is_not_before_it()
    {
        Assert.Empty(DecodeWith(r => Set(r, "events[0].date", "2011")));
    }

    [Fact]
    public void A_crime_period_that_ends_before_it_begins_is_an_error()
    {
        Assert.Equal("crime_period.to", Single(r => Set(r, "crime_period.to", "2010")).Path);
    }

    [Fact]
    public void A_crime_period_without_a_start_is_an_error()
    {
        Assert.Equal("crime_period.from", Single(r => r["crime_period"]!["from"] = null).Path);
    }

    [Fact]
    public void An_outcome_on_an_event_that_is_not_a_verdict_is_an_error()
    {
        Assert.Equal("events[0].outcome", Single(r => Set(r, "events[0].outcome", "convicted")).Path);
    }

    [Theory]
    [InlineData("id", "Raslan Koblenz")]
    [InlineData("id", "raslan--koblenz")]
    [InlineData("case_group", "Al-Khatib")]
    [InlineData("related[0]", "not a slug")]
    public void Ids_must_be_slugs(string path, string value)
    {
        var problem = DecodeWith(r =>
        {
            r["related"] = new JsonArray("other-case");
            Set(r, path, value);
        })[0];

        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void A_record_cannot_be_related_to_itself_or_list_a_value_twice()
    {
        var problems = DecodeWith(r =>
        {
            r["related"] = new JsonArray("sample-koblenz");
            r["jurisdiction_basis"] = new JsonArray("universal", "universal");
        });

        Assert.Equal(["jurisdiction_basis[1]", "related[0]"], problems.Select(p => p.Path));
    }

    [Fact]
    public void Blank_text_and_text_with_outer_spaces_are_errors()
    {
        var problems = DecodeWith(r =>
        {
            r["title"] = "  ";
            r["situation"] = " Syria";
        });

        Assert.Equal(["title", "situation"], problems.Select(p => p.Path));
    }

    [Fact]
    public void A_published_record_needs_a_source_and_a_summary_but_a_draft_does_not()
    {
        var published = DecodeWith(r =>
        {
            r["sources"] = new JsonArray();
            r["summary"] = null;
        });
        var draft = DecodeWith(r =>
        {
            r["sources"] = new JsonArray();
            r["summary"] = null;
            r["publication"] = "draft";
        });

        Assert.Equal(["summary", "sources"], published.Select(p => p.Path));
        Assert.Empty(draft);
    }

    [Theory]
    [InlineData("ftp://example.org/x")]
    [InlineData("example.org/x")]
    [InlineData("javascript:alert(1)")]
    public void Source_urls_must_be_absolute_http_addresses(string url)
    {
        Assert.Equal("sources[0].url", Single(r => Set(r, "sources[0].url", url)).Path);
    }

    [Fact]
    public void A_record_needs_at_least_one_charge()
    {
        Assert.Equal("charges", Single(r => r["charges"] = new JsonArray()).Path);
    }

    [Fact]
    public void An_unidentified_suspect_has_no_name_and_a_person_must_have_one()
    {
        Assert.Empty(DecodeWith(r =>
        {
            r["accused"]!["type"] = "unidentified";
            r["accused"]!["name"] = null;
        }));
        Assert.Equal("accused.name", Single(r => r["accused"]!["name"] = null).Path);
        Assert.Equal("accused.name", Single(r => r["accused"]!["type"] = "unidentified").Path);
    }

    [Fact]
    public void The_updated_date_must_be_a_full_date()
    {
        Assert.Equal("updated", Single(r => r["updated"] = "2026-11").Path);
    }

    [Fact]
    public void Sentence_years_must_be_positive()
    {
        Assert.Equal("sentence.years", Single(r => r["sentence"]!["years"] = 0).Path);
        Assert.Empty(DecodeWith(r => r["sentence"]!["years"] = 1084));
    }

    [Fact]
    public void A_field_given_twice_is_an_error()
    {
        var json = CaseJson.Serialize(SampleCases.Valid()).Replace("\"stage\":\"judgment\"", "\"stage\":\"judgment\",\"stage\":\"trial\"", StringComparison.Ordinal);
        var problem = Assert.Single(DecodeBothWays(json));

        Assert.Equal("stage", problem.Path);
        Assert.Equal("appears twice", problem.Message);
    }

    /// <summary>Sets a value at a path like <c>events[0].date</c>.</summary>
    private static void Set(JsonObject record, string path, string value)
    {
        JsonNode node = record;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            var last = i == parts.Length - 1;
            if (bracket < 0)
            {
                if (last)
                {
                    node[name] = value;
                }
                else
                {
                    node = node[name]!;
                }

                continue;
            }

            var index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            var array = node[name]!.AsArray();
            if (last)
            {
                array[index] = value;
            }
            else
            {
                node = array[index]!;
            }
        }
    }
}
