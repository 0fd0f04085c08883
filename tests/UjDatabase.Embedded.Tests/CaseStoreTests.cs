using Dapper;
using UjDatabase.Core.Storage;
using UjDatabase.Tests;
using UjDatabase.Tests.Contracts;

namespace UjDatabase.Embedded.Tests;

/// <summary>The store contract on SQLite.</summary>
public sealed class SqliteCaseStoreContractTests : CaseStoreContract
{
    protected override Task<IStoreUnderTest> CreateAsync() => Task.FromResult<IStoreUnderTest>(new SqliteStore());

    private sealed class SqliteStore : IStoreUnderTest
    {
        private readonly TestStore test = new();

        public ICaseStore Store => test.Store;

        public IIndexSource Source => test.Store;

        public UjDatabase.Core.Accounts.IAccountStore Accounts => new UjDatabase.Embedded.Accounts.SqliteAccountStore(test.Database);

        public UjDatabase.Core.Editing.IRecordEditor Editor => test.Store;

        public UjDatabase.Core.Editing.IDraftStore Drafts => test.Store;

        public ValueTask DisposeAsync()
        {
            test.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>What only the SQLite store promises beyond the contract.</summary>
public class SqliteCaseStoreTests
{
    [Fact]
    public async Task Versions_count_up_from_one_across_the_whole_store()
    {
        using var test = new TestStore();

        await test.Store.UpsertAsync([SampleCases.Valid("a-case"), SampleCases.Valid("b-case")]);
        await test.Store.DeleteAsync("a-case");

        Assert.Equal([1L, 2L, 3L], test.Store.ReadOutbox().Select(o => o.Version));
    }

    [Fact]
    public async Task Deleting_a_record_removes_its_lists()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync([SampleCases.Valid()]);

        await test.Store.DeleteAsync(SampleCases.Valid().Id);

        using var connection = test.Database.Open();
        foreach (var table in CaseRowMapping.ChildTables)
        {
            Assert.Equal(0L, connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table.Name}"));
        }
    }
}
