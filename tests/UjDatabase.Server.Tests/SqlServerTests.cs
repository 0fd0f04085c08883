using System.Reflection;
using System.Text.RegularExpressions;
using UjDatabase.Core.Storage;
using UjDatabase.Server.SqlServer;
using UjDatabase.Tests;

namespace UjDatabase.Server.Tests;

/// <summary>The T-SQL of the SQL Server store, checked here without a server; and the store itself when one is configured.</summary>
public partial class SqlServerTests
{
    public const string Variable = "UJDB_TEST_SQLSERVER";

    [Fact]
    public void Every_statement_file_uses_exactly_the_parameters_the_code_passes()
    {
        var files = Directory.GetFiles(Path.Combine(TestFiles.RepoRoot, "src", "UjDatabase.Server", "SqlServer", "Sql"), "*.sql").Select(Path.GetFileNameWithoutExtension).Order().ToList();

        Assert.Equal(files, SqlServerStatements.Names.Order());
        foreach (var name in files)
        {
            Assert.Equal(SqlServerStatements.Parameters[name!].Order(), SqlServerStatements.UsedParameters(SqlServerStatements.Load(name!)).Order());
        }
    }

    [Fact]
    public void The_parameters_the_store_passes_are_the_ones_declared()
    {
        // The store and the migration runner pass anonymous objects; their property names are the declared parameters.
        var source = string.Concat(Directory.GetFiles(Path.Combine(TestFiles.RepoRoot, "src", "UjDatabase.Server", "SqlServer"), "*.cs").Select(File.ReadAllText));
        foreach (var (name, parameters) in SqlServerStatements.Parameters.Where(p => p.Value.Count > 0))
        {
            var property = name.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]).Aggregate(string.Concat);
            var call = Regex.Match(source, $@"SqlServerStatements\.{property}, new \{{ ([^}}]*) \}}");
            Assert.True(call.Success, $"no call passing parameters to {name}");
            var passed = call.Groups[1].Value.Split(',').Select(p => p.Split('=')[0].Trim()).Select(p => p.Contains('.', StringComparison.Ordinal) ? p.Split('.')[^1].ToLowerInvariant() : p).ToList();
            Assert.Equal(parameters.Order(), passed.Order());
        }
    }

    [Fact]
    public void The_shared_tables_and_sql_name_tables_and_columns_the_tsql_migration_creates()
    {
        var migration = string.Concat(SqlServerDatabase.Migrations().Select(m => m.Sql));
        var selects = CaseRowMapping.ChildTables.Select(t => t.SelectWhere("case_pk IN @pks"))
            .Select(sql => (Table: Regex.Match(sql, @"FROM (\w+)").Groups[1].Value, Columns: Regex.Matches(sql, @"(\w+) AS ").Select(m => m.Groups[1].Value).Append("ord").ToList()));
        var tables = CaseRowMapping.ChildTables.Select(t => (Table: t.Name, Columns: t.Columns.ToList()));
        var all = selects.Concat(tables).ToList();
        Assert.Equal(30, all.Count);
        foreach (var (table, columns) in all)
        {
            var block = Regex.Match(migration, $@"CREATE TABLE {table} \((.*?)\n\);", RegexOptions.Singleline);
            Assert.True(block.Success, $"{table} is not created by the T-SQL migration");
            Assert.All(columns, column => Assert.Matches($@"\b{column}\b", block.Groups[1].Value));
        }
    }

    [Fact]
    public void Migrations_split_on_go_lines_into_batches()
    {
        var batches = SqlServerDatabase.Batches("CREATE TABLE a (x INT);\nGO\n  go  \nCREATE INDEX i ON a (x);\nGO\n");

        Assert.Equal(["CREATE TABLE a (x INT);\n", "CREATE INDEX i ON a (x);\n"], batches);
        Assert.Equal(["0001_case_store", "0002_sync_lease", "0003_format_v1_1", "0004_dead_letters", "0005_accounts", "0006_revisions", "0007_drafts", "0008_draft_kinds", "0009_revisions_of_new_records"], SqlServerDatabase.Migrations().Select(m => m.Name));
    }
}
