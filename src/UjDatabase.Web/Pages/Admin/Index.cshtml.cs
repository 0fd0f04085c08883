using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Accounts;
using UjDatabase.Core.Editing;

namespace UjDatabase.Web.Pages.Admin;

/// <summary>The editors' area: who is signed in, what they can do here, and the drafts waiting to be published.</summary>
public sealed class IndexModel(IDraftStore drafts) : PageModel
{
    public bool IsAdmin => User.IsInRole(AccountRules.Word(AccountRole.Admin));

    public IReadOnlyList<Draft> Drafts { get; private set; } = [];

    /// <summary>A draft in a few words for the list.</summary>
    public static string Describe(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Content.Kind == DraftKind.Development)
        {
            var form = draft.Content.Development;
            return $"a development of {draft.CaseId}: {form.Date ?? "no date"} {form.Type}".TrimEnd();
        }

        return draft.IsNewRecord ? $"a new record, {(draft.CaseId.Length > 0 ? draft.CaseId : "no id yet")}" : $"an edit of {draft.CaseId}";
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Drafts = await drafts.DraftsAsync(cancellationToken);
}
