using System.Globalization;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Storage;

// One source, compiled into each store (see src/Shared/README.md): the tables and their SQL belong to the stores, not
// to Core, and both stores have the same tables. Each copy lives in its store's namespace.
#if EMBEDDED_STORE
namespace UjDatabase.Embedded;
#else
namespace UjDatabase.Server.SqlServer;
#endif

/// <summary>
/// The normalised tables of a case store (SQLite and SQL Server alike): their row shapes, the SQL that is the same in
/// both dialects, and the mapping between rows and records. Each store runs the SQL with its own connection.
/// </summary>
public static class CaseRowMapping
{
    /// <summary>
    /// A list table: its name and columns. The first two are always <c>case_pk</c> and <c>ord</c>; then, for a list
    /// nested in another (a charge's topics), the parent item's position; then up to four values, read as A to D.
    /// </summary>
    public sealed record ChildTable(string Name, IReadOnlyList<string> Columns, string? ParentColumn = null)
    {
        /// <summary>The parameterised insert of one row; the parameters are named after the columns.</summary>
        public string InsertSql => $"INSERT INTO {Name} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";

        /// <summary>The value columns, after <c>case_pk</c>, <c>ord</c> and the parent column.</summary>
        public IReadOnlyList<string> ValueColumns => Columns.Skip(2).Where(c => c != ParentColumn).ToList();

        /// <summary>The rows that <paramref name="pkCondition"/> (on <c>case_pk</c>) selects, as <see cref="ListRow"/>s, in record and list order.</summary>
        public string SelectWhere(string pkCondition)
        {
            var values = ValueColumns.Select((c, i) => $"{c} AS {(char)('A' + i)}");
            var parent = ParentColumn is null ? string.Empty : $"{ParentColumn} AS Parent, ";
            return $"SELECT case_pk AS CasePk, ord AS Ord, {parent}{string.Join(", ", values)} FROM {Name} WHERE {pkCondition} ORDER BY case_pk, ord";
        }
    }

    /// <summary>One row of a list table, values in the table's column order.</summary>
    public sealed record ChildValues(ChildTable Table, IReadOnlyList<object?> Values);

    public static ChildTable Aliases { get; } = new("case_aliases", ["case_pk", "ord", "alias"]);

    public static ChildTable Nationalities { get; } = new("case_nationalities", ["case_pk", "ord", "country"]);

    public static ChildTable Territories { get; } = new("case_territories", ["case_pk", "ord", "country"]);

    public static ChildTable Bases { get; } = new("case_bases", ["case_pk", "ord", "basis"]);

    public static ChildTable Charges { get; } = new("case_charges", ["case_pk", "ord", "crime", "stage", "qualification"]);

    public static ChildTable ChargeTopics { get; } = new("case_charge_topics", ["case_pk", "ord", "charge_ord", "topic"], ParentColumn: "charge_ord");

    public static ChildTable Topics { get; } = new("case_topics", ["case_pk", "ord", "topic"]);

    public static ChildTable Events { get; } = new("case_events", ["case_pk", "ord", "date", "type", "description", "outcome"]);

    public static ChildTable LegalIssues { get; } = new("case_legal_issues", ["case_pk", "ord", "issue", "note"]);

    public static ChildTable CivilSociety { get; } = new("case_civil_society", ["case_pk", "ord", "name"]);

    public static ChildTable CivilSocietyRoles { get; } = new("case_civil_society_roles", ["case_pk", "ord", "organisation_ord", "role"], ParentColumn: "organisation_ord");

    public static ChildTable VictimGroups { get; } = new("case_victim_groups", ["case_pk", "ord", "victim_group"]);

    public static ChildTable ReparationForms { get; } = new("case_reparation_forms", ["case_pk", "ord", "form"]);

    public static ChildTable Sources { get; } = new("case_sources", ["case_pk", "ord", "url", "title", "publisher", "date"]);

    public static ChildTable Related { get; } = new("case_related", ["case_pk", "ord", "related_id"]);

    /// <summary>The list tables, replaced wholesale on every write: simpler than diffing, and a record has few rows.</summary>
    public static IReadOnlyList<ChildTable> ChildTables { get; } =
    [
        Aliases, Nationalities, Territories, Bases, Charges, ChargeTopics, Topics, Events, LegalIssues, CivilSociety,
        CivilSocietyRoles, VictimGroups, ReparationForms, Sources, Related,
    ];

