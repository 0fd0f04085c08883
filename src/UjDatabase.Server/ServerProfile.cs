using Microsoft.Extensions.DependencyInjection;
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

        try
        {
            // Read now, so that a misspelt keyword is reported at start and not at the first query.
            _ = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(sql);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new InvalidOperationException($"{SqlServerVariable} is not a valid SQL Server connection string: {ex.Message}", ex);
        }

        var es = lookup(ElasticsearchVariable);
        var address = (string.IsNullOrWhiteSpace(es) ? DefaultElasticsearch : es.Trim()).TrimEnd('/') + "/";
        if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{ElasticsearchVariable} must be an http or https address, such as {DefaultElasticsearch}; it is '{es}'.");
        }

        return new ServerSettings(sql, url);
    }
}

/// <summary>The server profile's parts: SQL Server as the store of record, Elasticsearch as the index, Polly between.</summary>
public static class ServerProfile
{
    /// <summary>The parts, with the index's resilience pipeline and settings from the composition root's services.</summary>
    public static StorageParts Create(ServerSettings settings, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(services);
        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var options = services.GetRequiredService<IndexResilienceOptions>();
        var pipeline = IndexPipelines.FromServices(services);
        var database = new SqlServerDatabase(settings.SqlServerConnectionString);
        var store = new SqlServerCaseStore(database);
        // One client for the process: it keeps its connections pooled.
        var client = EsCalls.CreateClient(settings.ElasticsearchUrl);
        return new StorageParts(
            store,
            store,
            store,
            store,
            new EsSearchEngine(client, store, pipeline, options),
            new EsIndexer(client, store, pipeline, options, clock),
            new SqlServerAccountStore(database));
    }

    /// <summary>For a process without a host (ujdb): the same registration in a container of its own, let go with the parts.</summary>
    public static StorageParts Create(ServerSettings settings, Func<string, string?> lookup)
    {
        var services = new ServiceCollection().AddIndexResilience(lookup).BuildServiceProvider();
        var parts = Create(settings, services);
        return parts with { Owned = [.. parts.Owned, services] };
    }
}
