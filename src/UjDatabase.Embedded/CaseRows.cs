using System.Data;
using System.Reflection;
using Dapper;
using UjDatabase.Core.Cases;

namespace UjDatabase.Embedded;

/// <summary>Maps a <see cref="CaseRecord"/> to the normalised tables and back.</summary>
internal static class CaseRows
{
    // Child tables are replaced wholesale on every write: simpler than diffing, and a record has few rows.
    private static readonly string[] ChildTables =
        ["case_aliases", "case_nationalities", "case_territories", "case_bases", "case_charges", "case_events", "case_sources", "case_related"];

    private const string UpsertCase = """
        INSERT INTO cases (id, version, case_group, title, accused_name, accused_published_name, accused_type,
            accused_gender, accused_affiliation, accused_position, forum_country, forum_court, forum_city, situation,
            crime_from, crime_to, stage, verdict, presence, sentence_type, sentence_years, sentence_text, summary,
            publication, updated)
        VALUES (@Id, @Version, @CaseGroup, @Title, @AccusedName, @AccusedPublishedName, @AccusedType,
            @AccusedGender, @AccusedAffiliation, @AccusedPosition, @ForumCountry, @ForumCourt, @ForumCity, @Situation,
            @CrimeFrom, @CrimeTo, @Stage, @Verdict, @Presence, @SentenceType, @SentenceYears, @SentenceText, @Summary,
            @Publication, @Updated)
        ON CONFLICT (id) DO UPDATE SET
            version = excluded.version, case_group = excluded.case_group, title = excluded.title,
            accused_name = excluded.accused_name, accused_published_name = excluded.accused_published_name,
            accused_type = excluded.accused_type, accused_gender = excluded.accused_gender,
            accused_affiliation = excluded.accused_affiliation, accused_position = excluded.accused_position,
            forum_country = excluded.forum_country, forum_court = excluded.forum_court, forum_city = excluded.forum_city,
            situation = excluded.situation, crime_from = excluded.crime_from, crime_to = excluded.crime_to,
            stage = excluded.stage, verdict = excluded.verdict, presence = excluded.presence,
            sentence_type = excluded.sentence_type, sentence_years = excluded.sentence_years,
            sentence_text = excluded.sentence_text, summary = excluded.summary, publication = excluded.publication,
            updated = excluded.updated
        RETURNING pk
        """;

    static CaseRows()
    {
        // `cases` columns are snake_case; map them onto CaseRow's properties for this one type, leaving Dapper's
        // global settings alone.
        SqlMapper.SetTypeMap(typeof(CaseRow), new CustomPropertyTypeMap(
            typeof(CaseRow),
            (type, column) => type.GetProperty(column.Replace("_", string.Empty, StringComparison.Ordinal), BindingFlags.IgnoreCase | BindingFlags.Public | BindingFlags.Instance)!));
    }

    /// <summary>Runs a <c>SELECT * FROM cases ...</c> query into case rows.</summary>
    public static List<CaseRow> Query(IDbConnection connection, string sql, object parameters, IDbTransaction? transaction = null) =>
        connection.Query<CaseRow>(sql, parameters, transaction).AsList();

    public static void Write(IDbConnection connection, IDbTransaction transaction, CaseRecord record, long version)
    {
        var row = CaseRow.From(record, version);
        var pk = connection.ExecuteScalar<long>(UpsertCase, row, transaction);
        foreach (var table in ChildTables)
        {
            connection.Execute($"DELETE FROM {table} WHERE case_pk = @pk", new { pk }, transaction);
        }

        Insert(connection, transaction, "INSERT INTO case_aliases (case_pk, ord, alias) VALUES (@pk, @ord, @value)",
            record.Accused.Aliases.Select((value, ord) => new { pk, ord, value }));
        Insert(connection, transaction, "INSERT INTO case_nationalities (case_pk, ord, country) VALUES (@pk, @ord, @value)",
            record.Accused.Nationalities.Select((value, ord) => new { pk, ord, value }));
        Insert(connection, transaction, "INSERT INTO case_territories (case_pk, ord, country) VALUES (@pk, @ord, @value)",
            record.TerritorialCountries.Select((value, ord) => new { pk, ord, value }));
        Insert(connection, transaction, "INSERT INTO case_bases (case_pk, ord, basis) VALUES (@pk, @ord, @value)",
            record.JurisdictionBasis.Select((value, ord) => new { pk, ord, value }));
        Insert(connection, transaction, "INSERT INTO case_charges (case_pk, ord, crime, stage, qualification) VALUES (@pk, @ord, @Crime, @Stage, @Qualification)",
            record.Charges.Select((c, ord) => new { pk, ord, c.Crime, c.Stage, c.Qualification }));
        Insert(connection, transaction, "INSERT INTO case_events (case_pk, ord, date, type, description, outcome) VALUES (@pk, @ord, @date, @Type, @Description, @Outcome)",
            record.Events.Select((e, ord) => new { pk, ord, date = e.Date?.ToString(), e.Type, e.Description, e.Outcome }));
        Insert(connection, transaction, "INSERT INTO case_sources (case_pk, ord, url, title, publisher, date) VALUES (@pk, @ord, @Url, @Title, @Publisher, @date)",
            record.Sources.Select((s, ord) => new { pk, ord, s.Url, s.Title, s.Publisher, date = s.Date?.ToString() }));
        Insert(connection, transaction, "INSERT INTO case_related (case_pk, ord, related_id) VALUES (@pk, @ord, @value)",
            record.Related.Select((value, ord) => new { pk, ord, value }));
    }