    /// <summary>The list rows of one record, for every store to insert its own way (statements or bulk copy).</summary>
    public static IEnumerable<ChildValues> ChildValuesOf(long pk, CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        IEnumerable<ChildValues> List(ChildTable table, IEnumerable<string> values) =>
            values.Select((value, ord) => new ChildValues(table, [pk, ord, value]));

        // Nested lists number their rows across the whole record, each row naming its parent's position.
        IEnumerable<ChildValues> Nested<T>(ChildTable table, IReadOnlyList<T> parents, Func<T, IReadOnlyList<string>> values) =>
            parents.SelectMany((parent, parentOrd) => values(parent).Select(value => (parentOrd, value)))
                .Select((row, ord) => new ChildValues(table, [pk, ord, row.parentOrd, row.value]));

        return List(Aliases, record.Accused.Aliases)
            .Concat(List(Nationalities, record.Accused.Nationalities))
            .Concat(List(Territories, record.TerritorialCountries))
            .Concat(List(Bases, record.JurisdictionBasis))
            .Concat(record.Charges.Select((c, ord) => new ChildValues(Charges, [pk, ord, c.Crime, c.Stage, c.Qualification])))
            .Concat(Nested(ChargeTopics, record.Charges, c => c.Topics))
            .Concat(List(Topics, record.Topics))
            .Concat(record.Events.Select((e, ord) => new ChildValues(Events, [pk, ord, e.Date?.ToString(), e.Type, e.Description, e.Outcome])))
            .Concat(record.LegalIssues.Select((l, ord) => new ChildValues(LegalIssues, [pk, ord, l.Issue, l.Note])))
            .Concat(record.CivilSociety.Select((o, ord) => new ChildValues(CivilSociety, [pk, ord, o.Name])))
            .Concat(Nested(CivilSocietyRoles, record.CivilSociety, o => o.Roles))
            .Concat(List(VictimGroups, record.Victims?.Groups ?? []))
            .Concat(List(ReparationForms, record.Reparation?.Forms ?? []))
            .Concat(record.Sources.Select((src, ord) => new ChildValues(Sources, [pk, ord, src.Url, src.Title, src.Publisher, src.Date?.ToString()])))
            .Concat(List(Related, record.Related));
    }

