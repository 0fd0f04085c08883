using System.Text.Json;
using System.Text.Json.Nodes;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Validation;
using UjDatabase.Tests;

namespace UjDatabase.Core.Tests;

/// <summary>Format v1.1: its fields, their checks, and that v1 files are read and written back unchanged.</summary>
public class FormatVersionTests
{
    private static IReadOnlyList<ValidationProblem> DecodeWith(CaseRecord record, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(CaseJson.Serialize(record))!.AsObject();
        change(node);
        return CaseValidatorTests.DecodeBothWays(node.ToJsonString());
    }

    private static IReadOnlyList<ValidationProblem> Change(Action<JsonObject> change) => DecodeWith(SampleCases.WithEveryField(), change);

    [Fact]
    public void A_record_with_every_v1_1_field_is_valid_and_round_trips_byte_for_byte()
    {
        var json = CaseJson.Serialize(SampleCases.WithEveryField(), indented: true);
        using var document = JsonDocument.Parse(json);
        var decoded = CaseDecoder.Decode(document.RootElement);

        Assert.Empty(decoded.Problems);
        Assert.Equal(json, CaseJson.Serialize(decoded.Record!, indented: true));
        foreach (var field in new[] { "\"topics\"", "\"legal_issues\"", "\"civil_society\"", "\"victims\"", "\"reparation\"", "\"residence_country\"" })
        {
            Assert.Contains(field, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_v1_record_is_written_back_without_any_v1_1_field()
    {
        var v1 = CaseJson.Serialize(SampleCases.Valid(), indented: true);

        foreach (var field in new[] { "topics", "legal_issues", "civil_society", "victims", "reparation", "residence_country" })
        {
            Assert.DoesNotContain($"\"{field}\"", v1, StringComparison.Ordinal);
        }

        using var document = JsonDocument.Parse(v1);
        Assert.Equal(v1, CaseJson.Serialize(CaseDecoder.Decode(document.RootElement).Record!, indented: true));
    }

    [Theory]
    [InlineData("topics", "torture")]
    [InlineData("charges[0].topics", "rape")]
    [InlineData("legal_issues[0].issue", "jurisdiction")]
    [InlineData("civil_society[0].roles", "lawyer")]
    [InlineData("reparation.forms", "money")]
    public void Unknown_v1_1_codes_are_errors_that_list_the_allowed_codes(string path, string value)
    {
        var problems = Change(r =>
        {
            switch (path)
            {
                case "topics": r["topics"]![0] = value; break;
                case "charges[0].topics": r["charges"]![0]!["topics"]![0] = value; break;
                case "legal_issues[0].issue": r["legal_issues"]![0]!["issue"] = value; break;
                case "civil_society[0].roles": r["civil_society"]![0]!["roles"]![0] = value; break;
                default: r["reparation"]!["forms"]![0] = value; break;
            }
        });

        var problem = Assert.Single(problems);
        Assert.StartsWith(path, problem.Path, StringComparison.Ordinal);
        Assert.Contains("one of:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_legal_issue_needs_a_note_and_an_organisation_a_name_and_a_role_once()
    {
        var problems = Change(r =>
        {
            r["legal_issues"]![0]!["note"] = null;
            r["civil_society"]![0]!["roles"] = new JsonArray();
            r["civil_society"]!.AsArray().Add(new JsonObject { ["name"] = "sample centre for rights", ["roles"] = new JsonArray("documentation") });
        });

        Assert.Equal(["civil_society[0].roles", "civil_society[1].name", "legal_issues[0].note"], problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Empty_victims_and_reparation_objects_are_errors_because_null_says_unknown()
    {
        var problems = Change(r =>
        {
            r["victims"] = new JsonObject { ["civil_parties"] = null, ["civil_parties_count"] = null, ["groups"] = new JsonArray() };
            r["reparation"] = new JsonObject();
        });

        Assert.Equal(["reparation", "victims"], problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Victim_counts_and_reparation_amounts_must_make_sense()
    {
        var problems = Change(r =>
        {
            r["victims"]!["civil_parties"] = false;
            r["reparation"]!["ordered"] = false;
            r["reparation"]!["currency"] = "euro";
        });

        Assert.Equal(["reparation.currency", "reparation.ordered", "victims.civil_parties_count"], problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains(problems, p => p.Path == "reparation.currency" && p.Message.Contains("ISO 4217", StringComparison.Ordinal));
    }

    [Fact]
    public void An_amount_needs_a_currency_and_a_count_must_be_a_whole_number()
    {
        var problems = Change(r =>
        {
            r["reparation"]!["currency"] = null;
            r["victims"]!["civil_parties_count"] = 2.5;
            r["victims"]!["civil_parties"] = "yes";
        });

        Assert.Equal(["reparation.currency", "victims.civil_parties", "victims.civil_parties_count"], problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_residence_country_must_be_a_present_day_country_code()
    {
        var problem = Assert.Single(Change(r => r["accused"]!["residence_country"] = "YU"));
        Assert.Equal("accused.residence_country", problem.Path);
    }
}

/// <summary>Text never holds control characters; long text may hold line breaks and tabs.</summary>
public class TextCharacterTests
{
    [Theory]
    [InlineData(0x0000)]
    [InlineData(0x001b)]
    [InlineData(0x0085)]
    [InlineData(0xd800)]
    [InlineData(0xffff)]
    [InlineData(0x000a)]
    public void Control_and_invalid_characters_in_a_name_are_errors(int character)
    {
        // Built here: test-case names cannot carry a lone surrogate intact.
        var name = $"Sample{(char)character}Accused";
        var record = SampleCases.Valid() with { Accused = SampleCases.Valid().Accused with { Name = name } };

        var problem = Assert.Single(CaseValidator.Validate(record));
        Assert.Equal("accused.name", problem.Path);
        Assert.Contains("U+", problem.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_and_tabs_are_fine_in_a_summary_but_not_a_carriage_return_or_nul()
    {
        var record = SampleCases.Valid() with { Summary = "First line.\nSecond\tline." };
        Assert.Empty(CaseValidator.Validate(record));
        Assert.Equal("summary", Assert.Single(CaseValidator.Validate(record with { Summary = "One\r\nTwo" })).Path);
        Assert.Equal("summary", Assert.Single(CaseValidator.Validate(record with { Summary = "One\0Two" })).Path);
    }

    [Fact]
    public void Letters_outside_the_basic_plane_are_fine()
    {
        Assert.Empty(CaseValidator.Validate(SampleCases.Valid() with { Summary = "A name written with 𝔉 and an emoji 🙂." }));
    }
}