    private static void Insert<T>(IDbConnection connection, IDbTransaction transaction, string sql, IEnumerable<T> rows)
    {
        foreach (var row in rows)
        {
            connection.Execute(sql, row, transaction);
        }
    }

    /// <summary>Loads the lists of the given case rows and assembles the records, in the order of <paramref name="rows"/>.</summary>
    public static List<CaseRecord> Read(IDbConnection connection, IReadOnlyList<CaseRow> rows, IDbTransaction? transaction = null)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var pks = rows.Select(r => r.Pk).ToArray();
        var aliases = Values(connection, "SELECT case_pk AS CasePk, alias AS Value FROM case_aliases WHERE case_pk IN @pks ORDER BY case_pk, ord", pks, transaction);
        var nationalities = Values(connection, "SELECT case_pk AS CasePk, country AS Value FROM case_nationalities WHERE case_pk IN @pks ORDER BY case_pk, ord", pks, transaction);
        var territories = Values(connection, "SELECT case_pk AS CasePk, country AS Value FROM case_territories WHERE case_pk IN @pks ORDER BY case_pk, ord", pks, transaction);
        var bases = Values(connection, "SELECT case_pk AS CasePk, basis AS Value FROM case_bases WHERE case_pk IN @pks ORDER BY case_pk, ord", pks, transaction);
        var related = Values(connection, "SELECT case_pk AS CasePk, related_id AS Value FROM case_related WHERE case_pk IN @pks ORDER BY case_pk, ord", pks, transaction);
        var charges = connection.Query<ChargeRow>("SELECT case_pk AS CasePk, crime AS Crime, stage AS Stage, qualification AS Qualification FROM case_charges WHERE case_pk IN @pks ORDER BY case_pk, ord", new { pks }, transaction)
            .ToLookup(r => r.CasePk, r => new Charge { Crime = r.Crime, Stage = r.Stage, Qualification = r.Qualification });
        var events = connection.Query<EventRow>("SELECT case_pk AS CasePk, date AS Date, type AS Type, description AS Description, outcome AS Outcome FROM case_events WHERE case_pk IN @pks ORDER BY case_pk, ord", new { pks }, transaction)
            .ToLookup(r => r.CasePk, r => new CaseEvent { Date = ParseDate(r.Date), Type = r.Type, Description = r.Description, Outcome = r.Outcome });
        var sources = connection.Query<SourceRow>("SELECT case_pk AS CasePk, url AS Url, title AS Title, publisher AS Publisher, date AS Date FROM case_sources WHERE case_pk IN @pks ORDER BY case_pk, ord", new { pks }, transaction)
            .ToLookup(r => r.CasePk, r => new Source { Url = r.Url, Title = r.Title, Publisher = r.Publisher, Date = ParseDate(r.Date) });

        return rows.Select(r => new CaseRecord
        {
            Id = r.Id,
            CaseGroup = r.CaseGroup,
            Title = r.Title,
            Accused = new Accused
            {
                Name = r.AccusedName,
                PublishedName = r.AccusedPublishedName,
                Aliases = aliases[r.Pk].ToList(),
                Type = r.AccusedType,
                Gender = r.AccusedGender,
                Nationalities = nationalities[r.Pk].ToList(),
                Affiliation = r.AccusedAffiliation,
                Position = r.AccusedPosition,
            },
            Forum = new Forum { Country = r.ForumCountry, Court = r.ForumCourt, City = r.ForumCity },
            TerritorialCountries = territories[r.Pk].ToList(),
            Situation = r.Situation,
            CrimePeriod = r.CrimeFrom is null ? null : new CrimePeriod { From = ParseDate(r.CrimeFrom), To = ParseDate(r.CrimeTo) },
            JurisdictionBasis = bases[r.Pk].ToList(),
            Charges = charges[r.Pk].ToList(),
            Stage = r.Stage,
            Verdict = r.Verdict,
            Presence = r.Presence,
            Sentence = r.SentenceType is null ? null : new Sentence { Type = r.SentenceType, Years = r.SentenceYears, Text = r.SentenceText },
            Events = events[r.Pk].ToList(),
            Summary = r.Summary,
            Sources = sources[r.Pk].ToList(),
            Related = related[r.Pk].ToList(),
            Publication = r.Publication,
            Updated = ParseDate(r.Updated),
        }).ToList();
    }

    private static ILookup<long, string> Values(IDbConnection connection, string sql, long[] pks, IDbTransaction? transaction) =>
        connection.Query<ValueRow>(sql, new { pks }, transaction).ToLookup(r => r.CasePk, r => r.Value);

    private static PartialDate? ParseDate(string? text) => text is null ? null : PartialDate.Parse(text);

    /// <summary>A row of <c>cases</c>, column for column.</summary>
    internal sealed class CaseRow
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

    private sealed class ValueRow
    {
        public long CasePk { get; set; }

        public string Value { get; set; } = string.Empty;
    }

    private sealed class ChargeRow
    {
        public long CasePk { get; set; }

        public string? Crime { get; set; }

        public string? Stage { get; set; }

        public string? Qualification { get; set; }
    }

    private sealed class EventRow
    {
        public long CasePk { get; set; }

        public string? Date { get; set; }

        public string? Type { get; set; }

        public string? Description { get; set; }

        public string? Outcome { get; set; }
    }

    private sealed class SourceRow
    {
        public long CasePk { get; set; }

        public string? Url { get; set; }

        public string? Title { get; set; }

        public string? Publisher { get; set; }

        public string? Date { get; set; }
    }
}
