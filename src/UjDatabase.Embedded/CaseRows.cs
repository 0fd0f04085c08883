using System.Data;
using System.Reflection;
using Dapper;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Storage;
using CaseRow = UjDatabase.Core.Storage.CaseRowMapping.CaseRow;

namespace UjDatabase.Embedded;

/// <summary>Maps a <see cref="CaseRecord"/> to the normalised tables and back.</summary>
internal static class CaseRows
{
    private const string UpsertCase = """
        INSERT INTO cases (id, version, case_group, title, accused_name, accused_published_name, accused_type,
            accused_gender, accused_affiliation, accused_position, accused_sort_name, accused_residence_country, forum_country, forum_court,
            forum_city, situation, crime_from, crime_to, stage, verdict, presence, sentence_type, sentence_years,
            sentence_text, victims_civil_parties, victims_civil_parties_count, reparation_ordered, reparation_ordered_by,
            reparation_amount, reparation_currency, reparation_note, summary, publication, updated)
        VALUES (@Id, @Version, @CaseGroup, @Title, @AccusedName, @AccusedPublishedName, @AccusedType,
            @AccusedGender, @AccusedAffiliation, @AccusedPosition, @AccusedSortName, @AccusedResidenceCountry, @ForumCountry, @ForumCourt,
            @ForumCity, @Situation, @CrimeFrom, @CrimeTo, @Stage, @Verdict, @Presence, @SentenceType, @SentenceYears,
            @SentenceText, @VictimsCivilParties, @VictimsCivilPartiesCount, @ReparationOrdered, @ReparationOrderedBy,
            @ReparationAmount, @ReparationCurrency, @ReparationNote, @Summary, @Publication, @Updated)
        ON CONFLICT (id) DO UPDATE SET
            version = excluded.version, case_group = excluded.case_group, title = excluded.title,
            accused_name = excluded.accused_name, accused_published_name = excluded.accused_published_name,
            accused_type = excluded.accused_type, accused_gender = excluded.accused_gender,
            accused_affiliation = excluded.accused_affiliation, accused_position = excluded.accused_position,
            accused_sort_name = excluded.accused_sort_name, accused_residence_country = excluded.accused_residence_country,
            forum_country = excluded.forum_country, forum_court = excluded.forum_court, forum_city = excluded.forum_city,
            situation = excluded.situation, crime_from = excluded.crime_from, crime_to = excluded.crime_to,
            stage = excluded.stage, verdict = excluded.verdict, presence = excluded.presence,
            sentence_type = excluded.sentence_type, sentence_years = excluded.sentence_years,
            sentence_text = excluded.sentence_text, victims_civil_parties = excluded.victims_civil_parties,
            victims_civil_parties_count = excluded.victims_civil_parties_count,
            reparation_ordered = excluded.reparation_ordered, reparation_ordered_by = excluded.reparation_ordered_by,
            reparation_amount = excluded.reparation_amount, reparation_currency = excluded.reparation_currency,
            reparation_note = excluded.reparation_note, summary = excluded.summary, publication = excluded.publication,
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

    /// <summary>The records (with their versions) that <c>SELECT * FROM cases {condition}</c> finds, in its order.</summary>
    public static List<VersionedRecord> Select(IDbConnection connection, string condition, object parameters, IDbTransaction? transaction = null)
    {
        var rows = connection.Query<CaseRow>("SELECT * FROM cases " + condition, parameters, transaction).AsList();
        return Read(connection, rows, transaction).Select((record, i) => new VersionedRecord(record, rows[i].Version)).ToList();
    }

    /// <summary>The records with these ids (in no particular order), read in chunks the parameter limit allows.</summary>
    public static List<VersionedRecord> SelectByIds(IDbConnection connection, IEnumerable<string> ids, IDbTransaction? transaction = null) =>
        ids.Chunk(500).SelectMany(chunk => Select(connection, "WHERE id IN @chunk", new { chunk }, transaction)).ToList();

    public static void Write(IDbConnection connection, IDbTransaction transaction, CaseRecord record, long version)
    {
        var row = CaseRow.From(record, version);
        var pk = connection.ExecuteScalar<long>(UpsertCase, row, transaction);
        foreach (var table in CaseRowMapping.ChildTables)
        {
            connection.Execute($"DELETE FROM {table.Name} WHERE case_pk = @pk", new { pk }, transaction);
        }

        foreach (var child in CaseRowMapping.ChildValuesOf(pk, record))
        {
            var parameters = new DynamicParameters();
            for (var i = 0; i < child.Values.Count; i++)
            {
                parameters.Add(child.Table.Columns[i], child.Values[i]);
            }

            connection.Execute(child.Table.InsertSql, parameters, transaction);
        }
    }

    /// <summary>Loads the lists of the given case rows and assembles the records, in the order of <paramref name="rows"/>.</summary>
    private static List<CaseRecord> Read(IDbConnection connection, List<CaseRow> rows, IDbTransaction? transaction)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var pks = rows.Select(r => r.Pk).ToArray();
        var lists = CaseRowMapping.ChildTables.ToDictionary(
            table => table,
            table => connection.Query<CaseRowMapping.ListRow>(table.SelectSql, new { pks }, transaction).ToLookup(r => r.CasePk));
        return CaseRowMapping.Assemble(rows, lists);
    }
}
