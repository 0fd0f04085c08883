using UjDatabase.Core.Cases;

namespace UjDatabase.Core.Storage;

/// <summary>
/// The normalised tables of a case store (SQLite and SQL Server alike): their row shapes, the SQL that is the same in
/// both dialects, and the mapping between rows and records. Each store runs the SQL with its own connection.
/// </summary>
public static class CaseRowMapping
{
    /// <summary>The child tables, replaced wholesale on every write: simpler than diffing, and a record has few rows.</summary>
    public static IReadOnlyList<string> ChildTables { get; } =
        ["case_aliases", "case_nationalities", "case_territories", "case_bases", "case_charges", "case_events", "case_sources", "case_related"];

    public const string SelectAliases = "SELECT case_pk AS CasePk, alias AS Value FROM case_aliases WHERE case_pk IN @pks ORDER BY case_pk, ord";
    public const string SelectNationalities = "SELECT case_pk AS CasePk, country AS Value FROM case_nationalities WHERE case_pk IN @pks ORDER BY case_pk, ord";
    public const string SelectTerritories = "SELECT case_pk AS CasePk, country AS Value FROM case_territories WHERE case_pk IN @pks ORDER BY case_pk, ord";
    public const string SelectBases = "SELECT case_pk AS CasePk, basis AS Value FROM case_bases WHERE case_pk IN @pks ORDER BY case_pk, ord";
    public const string SelectRelated = "SELECT case_pk AS CasePk, related_id AS Value FROM case_related WHERE case_pk IN @pks ORDER BY case_pk, ord";
    public const string SelectCharges = "SELECT case_pk AS CasePk, crime AS Crime, stage AS Stage, qualification AS Qualification FROM case_charges WHERE case_pk IN @pks ORDER BY case_pk, ord";
    public const string SelectEvents = "SELECT case_pk AS CasePk, date AS Date, type AS Type, description AS Description, outcome AS Outcome FROM case_events WHERE case_pk IN @pks ORDER BY case_pk, ord";
    public const string SelectSources = "SELECT case_pk AS CasePk, url AS Url, title AS Title, publisher AS Publisher, date AS Date FROM case_sources WHERE case_pk IN @pks ORDER BY case_pk, ord";

    public const string InsertAlias = "INSERT INTO case_aliases (case_pk, ord, alias) VALUES (@pk, @ord, @value)";
    public const string InsertNationality = "INSERT INTO case_nationalities (case_pk, ord, country) VALUES (@pk, @ord, @value)";
    public const string InsertTerritory = "INSERT INTO case_territories (case_pk, ord, country) VALUES (@pk, @ord, @value)";
    public const string InsertBasis = "INSERT INTO case_bases (case_pk, ord, basis) VALUES (@pk, @ord, @value)";
    public const string InsertCharge = "INSERT INTO case_charges (case_pk, ord, crime, stage, qualification) VALUES (@pk, @ord, @Crime, @Stage, @Qualification)";
    public const string InsertEvent = "INSERT INTO case_events (case_pk, ord, date, type, description, outcome) VALUES (@pk, @ord, @date, @Type, @Description, @Outcome)";
    public const string InsertSource = "INSERT INTO case_sources (case_pk, ord, url, title, publisher, date) VALUES (@pk, @ord, @Url, @Title, @Publisher, @date)";
    public const string InsertRelated = "INSERT INTO case_related (case_pk, ord, related_id) VALUES (@pk, @ord, @value)";

    /// <summary>The child rows of one record, each with the parameters of its insert statement.</summary>
    public static IEnumerable<(string Sql, object Parameters)> ChildInserts(long pk, CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var (value, ord) in record.Accused.Aliases.Select((v, i) => (v, i)))
        {
            yield return (InsertAlias, new { pk, ord, value });
        }

        foreach (var (value, ord) in record.Accused.Nationalities.Select((v, i) => (v, i)))
        {
            yield return (InsertNationality, new { pk, ord, value });
        }

        foreach (var (value, ord) in record.TerritorialCountries.Select((v, i) => (v, i)))
        {
            yield return (InsertTerritory, new { pk, ord, value });
        }

        foreach (var (value, ord) in record.JurisdictionBasis.Select((v, i) => (v, i)))
        {
            yield return (InsertBasis, new { pk, ord, value });
        }

        foreach (var (c, ord) in record.Charges.Select((v, i) => (v, i)))
        {
            yield return (InsertCharge, new { pk, ord, c.Crime, c.Stage, c.Qualification });
        }

        foreach (var (e, ord) in record.Events.Select((v, i) => (v, i)))
        {
            yield return (InsertEvent, new { pk, ord, date = e.Date?.ToString(), e.Type, e.Description, e.Outcome });
        }

        foreach (var (s, ord) in record.Sources.Select((v, i) => (v, i)))
        {
            yield return (InsertSource, new { pk, ord, s.Url, s.Title, s.Publisher, date = s.Date?.ToString() });
        }

