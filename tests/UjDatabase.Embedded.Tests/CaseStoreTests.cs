using UjDatabase.Core.Cases;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Synthetic;
using UjDatabase.Tests;

namespace UjDatabase.Embedded.Tests;

public class CaseStoreTests
{
    private static List<CaseRecord> SeedRecords() =>
        TestFiles.SeedFiles.SelectMany(CaseFileReader.ReadFile).Select(i => CaseDecoder.Decode(i.Json!.Value, i.Line).Record!).ToList();

    [Fact]
    public async Task Every_seed_record_reads_back_equal_field_for_field()
    {
        using var test = new TestStore();
        var seed = SeedRecords();

        await test.Store.UpsertAsync(seed);

        foreach (var record in seed)
        {
            var read = await test.Store.GetAsync(record.Id);
            Assert.NotNull(read);
            Assert.Equal(CaseJson.Serialize(record, indented: true), CaseJson.Serialize(read!, indented: true));
        }
    }

    [Fact]
    public async Task Nulls_empty_lists_and_partial_dates_survive_the_round_trip()
    {
        using var test = new TestStore();
        var sparse = SampleCases.Valid() with
        {
            CaseGroup = null,
            Accused = new Accused { Type = "unidentified" },
            Forum = new Forum { Country = "DE" },
            TerritorialCountries = [],
            CrimePeriod = new CrimePeriod { From = PartialDate.Parse("2022") },
            Verdict = null,
            Presence = null,
            Sentence = new Sentence { Type = "life" },
            Events = [new CaseEvent { Date = PartialDate.Parse("2022-03"), Type = "investigation_opened" }],
        };

        await test.Store.UpsertAsync([sparse]);

        Assert.Equal(CaseJson.Serialize(sparse), CaseJson.Serialize((await test.Store.GetAsync(sparse.Id))!));
    }

    [Fact]
    public async Task An_update_replaces_the_lists_and_raises_the_version()
    {
        using var test = new TestStore();
        var original = SampleCases.Valid();
        await test.Store.UpsertAsync([original]);

        var shorter = original with { Events = [original.Events[0]], Accused = original.Accused with { Aliases = [] } };
        await test.Store.UpsertAsync([shorter]);

        var read = (await test.Store.GetAsync(original.Id))!;
        Assert.Single(read.Events);
        Assert.Empty(read.Accused.Aliases);
        var outbox = test.Store.ReadOutbox();
        Assert.Equal([1L, 2L], outbox.Select(o => o.Version));
        Assert.Equal(1, await test.Store.CountAsync());
    }

    [Fact]
    public async Task Every_insert_update_and_delete_writes_one_outbox_row()
    {
        using var test = new TestStore();

        await test.Store.UpsertAsync([SampleCases.Valid("a-case"), SampleCases.Valid("b-case")]);
        await test.Store.UpsertAsync([SampleCases.Valid("a-case")]);
        Assert.True(await test.Store.DeleteAsync("b-case"));
        Assert.False(await test.Store.DeleteAsync("b-case"));

        var outbox = test.Store.ReadOutbox();
        Assert.Equal(["a-case:upsert:1", "b-case:upsert:2", "a-case:upsert:3", "b-case:delete:4"],
            outbox.Select(o => $"{o.CaseId}:{o.Operation}:{o.Version}"));
        Assert.All(outbox, o => Assert.False(o.Processed));
        Assert.Null(await test.Store.GetAsync("b-case"));
    }

    [Fact]
    public async Task A_batch_that_fails_part_way_writes_neither_records_nor_outbox_rows()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync([SampleCases.Valid("kept")]);

        static IEnumerable<CaseRecord> Failing()
        {
            yield return SampleCases.Valid("first");
            throw new InvalidOperationException("the source broke");
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => test.Store.UpsertAsync(Failing()));

        Assert.Equal(1, await test.Store.CountAsync());
        Assert.Single(test.Store.ReadOutbox());
        await test.Store.UpsertAsync([SampleCases.Valid("next")]);
        Assert.Equal(2, test.Store.ReadOutbox()[^1].Version);
    }

    [Fact]
    public async Task Deleting_a_record_removes_its_lists()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync([SampleCases.Valid()]);

        await test.Store.DeleteAsync(SampleCases.Valid().Id);

        using var connection = test.Database.Open();
        foreach (var table in new[] { "case_aliases", "case_nationalities", "case_charges", "case_events", "case_sources" })
        {
            Assert.Equal(0L, Dapper.SqlMapper.ExecuteScalar<long>(connection, $"SELECT COUNT(*) FROM {table}"));
        }
    }

    [Fact]
    public async Task Streaming_returns_every_record_once_in_id_order_across_pages()
    {
        using var test = new TestStore();
        var records = SyntheticCases.Generate(1234).Reverse().ToList();
        await test.Store.UpsertAsync(records);

        var ids = new List<string>();
        await foreach (var record in test.Store.StreamAllAsync())
        {
            ids.Add(record.Id);
        }

        Assert.Equal(records.Select(r => r.Id).Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task Finds_which_ids_exist()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync([SampleCases.Valid("a-case")]);

        var found = await test.Store.FindExistingIdsAsync(["a-case", "b-case"]);

        Assert.Equal(["a-case"], found);
    }
}
