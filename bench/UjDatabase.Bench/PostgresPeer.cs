using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Search;

namespace UjDatabase.Bench;

/// <summary>
/// The peer: the same records in PostgreSQL full-text search, built as a team would build it. One row per record with
/// a weighted <c>tsvector</c> (names A, position and court B, situation C, the rest D; unaccented, unstemmed like ours)
/// under a GIN index, one array column per facet with its own GIN index, and per search one round trip that asks for
/// the total, the page ranked by <c>ts_rank</c> with <c>ts_headline</c> snippets, each facet counted by
/// <c>GROUP BY</c> under every filter but its own, and the event-year histogram.
/// </summary>
internal sealed class PostgresPeer : IDisposable
{
    public const int Port = 5433;

    private static readonly string Bin = Directory.GetDirectories("/usr/lib/postgresql").Order().Last() + "/bin";

    private readonly string directory;
    private readonly NpgsqlDataSource source;

    private PostgresPeer(string directory)
    {
        this.directory = directory;
        source = NpgsqlDataSource.Create($"Host=/tmp;Port={Port};Username=postgres;Database=postgres;Command Timeout=600");
    }

    /// <summary>Creates a throw-away cluster in a temporary directory and starts it (as the postgres user when run as root).</summary>
    public static PostgresPeer Start()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"ujdb-bench-pg-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        if (Environment.UserName == "root")
        {
            ProcessRunner.Run("chown", ["postgres:postgres", directory]);
        }

        AsPostgres($"{Bin}/initdb", "-D", directory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
        // Memory for a 2-core, 23 GB machine; parallel workers as the cores allow.
        AsPostgres($"{Bin}/pg_ctl", "-D", directory, "-l", Path.Combine(directory, "log"), "-w", "start", "-o",
            $"-p {Port} -k /tmp -c shared_buffers=2GB -c work_mem=64MB -c effective_cache_size=8GB -c max_parallel_workers_per_gather=2 -c fsync=off");
        return new PostgresPeer(directory);
    }

    /// <summary>Runs a PostgreSQL tool as the postgres user when the bench runs as root (initdb refuses root).</summary>
    private static void AsPostgres(string file, params string[] arguments)
    {
        if (Environment.UserName == "root")
        {
            ProcessRunner.Run("runuser", ["-u", "postgres", "--", file, .. arguments]);
        }
        else
        {
            ProcessRunner.Run(file, arguments);
        }
    }

    public static string Version()
    {
        var (output, _, _) = ProcessRunner.Run($"{Bin}/postgres", ["--version"]);
        return output.Trim();
    }

    private static readonly IReadOnlyList<FacetDefinition> Facets = FacetCatalogue.All;

