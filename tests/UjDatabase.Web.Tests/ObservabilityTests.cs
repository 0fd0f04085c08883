using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Storage;
using UjDatabase.Embedded;

namespace UjDatabase.Web.Tests;

/// <summary>The app whose store stopped answering after start: its outbox (and so the store) cannot be read.</summary>
public sealed class OutboxDownFactory : FreshAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(sp =>
        {
            var parts = EmbeddedProfile.Create(sp.GetRequiredService<StorageSettings>()).Parts;
            return parts with { Source = new DownSource(parts.Source) };
        }));
    }

    private sealed class DownSource(IIndexSource source) : IIndexSource
    {
        public Task<OutboxLag> LagAsync(CancellationToken cancellationToken = default) => throw new StoreUnavailableException("The store is not answering.");

        public Task<IReadOnlyList<OutboxItem>> ReadPendingAsync(int max, CancellationToken cancellationToken = default) => source.ReadPendingAsync(max, cancellationToken);

        public Task<IReadOnlyList<OutboxItem>> ReadAfterAsync(long seq, int max, CancellationToken cancellationToken = default) => source.ReadAfterAsync(seq, max, cancellationToken);

        public Task<long> LastSeqAsync(CancellationToken cancellationToken = default) => source.LastSeqAsync(cancellationToken);

        public Task MarkProcessedAsync(IReadOnlyList<long> seqs, CancellationToken cancellationToken = default) => source.MarkProcessedAsync(seqs, cancellationToken);

        public Task<IReadOnlyList<VersionedRecord>> GetVersionedAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default) => source.GetVersionedAsync(ids, cancellationToken);

        public Task<bool> TryTakeLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken = default) => source.TryTakeLeaseAsync(holder, duration, cancellationToken);

        public Task TakeOverLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken = default) => source.TakeOverLeaseAsync(holder, duration, cancellationToken);

        public Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken = default) => source.ReleaseLeaseAsync(holder, cancellationToken);

        public IAsyncEnumerable<VersionedRecord> StreamVersionedAsync(CancellationToken cancellationToken = default) => source.StreamVersionedAsync(cancellationToken);

        public Task SetAsideAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken = default) => source.SetAsideAsync(letters, cancellationToken);

        public Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancellationToken = default) => source.DeadLettersAsync(cancellationToken);

        public Task<int> RetryDeadAsync(CancellationToken cancellationToken = default) => source.RetryDeadAsync(cancellationToken);
    }
}

public sealed class ObservabilityTests(FreshAppFactory app) : IClassFixture<FreshAppFactory>
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public async Task Liveness_says_the_process_answers_and_readiness_reports_store_index_and_outbox()
    {
        var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");
        var report = Json(await ready.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ok", report.GetProperty("status").GetString());
        Assert.Equal("ok", report.GetProperty("store").GetString());
        Assert.Equal("ok", report.GetProperty("index").GetString());
        Assert.True(report.GetProperty("outbox_pending").GetInt64() >= 0);
        Assert.Equal(ready.StatusCode, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Metrics_are_served_for_prometheus_with_search_latency_by_engine_outbox_lag_and_request_latency_by_route()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cases?q=raslan")).StatusCode);

        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("ujdb_search_duration_seconds_bucket\\{[^}]*engine=\"lucene\"[^}]*le=\"0.005\"", text);
        Assert.Contains("ujdb_outbox_pending", text, StringComparison.Ordinal);
        Assert.Contains("ujdb_outbox_oldest_pending_age_seconds", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Matches("http_server_request_duration_seconds_count\\{[^}]*http_route=\"/api/cases/\"", text);
    }

    [Fact]
    public async Task Changes_set_aside_make_readiness_degraded_and_are_counted_in_the_metrics()
    {
        using var own = new FreshAppFactory();
        var client = own.CreateClient();
        await own.Services.GetRequiredService<StorageParts>().Source.SetAsideAsync([new DeadLetter("raslan-koblenz", 1, "mapper_parsing_exception: bad field", DateTimeOffset.UtcNow)]);

        var report = Json(await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync());

        Assert.Equal("degraded", report.GetProperty("status").GetString());
        Assert.Equal(1, report.GetProperty("dead_letters").GetInt64());
        Assert.DoesNotContain("mapper_parsing_exception", report.ToString(), StringComparison.Ordinal);
        // Every host in this test process has a meter of the same name; this host's gauge is read by its scope.
        var factory = own.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        long observed = -1;
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == "ujdb.dead_letters")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => observed = value);
        listener.Start();
        for (var i = 0; i < 100 && observed != 1; i++)
        {
            // The sync worker reads the lag when it is idle, every quarter of a second.
            await Task.Delay(50);
            listener.RecordObservableInstruments();
        }

        Assert.Equal(1, observed);
        Assert.Contains("ujdb_dead_letters", await client.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_answer_carries_the_trace_id_that_the_logs_carry()
    {
        var problem = Json(await (await app.CreateClient().GetAsync("/api/cases?page=abc")).Content.ReadAsStringAsync());

        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", problem.GetProperty("trace_id").GetString());
    }
}

public sealed class UnhealthyTests(OutboxDownFactory storeDown, IndexDownFactory indexDown) : IClassFixture<OutboxDownFactory>, IClassFixture<IndexDownFactory>
{
    [Fact]
    public async Task Readiness_is_503_when_the_store_cannot_be_read_and_liveness_still_200()
    {
        var client = storeDown.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        var text = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("unavailable", JsonDocument.Parse(text).RootElement.GetProperty("store").GetString());
        Assert.DoesNotContain("not answering", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Readiness_is_degraded_but_200_when_only_the_index_is_down()
    {
        var ready = await indexDown.CreateClient().GetAsync("/health");
        var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("degraded", report.GetProperty("status").GetString());
        Assert.Equal("unavailable", report.GetProperty("index").GetString());
    }
}
