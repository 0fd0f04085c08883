using UjDatabase.Core.Storage;
using UjDatabase.Server.Elasticsearch;
using UjDatabase.Server.Resilience;
using UjDatabase.Server.SqlServer;

namespace UjDatabase.Server;

/// <summary>Where the server profile's servers are, read from the environment like the rest of the settings.</summary>
public sealed record ServerSettings(string SqlServerConnectionString, Uri ElasticsearchUrl)
{
    public const string SqlServerVariable = "UJDB_SQLSERVER";
    public const string ElasticsearchVariable = "UJDB_ELASTICSEARCH";
    public const string DefaultElasticsearch = "http://localhost:9200";

    public static ServerSettings Resolve(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var sql = lookup(SqlServerVariable);
        if (string.IsNullOrWhiteSpace(sql))
        {
            throw new InvalidOperationException($"The server profile needs {SqlServerVariable}: a SQL Server connection string.");
        }

        var es = lookup(ElasticsearchVariable);
        return new ServerSettings(sql, new Uri((string.IsNullOrWhiteSpace(es) ? DefaultElasticsearch : es).TrimEnd('/') + "/"));
    }
}

/// <summary>The server profile's parts: SQL Server as the store of record, Elasticsearch as the index, Polly between.</summary>
public static class ServerProfile
{
    public static StorageParts Create(ServerSettings settings, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var store = new SqlServerCaseStore(new SqlServerDatabase(settings.SqlServerConnectionString));
        // One client for the process; Polly's timeout bounds each attempt, so the HttpClient's own is off.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = settings.ElasticsearchUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var client = new EsClient(http);
        var options = new IndexResilienceOptions();
        var pipeline = IndexPipelines.Idempotent(options, clock);
        return new StorageParts(
            store,
            store,
            new EsSearchEngine(client, store, pipeline, options),
            new EsIndexer(client, store, pipeline, options, clock ?? TimeProvider.System));
    }
}