        foreach (var (value, ord) in record.Related.Select((v, i) => (v, i)))
        {
            yield return (InsertRelated, new { pk, ord, value });
        }
    }

    /// <summary>The list rows of a page of records, as the store read them.</summary>
    public sealed record ChildRows(
        ILookup<long, string> Aliases,
        ILookup<long, string> Nationalities,
        ILookup<long, string> Territories,
        ILookup<long, string> Bases,
        ILookup<long, string> Related,
        ILookup<long, ChargeRow> Charges,
        ILookup<long, EventRow> Events,
        ILookup<long, SourceRow> Sources);

    /// <summary>Assembles records from their rows, in the order of <paramref name="rows"/>.</summary>
    public static List<CaseRecord> Assemble(IReadOnlyList<CaseRow> rows, ChildRows children)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(children);
        return rows.Select(r => new CaseRecord
        {
            Id = r.Id,
            CaseGroup = r.CaseGroup,
            Title = r.Title,
            Accused = new Accused
            {
                Name = r.AccusedName,
                PublishedName = r.AccusedPublishedName,
                Aliases = children.Aliases[r.Pk].ToList(),
                Type = r.AccusedType,
                Gender = r.AccusedGender,
                Nationalities = children.Nationalities[r.Pk].ToList(),
                Affiliation = r.AccusedAffiliation,
                Position = r.AccusedPosition,
            },
            Forum = new Forum { Country = r.ForumCountry, Court = r.ForumCourt, City = r.ForumCity },
            TerritorialCountries = children.Territories[r.Pk].ToList(),
            Situation = r.Situation,
            CrimePeriod = r.CrimeFrom is null ? null : new CrimePeriod { From = ParseDate(r.CrimeFrom), To = ParseDate(r.CrimeTo) },
            JurisdictionBasis = children.Bases[r.Pk].ToList(),
            Charges = children.Charges[r.Pk].Select(c => new Charge { Crime = c.Crime, Stage = c.Stage, Qualification = c.Qualification }).ToList(),
            Stage = r.Stage,
            Verdict = r.Verdict,
            Presence = r.Presence,
            Sentence = r.SentenceType is null ? null : new Sentence { Type = r.SentenceType, Years = r.SentenceYears, Text = r.SentenceText },
            Events = children.Events[r.Pk].Select(e => new CaseEvent { Date = ParseDate(e.Date), Type = e.Type, Description = e.Description, Outcome = e.Outcome }).ToList(),
            Summary = r.Summary,
            Sources = children.Sources[r.Pk].Select(s => new Source { Url = s.Url, Title = s.Title, Publisher = s.Publisher, Date = ParseDate(s.Date) }).ToList(),
            Related = children.Related[r.Pk].ToList(),
            Publication = r.Publication,
            Updated = ParseDate(r.Updated),
        }).ToList();
    }

    private static PartialDate? ParseDate(string? text) => text is null ? null : PartialDate.Parse(text);

    /// <summary>A row of <c>cases</c>, column for column.</summary>
    public sealed class CaseRow
    {
        public long Pk { get; set; }

        public string Id { get; set; } = string.Empty;

        public long Version { get; set; }

        public string? CaseGroup { get; set; }

        public string Title { get; set; } = string.Empty;

        public string? AccusedName { get; set; }

        public string? AccusedPublishedName { get; set; }

        public string? AccusedType { get; set; }

        public string? AccusedGender { get; set; }

        public string? AccusedAffiliation { get; set; }

        public string? AccusedPosition { get; set; }

        public string? ForumCountry { get; set; }

        public string? ForumCourt { get; set; }

        public string? ForumCity { get; set; }

        public string? Situation { get; set; }

        public string? CrimeFrom { get; set; }

        public string? CrimeTo { get; set; }

        public string? Stage { get; set; }

        public string? Verdict { get; set; }

        public string? Presence { get; set; }

        public string? SentenceType { get; set; }

        public double? SentenceYears { get; set; }

        public string? SentenceText { get; set; }

        public string? Summary { get; set; }

        public string? Publication { get; set; }

        public string? Updated { get; set; }

        public static CaseRow From(CaseRecord r, long version) => new()
        {
            Id = r.Id,
            Version = version,
            CaseGroup = r.CaseGroup,
            Title = r.Title,
            AccusedName = r.Accused.Name,
            AccusedPublishedName = r.Accused.PublishedName,
            AccusedType = r.Accused.Type,
            AccusedGender = r.Accused.Gender,
            AccusedAffiliation = r.Accused.Affiliation,
            AccusedPosition = r.Accused.Position,
            ForumCountry = r.Forum.Country,
            ForumCourt = r.Forum.Court,
            ForumCity = r.Forum.City,
            Situation = r.Situation,
            CrimeFrom = r.CrimePeriod?.From?.ToString(),
            CrimeTo = r.CrimePeriod?.To?.ToString(),
            Stage = r.Stage,
            Verdict = r.Verdict,
            Presence = r.Presence,
            SentenceType = r.Sentence?.Type,
            SentenceYears = r.Sentence?.Years,
            SentenceText = r.Sentence?.Text,
            Summary = r.Summary,
            Publication = r.Publication,
            Updated = r.Updated?.ToString(),
        };
    }

    /// <summary>A row of a list table: the record and one value.</summary>
    public sealed class ValueRow
    {
        public long CasePk { get; set; }

        public string Value { get; set; } = string.Empty;
    }

    /// <summary>A row of <c>case_charges</c>.</summary>
    public sealed class ChargeRow
    {
        public long CasePk { get; set; }

        public string? Crime { get; set; }

        public string? Stage { get; set; }

        public string? Qualification { get; set; }
    }

    /// <summary>A row of <c>case_events</c>.</summary>
    public sealed class EventRow
    {
        public long CasePk { get; set; }

        public string? Date { get; set; }

        public string? Type { get; set; }

        public string? Description { get; set; }

        public string? Outcome { get; set; }
    }

    /// <summary>A row of <c>case_sources</c>.</summary>
    public sealed class SourceRow
    {
        public long CasePk { get; set; }

        public string? Url { get; set; }

        public string? Title { get; set; }

        public string? Publisher { get; set; }

        public string? Date { get; set; }
    }
}
