using UjDatabase.Core.Cases;

namespace UjDatabase.Core.Storage;

/// <summary>
/// The normalised tables of a case store (SQLite and SQL Server alike): their row shapes, the SQL that is the same in
/// both dialects, and the mapping between rows and records. Each store runs the SQL with its own connection.
/// </summary>
public static class CaseRowMapping
{
    /// <summary>A list table: its name and columns (the first two are always <c>case_pk</c> and <c>ord</c>).</summary>
    public sealed record ChildTable(string Name, IReadOnlyList<string> Columns)
    {
        /// <summary>The parameterised insert of one row; the parameters are named after the columns.</summary>
        public string InsertSql => $"INSERT INTO {Name} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";
    }

    /// <summary>One row of a list table, values in the table's column order.</summary>
    public sealed record ChildValues(ChildTable Table, IReadOnlyList<object?> Values);

    public static ChildTable Aliases { get; } = new("case_aliases", ["case_pk", "ord", "alias"]);

    public static ChildTable Nationalities { get; } = new("case_nationalities", ["case_pk", "ord", "country"]);

    public static ChildTable Territories { get; } = new("case_territories", ["case_pk", "ord", "country"]);

    public static ChildTable Bases { get; } = new("case_bases", ["case_pk", "ord", "basis"]);

    public static ChildTable Charges { get; } = new("case_charges", ["case_pk", "ord", "crime", "stage", "qualification"]);

    public static ChildTable Events { get; } = new("case_events", ["case_pk", "ord", "date", "type", "description", "outcome"]);

    public static ChildTable Sources { get; } = new("case_sources", ["case_pk", "ord", "url", "title", "publisher", "date"]);

    public static ChildTable Related { get; } = new("case_related", ["case_pk", "ord", "related_id"]);

    /// <summary>The list tables, replaced wholesale on every write: simpler than diffing, and a record has few rows.</summary>
    public static IReadOnlyList<ChildTable> ChildTables { get; } = [Aliases, Nationalities, Territories, Bases, Charges, Events, Sources, Related];

    public const string SelectAliases = "SELECT case_pk AS CasePk, alias AS Value FROM case_aliases WHERE case_pk IN @pks ORDER BY case_pk, ord";
    public const string SelectNationalities = "SELECT case_pk AS CasePk, country AS Value FROM case_nationalities WHERE case_pk IN @pks ORDER BY case_pk, ord";
    public const string SelectTerritories = "SELECT case_pk AS CasePk, country AS Value FROM case_territories WHERE case_pk IN @pks ORDER BY case_pk, ord";
    public const string SelectBases = "SELECT case_pk AS CasePk, basis AS Value FROM case_bases WHERE case_pk IN @pks ORDER BY case_pk, ord";
    public const string SelectRelated = "SELECT case_pk AS CasePk, related_id AS Value FROM case_related WHERE case_pk IN @pks ORDER BY case_pk, ord";
    public const string SelectCharges = "SELECT case_pk AS CasePk, crime AS Crime, stage AS Stage, qualification AS Qualification FROM case_charges WHERE case_pk IN @pks ORDER BY case_pk, ord";
    public const string SelectEvents = "SELECT case_pk AS CasePk, date AS Date, type AS Type, description AS Description, outcome AS Outcome FROM case_events WHERE case_pk IN @pks ORDER BY case_pk, ord";
    public const string SelectSources = "SELECT case_pk AS CasePk, url AS Url, title AS Title, publisher AS Publisher, date AS Date FROM case_sources WHERE case_pk IN @pks ORDER BY case_pk, ord";

    /// <summary>The list rows of one record, for every store to insert its own way (statements or bulk copy).</summary>
    public static IEnumerable<ChildValues> ChildValuesOf(long pk, CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        IEnumerable<ChildValues> List(ChildTable table, IEnumerable<string> values) =>
            values.Select((value, ord) => new ChildValues(table, [pk, ord, value]));

        return List(Aliases, record.Accused.Aliases)
            .Concat(List(Nationalities, record.Accused.Nationalities))
            .Concat(List(Territories, record.TerritorialCountries))
            .Concat(List(Bases, record.JurisdictionBasis))
            .Concat(record.Charges.Select((c, ord) => new ChildValues(Charges, [pk, ord, c.Crime, c.Stage, c.Qualification])))
            .Concat(record.Events.Select((e, ord) => new ChildValues(Events, [pk, ord, e.Date?.ToString(), e.Type, e.Description, e.Outcome])))
            .Concat(record.Sources.Select((src, ord) => new ChildValues(Sources, [pk, ord, src.Url, src.Title, src.Publisher, src.Date?.ToString()])))
            .Concat(List(Related, record.Related));
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
