using System.Reflection;
using System.Text.RegularExpressions;
using UjDatabase.Core.Storage;

namespace UjDatabase.Server.SqlServer;

/// <summary>
/// The T-SQL statements of the SQL Server store, read from the embedded Sql/*.sql files, each with the parameters the
/// C# passes to it. A test checks every file's @parameters against this list.
/// </summary>
public static partial class SqlServerStatements
{
    private const string Prefix = "UjDatabase.Server.SqlServer.Sql.";

    /// <summary>The parameters each statement takes from C#, by file name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["create_database"] = ["name", "quoted"],
        ["create_schema_version"] = [],
        ["migration_done"] = ["name"],
        ["record_migration"] = ["name"],
        ["count_cases"] = [],
        ["existing_ids"] = ["chunk"],
        ["last_seq"] = [],
        ["stage_cases"] = [],
        ["merge_cases"] = [],
        ["replace_children"] = [],
        ["delete_case"] = ["id"],
        ["select_cases"] = [],
        ["read_pending"] = ["max"],
        ["read_after"] = ["seq", "max"],
        ["mark_processed"] = ["seqs"],
        ["take_lease"] = ["name", "holder", "milliseconds"],
        ["take_over_lease"] = ["name", "holder", "milliseconds"],
        ["release_lease"] = ["name", "holder"],
        ["outbox_lag"] = [],
        ["set_aside"] = ["caseId", "version", "error"],
        ["dead_letters"] = [],
        ["retry_dead"] = [],
        ["record_version"] = ["id"],
        ["next_revision"] = ["caseId"],
        ["add_revision"] = ["caseId", "number", "at", "author", "action", "previousJson", "recordJson"],
        ["stage_revisions"] = [],
        ["add_revisions"] = ["at", "author", "action"],
        ["history"] = ["caseId"],
        ["draft_add"] = ["caseId", "author", "savedAt", "kind", "formJson"],
        ["draft_list"] = [],
        ["draft_find"] = ["id"],
        ["draft_delete"] = ["id"],
        ["account_find"] = ["name"],
        ["account_list"] = [],
        ["account_add"] = ["name", "role", "passwordHash", "securityStamp", "disabled", "failedSignIns", "lockedUntil", "createdAt"],
        ["account_update"] = ["name", "role", "passwordHash", "securityStamp", "disabled", "failedSignIns", "lockedUntil"],
    };

    public static string CreateDatabase { get; } = Load("create_database");

    public static string CreateSchemaVersion { get; } = Load("create_schema_version");

    public static string MigrationDone { get; } = Load("migration_done");

    public static string RecordMigration { get; } = Load("record_migration");

    public static string CountCases { get; } = Load("count_cases");

    public static string ExistingIds { get; } = Load("existing_ids");

    public static string LastSeq { get; } = Load("last_seq");

    public static string StageCases { get; } = Load("stage_cases");

    public static string MergeCases { get; } = Load("merge_cases");

    public static string ReplaceChildren { get; } = Load("replace_children");

    public static string DeleteCase { get; } = Load("delete_case");

    public static string SelectCases { get; } = Load("select_cases");

    public static string ReadPending { get; } = Load("read_pending");

    public static string ReadAfter { get; } = Load("read_after");

    public static string MarkProcessed { get; } = Load("mark_processed");

    public static string TakeLease { get; } = Load("take_lease");

    public static string TakeOverLease { get; } = Load("take_over_lease");

    public static string ReleaseLease { get; } = Load("release_lease");

    public static string OutboxLag { get; } = Load("outbox_lag");

    public static string SetAside { get; } = Load("set_aside");

    public static string DeadLetters { get; } = Load("dead_letters");

    public static string RetryDead { get; } = Load("retry_dead");

    public static string RecordVersion { get; } = Load("record_version");

    public static string NextRevision { get; } = Load("next_revision");

    public static string AddRevision { get; } = Load("add_revision");

    public static string StageRevisions { get; } = Load("stage_revisions");

    public static string AddRevisions { get; } = Load("add_revisions");

    public static string History { get; } = Load("history");

    public static string DraftAdd { get; } = Load("draft_add");

    public static string DraftList { get; } = Load("draft_list");

    public static string DraftFind { get; } = Load("draft_find");

    public static string DraftDelete { get; } = Load("draft_delete");

    public static string AccountFind { get; } = Load("account_find");

    public static string AccountList { get; } = Load("account_list");

    public static string AccountAdd { get; } = Load("account_add");

    public static string AccountUpdate { get; } = Load("account_update");

    public static IEnumerable<string> Names => Parameters.Keys;

    public static string Load(string name) => SqlResources.LoadOne(Assembly.GetExecutingAssembly(), Prefix + name + ".sql");

    /// <summary>The @parameters a statement uses, leaving out variables it declares itself and @@ functions.</summary>
    public static IReadOnlySet<string> UsedParameters(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var withoutComments = string.Join('\n', sql.Split('\n').Select(l => l.Split("--")[0]));
        var declared = Declared().Matches(withoutComments).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Used().Matches(withoutComments).Select(m => m.Groups[1].Value).Where(p => !declared.Contains(p)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"(?<![@\w])@(\w+)")]
    private static partial Regex Used();

    [GeneratedRegex(@"DECLARE\s+@(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex Declared();
}
