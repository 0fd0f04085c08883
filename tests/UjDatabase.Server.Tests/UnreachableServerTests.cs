using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;
using UjDatabase.Server.Elasticsearch;
using UjDatabase.Server.Resilience;
using UjDatabase.Server.SqlServer;
using UjDatabase.Tests;

namespace UjDatabase.Server.Tests;

/// <summary>SqlClient and the Elasticsearch client for real, against a port where nothing listens: the failure is a message, not a crash.</summary>
public sealed class UnreachableServerTests
{
    [Fact]
    public async Task Opening_a_connection_to_a_closed_port_is_a_store_unavailable_error_naming_the_setting()
    {
        var database = new SqlServerDatabase(ClosedSqlServer.ConnectionString());

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => database.OpenAsync());

        Assert.Contains(ServerSettings.SqlServerVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.IsType<Microsoft.Data.SqlClient.SqlException>(error.InnerException);
    }

    [Fact]
    public async Task Migrating_against_a_closed_port_is_a_store_unavailable_error()
    {
        var store = new SqlServerCaseStore(new SqlServerDatabase(ClosedSqlServer.ConnectionString()));

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.MigrateAsync());
    }

    [Fact]
    public async Task Searching_an_elasticsearch_address_where_nothing_listens_is_search_unavailable_after_the_retries()
    {
        var options = new IndexResilienceOptions { Retries = 1, RetryDelay = TimeSpan.FromMilliseconds(1), MinimumThroughput = 100 };
        var client = EsCalls.CreateClient(new Uri($"http://127.0.0.1:{ClosedSqlServer.Port()}/"));
        var engine = new EsSearchEngine(client, new InMemoryStore(), IndexPipelines.Idempotent(options), options);

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(CaseQueryParser.Parse(string.Empty).Query));

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Status);
    }

    [Theory]
    [InlineData("Server=x;Bogus Keyword=1", "UJDB_SQLSERVER")]
    [InlineData("not a connection string", "UJDB_SQLSERVER")]
    public void A_malformed_connection_string_is_refused_at_start_naming_the_setting(string connectionString, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServerSettings.Resolve(key => key == ServerSettings.SqlServerVariable ? connectionString : null));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:9200")]
    [InlineData("ftp://search.example")]
    [InlineData("http://")]
    public void A_bad_elasticsearch_address_is_refused_at_start_naming_the_setting(string address)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServerSettings.Resolve(key => key switch
        {
            ServerSettings.SqlServerVariable => "Server=localhost;Database=ujdb",
            ServerSettings.ElasticsearchVariable => address,
            _ => null,
        }));

        Assert.Contains(ServerSettings.ElasticsearchVariable, error.Message, StringComparison.Ordinal);
    }
}