    /// <summary>Loads the records of a JSON Lines file and builds the indexes; returns the time it took.</summary>
    public async Task<TimeSpan> LoadAsync(string file)
    {
        var clock = Stopwatch.StartNew();
        await using (var connection = await source.OpenConnectionAsync())
        {
            var facetColumns = string.Concat(Facets.Select(f => $", \"{f.Name}\" text[] NOT NULL"));
            await ExecuteAsync(connection, $"""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH CONFIGURATION ujdb (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION ujdb ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
                CREATE TABLE cases (
                    id text PRIMARY KEY, names text, position text, court text, situation text, summary text, events text, organisations text
                    {facetColumns},
                    charges text[] NOT NULL, event_years int[] NOT NULL, event_type_years text[] NOT NULL,
                    sort_name text NOT NULL, sort_date int NOT NULL, tsv tsvector);
                """);
            var columns = "id, names, position, court, situation, summary, events, organisations, "
                + string.Concat(Facets.Select(f => $"\"{f.Name}\", ")) + "charges, event_years, event_type_years, sort_name, sort_date";
            await using (var copy = await connection.BeginBinaryImportAsync($"COPY cases ({columns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var record in CaseFileReader.ReadFile(file, item => CaseJson.Deserialize(item.Utf8!.Value.Span)))
                {
                    var document = SearchDocument.From(record);
                    await copy.StartRowAsync();
                    await copy.WriteAsync(document.Id);
                    foreach (var field in SearchFields.All)
                    {
                        await copy.WriteAsync(document.Text[field]);
                    }

                    foreach (var facet in Facets)
                    {
                        await copy.WriteAsync(document.ValuesOf(facet).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                    }

                    await copy.WriteAsync(document.Charges.Select(c => $"{c.Crime}|{c.Stage}").Distinct().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await copy.WriteAsync(document.EventFacts.Select(e => e.Year).Distinct().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer);
                    await copy.WriteAsync(document.EventFacts.Select(e => $"{e.Type}|{e.Year}").Distinct().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await copy.WriteAsync(document.SortName);
                    await copy.WriteAsync(document.SortDate);
                }

                await copy.CompleteAsync();
            }

            var facetIndexes = string.Concat(Facets.Select(f => $"CREATE INDEX ON cases USING gin (\"{f.Name}\");\n"));
            await ExecuteAsync(connection, $"""
                UPDATE cases SET tsv =
                    setweight(to_tsvector('ujdb', coalesce(names, '')), 'A')
                    || setweight(to_tsvector('ujdb', coalesce(position, '') || ' ' || coalesce(court, '')), 'B')
                    || setweight(to_tsvector('ujdb', coalesce(situation, '')), 'C')
                    || setweight(to_tsvector('ujdb', coalesce(summary, '') || ' ' || coalesce(events, '') || ' ' || coalesce(organisations, '')), 'D');
                CREATE INDEX ON cases USING gin (tsv);
                {facetIndexes}
                CREATE INDEX ON cases USING gin (charges);
                CREATE INDEX ON cases USING gin (event_type_years);
                CREATE INDEX ON cases (sort_date DESC, sort_name);
                """);
            await ExecuteAsync(connection, "VACUUM ANALYZE cases");
        }

        return clock.Elapsed;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one search, as one batch of statements in one round trip; returns its time and total.</summary>
    public async Task<(TimeSpan Elapsed, long Total)> SearchAsync(CaseQuery query)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await source.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in Statements(query))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        }

        long total = 0;
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            total = reader.GetInt64(0);
            while (await reader.NextResultAsync())
            {
                while (await reader.ReadAsync())
                {
                }
            }
        }

        return (clock.Elapsed, total);
    }

    /// <summary>The statements of one search: the total, the page, each facet, the year histogram.</summary>
    public static IEnumerable<string> Statements(CaseQuery query)
    {
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : $"websearch_to_tsquery('ujdb', {Literal(query.Text)})";
        string Where(string? except) => string.Join(" AND ", Conditions(query, text, except).DefaultIfEmpty("true"));
        var offset = (query.Page - 1) * query.Size;

        yield return $"SELECT count(*) FROM cases WHERE {Where(null)}";
        yield return text is null
            ? $"SELECT id FROM cases WHERE {Where(null)} ORDER BY sort_date DESC, sort_name LIMIT {query.Size} OFFSET {offset}"
            : $"SELECT id, ts_headline('ujdb', summary, {text}) FROM (SELECT id, summary FROM cases WHERE {Where(null)} ORDER BY ts_rank(tsv, {text}) DESC, sort_name LIMIT {query.Size} OFFSET {offset}) page";
        foreach (var facet in Facets)
        {
            yield return $"SELECT v, count(*) FROM cases LEFT JOIN LATERAL unnest(\"{facet.Name}\") v ON true WHERE {Where(facet.Name)} GROUP BY v";
        }

        yield return $"SELECT y, count(*) FROM cases, LATERAL (SELECT DISTINCT unnest(event_years)) e(y) WHERE {Where("event")} GROUP BY y";
    }

    private static IEnumerable<string> Conditions(CaseQuery query, string? text, string? except)
    {
        if (text is not null)
        {
            yield return $"tsv @@ {text}";
        }

        var crimes = query.Selected(FacetCatalogue.Crime.Name);
        var stages = query.Selected(FacetCatalogue.ChargeStage.Name);
        foreach (var facet in Facets)
        {
            var selected = query.Selected(facet.Name);
            if (facet.Name == except || selected.Count == 0 || (crimes.Count > 0 && stages.Count > 0 && (facet == FacetCatalogue.Crime || facet == FacetCatalogue.ChargeStage)))
            {
                continue;
            }

            var values = selected.Where(v => v != FacetCatalogue.Missing).ToList();
            var options = new List<string>();
            if (values.Count > 0)
            {
                options.Add($"\"{facet.Name}\" && {Array(values)}");
            }

            if (selected.Contains(FacetCatalogue.Missing))
            {
                options.Add($"cardinality(\"{facet.Name}\") = 0");
            }

            yield return "(" + string.Join(" OR ", options) + ")";
        }

        // Crime and charge stage together: within one charge.
        if (crimes.Count > 0 && stages.Count > 0 && except is not ("crime" or "charge_stage"))
        {
            yield return $"charges && {Array(crimes.SelectMany(c => stages.Select(s => $"{c}|{s}")))}";
        }

        if (query.HasEventFilter && except != "event")
        {
            var from = query.FromYear ?? 1900;
            var to = query.ToYear ?? 2100;
            yield return query.EventType is { } type
                ? $"event_type_years && {Array(Enumerable.Range(from, to - from + 1).Select(y => $"{type}|{y}"))}"
                : $"EXISTS (SELECT 1 FROM unnest(event_years) y WHERE y BETWEEN {from} AND {to})";
        }
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Array(IEnumerable<string> values) => "ARRAY[" + string.Join(", ", values.Select(Literal)) + "]::text[]";

    public void Dispose()
    {
        source.Dispose();
        try
        {
            AsPostgres($"{Bin}/pg_ctl", "-D", directory, "-m", "immediate", "stop");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
