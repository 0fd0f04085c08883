using System.Text.RegularExpressions;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Core.Validation;

/// <summary>
/// The one validator of a record's content (codes, required values, dates, references to itself). Import, the API and
/// the editing forms all call it; batch-level rules (duplicate ids, dangling related ids) live in <see cref="BatchChecks"/>.
/// </summary>
public static partial class CaseValidator
{
    public const int MaxTextLength = 10_000;

    /// <summary>Cumulative sentences run to centuries (Spain gave Scilingo 1,084 years), so the bound only catches typos.</summary>
    public const int MaxSentenceYears = 10_000;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static bool IsSlug(string? value) => value is { Length: > 0 and <= 120 } && SlugPattern().IsMatch(value);

    public static List<ValidationProblem> Validate(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var check = new Checker(record.Id);

        check.Slug("id", record.Id);
        if (record.CaseGroup is not null)
        {
            check.Slug("case_group", record.CaseGroup);
        }

        check.Text("title", record.Title, required: true);
        CheckAccused(check, record.Accused);
        check.Country("forum.country", record.Forum.Country, required: true);
        check.Text("forum.court", record.Forum.Court);
        check.Text("forum.city", record.Forum.City);
        check.CountryList("territorial_countries", record.TerritorialCountries);
        check.Text("situation", record.Situation);
        CheckCrimePeriod(check, record.CrimePeriod);
        check.Codes("jurisdiction_basis", record.JurisdictionBasis, Catalogue.JurisdictionBasis);
        CheckCharges(check, record.Charges);
        check.Code("stage", record.Stage, Catalogue.Stage, required: true);
        check.Code("verdict", record.Verdict, Catalogue.Verdict);
        check.Code("presence", record.Presence, Catalogue.Presence);
        CheckSentence(check, record.Sentence);
        CheckEvents(check, record.Events, record.CrimePeriod?.From);
        var published = record.Publication == "published";
        check.Text("summary", record.Summary, required: published);
        CheckSources(check, record.Sources, published);
        CheckRelated(check, record.Related, record.Id);
        check.Code("publication", record.Publication, Catalogue.Publication, required: true);
        if (record.Updated is null)
        {
            check.Add("updated", null, "is required (the day the record was last checked, YYYY-MM-DD)");
        }
        else if (record.Updated.Value.Precision != DatePrecision.Day)
        {
            check.Add("updated", record.Updated.Value.ToString(), "must be a full date (YYYY-MM-DD)");
        }

        return check.Problems;
    }

    private static void CheckAccused(Checker check, Accused accused)
    {
        check.Code("accused.type", accused.Type, Catalogue.AccusedType, required: true);
        var named = accused.Type != "unidentified";
        check.Text("accused.name", accused.Name, required: named);
        if (!named && accused.Name is not null)
        {
            check.Add("accused.name", accused.Name, "must be null when accused.type is unidentified");
        }

        check.Text("accused.published_name", accused.PublishedName);
        for (var i = 0; i < accused.Aliases.Count; i++)
        {
            check.Text($"accused.aliases[{i}]", accused.Aliases[i], required: true);
        }

        check.Code("accused.gender", accused.Gender, Catalogue.Gender);
        check.CountryList("accused.nationalities", accused.Nationalities);
        check.Code("accused.affiliation", accused.Affiliation, Catalogue.Affiliation);
        check.Text("accused.position", accused.Position);
    }

    private static void CheckCrimePeriod(Checker check, CrimePeriod? period)
    {
        if (period is null)
        {
            return;
        }

        if (period.From is null)
        {
            check.Add("crime_period.from", null, "is required when crime_period is given (use crime_period: null when the period is unknown)");
        }
        else if (period.To is { } to && to.IsCertainlyBefore(period.From.Value))
        {
            check.Add("crime_period.to", to.ToString(), $"is before crime_period.from ({period.From})");
        }
    }

    private static void CheckCharges(Checker check, IReadOnlyList<Charge> charges)
    {
        if (charges.Count == 0)
        {
            check.Add("charges", "[]", "needs at least one charge (use stage 'alleged' for crimes under investigation)");
        }

        for (var i = 0; i < charges.Count; i++)
        {
            check.Code($"charges[{i}].crime", charges[i].Crime, Catalogue.Crime, required: true);
            check.Code($"charges[{i}].stage", charges[i].Stage, Catalogue.ChargeStage, required: true);
            check.Text($"charges[{i}].qualification", charges[i].Qualification);
        }
    }

    private static void CheckSentence(Checker check, Sentence? sentence)
    {
        if (sentence is null)
        {
            return;
        }

        check.Code("sentence.type", sentence.Type, Catalogue.SentenceType, required: true);
        if (sentence.Years is { } years && (years <= 0 || years > MaxSentenceYears || double.IsNaN(years)))
        {
            check.Add("sentence.years", years.ToString(System.Globalization.CultureInfo.InvariantCulture), $"must be more than 0 and at most {MaxSentenceYears}");
        }

        check.Text("sentence.text", sentence.Text);
    }

