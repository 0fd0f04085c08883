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

    /// <summary>Counts (civil parties) beyond this are typos.</summary>
    public const int MaxCount = 1_000_000;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    /// <summary>
    /// The first character that text may not hold, or null: control characters (tabs and line breaks are allowed
    /// where <paramref name="singleLine"/> is false), lone surrogates and non-characters. None of them is ever meant in
    /// a record, and spreadsheets and XML cannot hold them.
    /// </summary>
    public static (int Index, char Character)? ForbiddenCharacter(string text, bool singleLine)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            var allowedBreak = !singleLine && c is '\n' or '\t';
            if ((char.IsControl(c) && !allowedBreak) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return (i, c);
            }
        }

        return null;
    }

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

        check.Text("title", record.Title, required: true, singleLine: true);
        CheckAccused(check, record.Accused);
        check.Country("forum.country", record.Forum.Country, required: true);
        check.Text("forum.court", record.Forum.Court, singleLine: true);
        check.Text("forum.city", record.Forum.City, singleLine: true);
        check.CountryList("territorial_countries", record.TerritorialCountries);
        check.Text("situation", record.Situation, singleLine: true);
        CheckCrimePeriod(check, record.CrimePeriod);
        check.Codes("jurisdiction_basis", record.JurisdictionBasis, Catalogue.JurisdictionBasis);
        CheckCharges(check, record.Charges);
        check.Codes("topics", record.Topics, Catalogue.Topic);
        check.Code("stage", record.Stage, Catalogue.Stage, required: true);
        check.Code("verdict", record.Verdict, Catalogue.Verdict);
        check.Code("presence", record.Presence, Catalogue.Presence);
        CheckSentence(check, record.Sentence);
        CheckEvents(check, record.Events, record.CrimePeriod?.From);
        CheckLegalIssues(check, record.LegalIssues);
        CheckCivilSociety(check, record.CivilSociety);
        CheckVictims(check, record.Victims);
        CheckReparation(check, record.Reparation);
        // The fields must each be valid before it makes sense to ask whether they agree; otherwise one bad code would
        // be reported again as every disagreement it causes.
        if (!check.Problems.Any(p => RecordConsistency.Fields.Any(f => p.Path == f || p.Path.StartsWith(f + "[", StringComparison.Ordinal) || p.Path.StartsWith(f + ".", StringComparison.Ordinal))))
        {
            foreach (var (path, value, message) in RecordConsistency.Check(record))
            {
                check.Add(path, value, message);
            }
        }

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
        check.Text("accused.name", accused.Name, required: named, singleLine: true);
        if (!named && accused.Name is not null)
        {
            check.Add("accused.name", accused.Name, "must be null when accused.type is unidentified");
        }

        check.Text("accused.published_name", accused.PublishedName, singleLine: true);
        check.Text("accused.sort_name", accused.SortName, singleLine: true);
        for (var i = 0; i < accused.Aliases.Count; i++)
        {
            check.Text($"accused.aliases[{i}]", accused.Aliases[i], required: true, singleLine: true);
        }

        check.Code("accused.gender", accused.Gender, Catalogue.Gender);
        check.CountryList("accused.nationalities", accused.Nationalities);
        check.Code("accused.affiliation", accused.Affiliation, Catalogue.Affiliation);
        check.Text("accused.position", accused.Position);
        check.Country("accused.residence_country", accused.ResidenceCountry);
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
            check.Codes($"charges[{i}].topics", charges[i].Topics, Catalogue.Topic);
        }
    }

    private static void CheckLegalIssues(Checker check, IReadOnlyList<LegalIssue> issues)
    {
        for (var i = 0; i < issues.Count; i++)
        {
            check.Code($"legal_issues[{i}].issue", issues[i].Issue, Catalogue.LegalIssue, required: true);
            check.Text($"legal_issues[{i}].note", issues[i].Note, required: true);
        }
    }

    private static void CheckCivilSociety(Checker check, IReadOnlyList<CivilSocietyOrganisation> organisations)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < organisations.Count; i++)
        {
            var path = $"civil_society[{i}]";
            check.Text($"{path}.name", organisations[i].Name, required: true, singleLine: true);
            if (organisations[i].Name is { } name && !names.Add(name))
            {
                check.Add($"{path}.name", name, "is listed twice (give one entry with all its roles)");
            }

            if (organisations[i].Roles.Count == 0)
            {
                check.Add($"{path}.roles", "[]", $"needs at least one role (one of: {Catalogue.CivilSocietyRole.CodeList})");
            }

            check.Codes($"{path}.roles", organisations[i].Roles, Catalogue.CivilSocietyRole);
        }
    }

    private static void CheckVictims(Checker check, Victims? victims)
    {
        if (victims is null)
        {
            return;
        }

        if (victims.CivilParties is null && victims.CivilPartiesCount is null && victims.Groups.Count == 0)
        {
            check.Add("victims", "{}", "records nothing; use victims: null when nothing is known");
        }

        if (victims.CivilPartiesCount is { } count && (count < 0 || count > MaxCount))
        {
            check.Add("victims.civil_parties_count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"must be from 0 to {MaxCount}");
        }
        else if (victims.CivilPartiesCount > 0 && victims.CivilParties == false)
        {
            check.Add("victims.civil_parties_count", victims.CivilPartiesCount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "contradicts civil_parties: false");
        }

        for (var i = 0; i < victims.Groups.Count; i++)
        {
            check.Text($"victims.groups[{i}]", victims.Groups[i], required: true, singleLine: true);
        }
    }

    private static void CheckReparation(Checker check, Reparation? reparation)
    {
        if (reparation is null)
        {
            return;
        }

        if (reparation.Ordered is null && reparation.OrderedBy is null && reparation.Forms.Count == 0 && reparation.Amount is null && reparation.Note is null)
        {
            check.Add("reparation", "{}", "records nothing; use reparation: null when nothing is known");
        }

        check.Text("reparation.ordered_by", reparation.OrderedBy, singleLine: true);
        check.Codes("reparation.forms", reparation.Forms, Catalogue.ReparationForm);
        if (reparation.Amount is { } amount && (double.IsNaN(amount) || amount <= 0 || amount > 1e15))
        {
            check.Add("reparation.amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be more than 0");
        }

        if (reparation.Amount is not null && reparation.Currency is null)
        {
            check.Add("reparation.currency", null, "is required with an amount (an ISO 4217 code such as EUR)");
        }
        else if (reparation.Currency is { } currency && !CurrencyPattern().IsMatch(currency))
        {
            check.Add("reparation.currency", currency, "is not an ISO 4217 currency code (three capital letters, e.g. EUR, USD, CHF)");
        }
        else if (reparation.Currency is not null && reparation.Amount is null)
        {
            check.Add("reparation.currency", reparation.Currency, "is only given with an amount");
        }

        if (reparation.Ordered == false && (reparation.Forms.Count > 0 || reparation.Amount is not null))
        {
            check.Add("reparation.ordered", "false", "contradicts the forms or amount given; an amount or form means reparation was ordered");
        }

        check.Text("reparation.note", reparation.Note);
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

            check.Text($"sources[{i}].title", sources[i].Title, required: true, singleLine: true);
            check.Text($"sources[{i}].publisher", sources[i].Publisher, singleLine: true);
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

        public void Text(string path, string? value, bool required = false, bool singleLine = false)
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
            else if (ForbiddenCharacter(value, singleLine) is { } bad)
            {
                var what = bad.Character is '\n' or '\t' or '\r' ? "a line break or tab, which this field does not allow" : "a control or invalid character";
                Add(path, $"(character U+{(int)bad.Character:X4} at position {bad.Index + 1})", $"holds {what}");
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
