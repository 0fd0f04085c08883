using System.Reflection;
using UjDatabase.Core.Storage;

namespace UjDatabase.Embedded;

/// <summary>The SQLite statements of the embedded store, read from the embedded Sql/*.sql files.</summary>
public static class SqliteStatements
{
    public static string ClearDeadLetters { get; } = Load("clear_dead_letters");

    public static string CountCases { get; } = Load("count_cases");

    public static string DeadLetters { get; } = Load("dead_letters");

    public static string DeleteCase { get; } = Load("delete_case");

    public static string ExistingIds { get; } = Load("existing_ids");

    public static string ExistingPks { get; } = Load("existing_pks");

    public static string LastSeq { get; } = Load("last_seq");

    public static string LastVersion { get; } = Load("last_version");

    public static string LeaseHolder { get; } = Load("lease_holder");

    public static string MarkProcessed { get; } = Load("mark_processed");

    public static string MarkProcessedLetters { get; } = Load("mark_processed_letters");

    public static string NextVersion { get; } = Load("next_version");

    public static string OutboxDelete { get; } = Load("outbox_delete");

    public static string OutboxEntries { get; } = Load("outbox_entries");

    public static string OutboxLag { get; } = Load("outbox_lag");

    public static string OutboxUpserts { get; } = Load("outbox_upserts");

    public static string ReadAfter { get; } = Load("read_after");

    public static string ReadPending { get; } = Load("read_pending");

    public static string ReleaseLease { get; } = Load("release_lease");

    public static string RetryDead { get; } = Load("retry_dead");

    public static string SetAside { get; } = Load("set_aside");

    public static string SetLastVersion { get; } = Load("set_last_version");

    public static string TakeLease { get; } = Load("take_lease");

    public static string TakeOverLease { get; } = Load("take_over_lease");

    public static string TableNames { get; } = Load("table_names");

    public static string SchemaVersions { get; } = Load("schema_versions");

    public static string MigrationDone { get; } = Load("migration_done");

    public static string RecordMigration { get; } = Load("record_migration");

    public static string CreateSchemaVersion { get; } = Load("create_schema_version");

    public static string UpsertCases { get; } = Load("upsert_cases");

    public static string AccountFind { get; } = Load("account_find");

    public static string AccountList { get; } = Load("account_list");

    public static string AccountAdd { get; } = Load("account_add");

    public static string AccountUpdate { get; } = Load("account_update");

    public static string RecordVersion { get; } = Load("record_version");

    public static string NextRevision { get; } = Load("next_revision");

    public static string AddRevision { get; } = Load("add_revision");

    public static string AddRevisions { get; } = Load("add_revisions");

    public static string History { get; } = Load("history");

    public static string DraftAdd { get; } = Load("draft_add");

    public static string DraftList { get; } = Load("draft_list");

    public static string DraftFind { get; } = Load("draft_find");

    public static string DraftDelete { get; } = Load("draft_delete");

    /// <summary>A statement by its file name.</summary>
    public static string Load(string name) => SqlResources.LoadOne(Assembly.GetExecutingAssembly(), $"UjDatabase.Embedded.Sql.{name}.sql");
}