    private static void CheckEvents(Checker check, IReadOnlyList<CaseEvent> events, PartialDate? crimesFrom)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var path = $"events[{i}]";
            if (e.Date is null)
            {
                check.Add($"{path}.date", null, "is required");
            }
            else if (crimesFrom is { } from && e.Date.Value.IsCertainlyBefore(from))
            {
                check.Add($"{path}.date", e.Date.Value.ToString(), $"is before the crime period began ({from})");
            }

            check.Code($"{path}.type", e.Type, Catalogue.EventType, required: true);
            check.Text($"{path}.description", e.Description);
            if (e.Outcome is not null)
            {
                if (e.Type is not null && !Catalogue.VerdictEventTypes.Contains(e.Type))
                {
                    check.Add($"{path}.outcome", e.Outcome, $"is only allowed on verdict events ({string.Join(", ", Catalogue.VerdictEventTypes)})");
                }
                else
                {
                    check.Code($"{path}.outcome", e.Outcome, Catalogue.EventOutcome);
                }
            }
        }
    }

    private static void CheckSources(Checker check, IReadOnlyList<Source> sources, bool published)
    {
        if (published && sources.Count == 0)
        {
            check.Add("sources", "[]", "a published record needs at least one source");
        }

        for (var i = 0; i < sources.Count; i++)
        {
            var url = sources[i].Url;
            if (url is null)
            {
                check.Add($"sources[{i}].url", null, "is required");
            }
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                check.Add($"sources[{i}].url", url, "must be an absolute http or https address");
            }

            check.Text($"sources[{i}].title", sources[i].Title, required: true);
            check.Text($"sources[{i}].publisher", sources[i].Publisher);
        }
    }

    private static void CheckRelated(Checker check, IReadOnlyList<string> related, string id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < related.Count; i++)
        {
            var path = $"related[{i}]";
            if (!IsSlug(related[i]))
            {
                check.Add(path, related[i], "is not a record id");
            }
            else if (related[i] == id)
            {
                check.Add(path, related[i], "a record cannot be related to itself");
            }
            else if (!seen.Add(related[i]))
            {
                check.Add(path, related[i], "is listed twice");
            }
        }
    }

    /// <summary>Collects problems for one record.</summary>
    private sealed class Checker(string? recordId)
    {
        public List<ValidationProblem> Problems { get; } = [];

        public void Add(string path, string? value, string message) => Problems.Add(new(recordId, null, path, value, message));

        public void Slug(string path, string? value)
        {
            if (!IsSlug(value))
            {
                Add(path, value, "must be a slug: lower-case letters and digits in words joined by single hyphens, at most 120 characters");
            }
        }

        public void Text(string path, string? value, bool required = false)
        {
            if (value is null)
            {
                if (required)
                {
                    Add(path, null, "is required");
                }
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                Add(path, $"\"{value}\"", required ? "is required and must not be blank" : "must not be blank (use null when unknown)");
            }
            else if (value.Length > MaxTextLength)
            {
                Add(path, $"({value.Length} characters)", $"is longer than {MaxTextLength} characters");
            }
            else if (value != value.Trim())
            {
                Add(path, $"\"{value}\"", "has leading or trailing spaces");
            }
        }

        public void Code(string path, string? value, Vocabulary vocabulary, bool required = false)
        {
            if (value is null)
            {
                if (required)
                {
                    Add(path, null, $"is required (one of: {vocabulary.CodeList})");
                }
            }
            else if (!vocabulary.Contains(value))
            {
                Add(path, value, $"is not a {vocabulary.Field} code (one of: {vocabulary.CodeList})");
            }
        }

        public void Codes(string path, IReadOnlyList<string> values, Vocabulary vocabulary)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < values.Count; i++)
            {
                Code($"{path}[{i}]", values[i], vocabulary, required: true);
                if (!seen.Add(values[i]))
                {
                    Add($"{path}[{i}]", values[i], "is listed twice");
                }
            }
        }

        public void Country(string path, string? code, bool required = false)
        {
            if (code is null)
            {
                if (required)
                {
                    Add(path, null, "is required (an ISO 3166-1 alpha-2 code)");
                }
            }
            else if (Countries.FindHistorical(code) is { } historical)
            {
                Add(path, code, $"is the withdrawn code of {historical.Name}; use the present-day country where the place lies or the nationality held: {string.Join(", ", historical.Successors)}");
            }
            else if (!Vocabularies.Countries.IsValid(code))
            {
                Add(path, code, "is not an ISO 3166-1 alpha-2 country code (upper case, e.g. SY, DE; XK for Kosovo)");
            }
        }

        public void CountryList(string path, IReadOnlyList<string> codes)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < codes.Count; i++)
            {
                Country($"{path}[{i}]", codes[i], required: true);
                if (!seen.Add(codes[i]))
                {
                    Add($"{path}[{i}]", codes[i], "is listed twice");
                }
            }
        }
    }
}