    /// <summary>Assembles records from their rows, in the order of <paramref name="rows"/>.</summary>
    /// <param name="rows">The case rows.</param>
    /// <param name="lists">Each list table's rows of these records, by case pk.</param>
    public static List<CaseRecord> Assemble(IReadOnlyList<CaseRow> rows, IReadOnlyDictionary<ChildTable, ILookup<long, ListRow>> lists)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(lists);
        return rows.Select(r =>
        {
            IEnumerable<ListRow> Rows(ChildTable table) => lists.TryGetValue(table, out var lookup) ? lookup[r.Pk] : [];
            List<string> Values(ChildTable table) => Rows(table).Select(x => x.A!).ToList();
            ILookup<long, string> Children(ChildTable table) => Rows(table).ToLookup(x => x.Parent ?? -1, x => x.A!);
            var chargeTopics = Children(ChargeTopics);
            var roles = Children(CivilSocietyRoles);
            var victimGroups = Values(VictimGroups);
            var reparationForms = Values(ReparationForms);
            return new CaseRecord
            {
                Id = r.Id,
                CaseGroup = r.CaseGroup,
                Title = r.Title,
                Accused = new Accused
                {
                    Name = r.AccusedName,
                    PublishedName = r.AccusedPublishedName,
                    SortName = r.AccusedSortName,
                    Aliases = Values(Aliases),
                    Type = r.AccusedType,
                    Gender = r.AccusedGender,
                    Nationalities = Values(Nationalities),
                    Affiliation = r.AccusedAffiliation,
                    Position = r.AccusedPosition,
                    ResidenceCountry = r.AccusedResidenceCountry,
                },
                Forum = new Forum { Country = r.ForumCountry, Court = r.ForumCourt, City = r.ForumCity },
                TerritorialCountries = Values(Territories),
                Situation = r.Situation,
                CrimePeriod = r.CrimeFrom is null ? null : new CrimePeriod { From = ParseDate(r.CrimeFrom), To = ParseDate(r.CrimeTo) },
                JurisdictionBasis = Values(Bases),
                Charges = Rows(Charges).Select((c, ord) => new Charge { Crime = c.A, Stage = c.B, Qualification = c.C, Topics = chargeTopics[ord].ToList() }).ToList(),
                Topics = Values(Topics),
                Stage = r.Stage,
                Verdict = r.Verdict,
                Presence = r.Presence,
                Sentence = r.SentenceType is null ? null : new Sentence { Type = r.SentenceType, Years = r.SentenceYears, Text = r.SentenceText },
                Events = Rows(Events).Select(e => new CaseEvent { Date = ParseDate(e.A), Type = e.B, Description = e.C, Outcome = e.D }).ToList(),
                LegalIssues = Rows(LegalIssues).Select(l => new LegalIssue { Issue = l.A, Note = l.B }).ToList(),
                CivilSociety = Rows(CivilSociety).Select((o, ord) => new CivilSocietyOrganisation { Name = o.A, Roles = roles[ord].ToList() }).ToList(),
                Victims = r.VictimsCivilParties is null && r.VictimsCivilPartiesCount is null && victimGroups.Count == 0
                    ? null
                    : new Victims { CivilParties = r.VictimsCivilParties, CivilPartiesCount = r.VictimsCivilPartiesCount, Groups = victimGroups },
                Reparation = r.ReparationOrdered is null && r.ReparationOrderedBy is null && reparationForms.Count == 0 && r.ReparationAmount is null && r.ReparationNote is null
                    ? null
                    : new Reparation
                    {
                        Ordered = r.ReparationOrdered,
                        OrderedBy = r.ReparationOrderedBy,
                        Forms = reparationForms,
                        Amount = r.ReparationAmount,
                        Currency = r.ReparationCurrency,
                        Note = r.ReparationNote,
                    },
                Summary = r.Summary,
                Sources = Rows(Sources).Select(s => new Source { Url = s.A, Title = s.B, Publisher = s.C, Date = ParseDate(s.D) }).ToList(),
                Related = Values(Related),
                Publication = r.Publication,
                Updated = ParseDate(r.Updated),
            };
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

        public string? AccusedSortName { get; set; }

        public string? AccusedType { get; set; }

        public string? AccusedGender { get; set; }

        public string? AccusedAffiliation { get; set; }

        public string? AccusedPosition { get; set; }

        public string? AccusedResidenceCountry { get; set; }

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

        public bool? VictimsCivilParties { get; set; }

        public int? VictimsCivilPartiesCount { get; set; }

        public bool? ReparationOrdered { get; set; }

        public string? ReparationOrderedBy { get; set; }

        public double? ReparationAmount { get; set; }

        public string? ReparationCurrency { get; set; }

        public string? ReparationNote { get; set; }

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
            AccusedSortName = r.Accused.SortName,
            AccusedType = r.Accused.Type,
            AccusedGender = r.Accused.Gender,
            AccusedAffiliation = r.Accused.Affiliation,
            AccusedPosition = r.Accused.Position,
            AccusedResidenceCountry = r.Accused.ResidenceCountry,
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
            VictimsCivilParties = r.Victims?.CivilParties,
            VictimsCivilPartiesCount = r.Victims?.CivilPartiesCount,
            ReparationOrdered = r.Reparation?.Ordered,
            ReparationOrderedBy = r.Reparation?.OrderedBy,
            ReparationAmount = r.Reparation?.Amount,
            ReparationCurrency = r.Reparation?.Currency,
            ReparationNote = r.Reparation?.Note,
            Summary = r.Summary,
            Publication = r.Publication,
            Updated = r.Updated?.ToString(),
        };
    }

    /// <summary>A row of any list table: the record, the position, the parent item's position in a nested list, and the values.</summary>
    public class ListRow
    {
        public long CasePk { get; set; }

        public long Ord { get; set; }

        public long? Parent { get; set; }

        public string? A { get; set; }

        public string? B { get; set; }

        public string? C { get; set; }

        public string? D { get; set; }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CasePk}/{Ord}: {A} {B} {C} {D}");
    }
}
