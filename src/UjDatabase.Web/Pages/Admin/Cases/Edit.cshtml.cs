using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Editing;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Validation;

namespace UjDatabase.Web.Pages.Admin.Cases;

/// <summary>
/// Every field of a record in one form, for a new record (<c>/admin/cases/new</c>) or an edit of a stored one: saved
/// at once, or kept as a draft. A save that another editor's change overtook is refused, and the form comes back with
/// the two changes merged and the fields both changed marked.
/// </summary>
// The form carries the record as the editor saw it, and a record with many events and sources has many fields.
[RequestSizeLimit(2 * 1024 * 1024)]
[RequestFormLimits(ValueCountLimit = 20_000, ValueLengthLimit = 1024 * 1024)]
// The record's address names it from the route only: the form has a field called "id" too (a new record's id).
public sealed class EditModel(IIndexSource source, EditRecord editRecord, IDraftStore drafts, TimeProvider clock) : PageModel
{
    /// <summary>The record edited (null for a new record).</summary>
    public string? CaseId { get; private set; }

    /// <summary>The record as it is stored now (null for a new record).</summary>
    public CaseRecord? Record { get; private set; }

    public RecordForm Form { get; private set; } = new();

    [BindProperty]
    public long? Version { get; set; }

    [BindProperty]
    public string? BaseJson { get; set; }

    [BindProperty]
    public bool Checked { get; set; }

    /// <summary>The draft the entries came from, if any (published or replaced when the form is saved).</summary>
    [BindProperty]
    public long? DraftId { get; set; }

    /// <summary>The list the editor asked for more empty rows of (without JavaScript).</summary>
    [BindProperty]
    public string? More { get; set; }

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Clashes { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<FieldChange>? TheirChanges { get; private set; }

    public IReadOnlyList<FieldChange>? YourChanges { get; private set; }

    public bool IsNew => CaseId is null;

    private VersionedRecord? current;

    /// <summary>Empty rows shown after a list's rows: one, or a few more when the editor asked for them.</summary>
    public int BlankRows(string list) => More == list ? 3 : 1;

    public async Task<IActionResult> OnGetAsync([FromRoute] string? id, long? draft, CancellationToken cancellationToken)
    {
        // A draft number that is no number names no draft (rather than silently opening an empty form).
        if (!await LoadAsync(id, cancellationToken) || (draft is null && Request.Query.ContainsKey("draft")))
        {
            return NotFound();
        }

        if (draft is { } draftId)
        {
            if (await OwnDraftAsync(draftId, cancellationToken) is not { } saved)
            {
                return NotFound();
            }

            DraftId = draftId;
            Form = saved.Content.Record;
            if (current is not null && current.Version != Form.Version)
            {
                // The draft was started from an older version: merge it with what changed since, as after a conflict.
                Show(EditRecord.Rebase(current, Form));
            }

            return Page();
        }

        Form = current is null
            ? new RecordForm { Values = new Dictionary<string, string>(StringComparer.Ordinal) { ["publication"] = "published", ["accused.type"] = "person" } }
            : RecordForm.From(current.Record, current.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Posted() is not { } form)
        {
            return BadForm();
        }

        var result = await editRecord.RunAsync(CaseId, form, User.Identity!.Name!, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Unchanged)
        {
            return Redirect($"/admin/cases/{CaseId}/history");
        }

        if (result.Saved is { } saved)
        {
            if (DraftId is { } draftId && await OwnDraftAsync(draftId, cancellationToken) is not null)
            {
                // Published: the draft it came from is done.
                await drafts.DeleteDraftAsync(draftId, cancellationToken);
            }

            return Redirect($"/admin/cases/{saved.CaseId}/history#revision-{saved.Number}");
        }

        Show(result);
        Response.StatusCode = result.TheirChanges is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>Keeps the entries as a draft, checked or not: nothing of the record changes, and nothing of the draft is public.</summary>
    public async Task<IActionResult> OnPostDraftAsync([FromRoute] string? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Posted() is not { } form)
        {
            return BadForm();
        }

        // A new record's draft is listed under the id it will have, if it is one yet.
        var caseId = CaseId ?? (CaseValidator.IsSlug(form.Value(RecordFields.Id)) ? form.Value(RecordFields.Id) : string.Empty);
        var checkedOn = form.Checked ? PartialDate.FromDate(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) : (PartialDate?)null;
        var draftId = await drafts.SaveDraftAsync(caseId, User.Identity!.Name!, clock.GetUtcNow(), DraftContent.Of(form with { CheckedOn = checkedOn }), cancellationToken);
        if (DraftId is { } previous && await OwnDraftAsync(previous, cancellationToken) is not null)
        {
            // Replaced only once the new one is kept.
            await drafts.DeleteDraftAsync(previous, cancellationToken);
        }

        return Redirect($"/admin/drafts/{draftId}");
    }

    /// <summary>The form again with more empty rows of one list (what the "Add" buttons do without JavaScript).</summary>
    public async Task<IActionResult> OnPostMoreAsync([FromRoute] string? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Posted() is not { } form)
        {
            return BadForm();
        }

        Form = form;
        return Page();
    }

    public string? ProblemOf(string field) => Problems.GetValueOrDefault(field);

    public string? ClashOf(string field) => Clashes.GetValueOrDefault(field);

    private RecordForm? Posted()
    {
        var posted = Request.Form.Select(p => KeyValuePair.Create(p.Key, (IReadOnlyList<string>)p.Value.Select(v => v ?? string.Empty).ToList()));
        var form = RecordForm.FromPosted(posted, IsNew ? null : Version, BaseJson, Checked, out var problem);
        if (form is null)
        {
            Problems = new Dictionary<string, string> { [string.Empty] = problem! };
        }

        return form;
    }

    private PageResult BadForm()
    {
        // The post cannot be read as a form: show the record as it is stored (or an empty one) with the message.
        Form = current is null ? new RecordForm() : RecordForm.From(current.Record, current.Version);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void Show(RecordEditResult result)
    {
        Form = result.Form;
        Problems = result.Problems;
        Clashes = result.Clashes;
        TheirChanges = result.TheirChanges;
        YourChanges = result.YourChanges;
    }

    /// <summary>Reads the record the address names; false when it names none (a new record's form names none and is always found).</summary>
    private async Task<bool> LoadAsync(string? id, CancellationToken cancellationToken)
    {
        CaseId = id;
        if (id is null)
        {
            return true;
        }

        if (!CaseValidator.IsSlug(id))
        {
            return false;
        }

        current = (await source.GetVersionedAsync([id], cancellationToken)).SingleOrDefault();
        Record = current?.Record;
        return current is not null;
    }

    /// <summary>A draft this form may open or replace: a whole record's, new or of this record.</summary>
    private async Task<Draft?> OwnDraftAsync(long id, CancellationToken cancellationToken) =>
        await drafts.DraftAsync(id, cancellationToken) is { Content.Kind: DraftKind.Record } draft && (IsNew ? draft.IsNewRecord : !draft.IsNewRecord && draft.CaseId == CaseId)
            ? draft
            : null;
}

/// <summary>One field of the record form as the page shows it: where it is, what it holds, and what is wrong with it.</summary>
public sealed record RecordFieldView(FormField Field, string Name, string Value, string? Problem, string? Clash, bool ReadOnly = false)
{
    /// <summary>Whether the field is in a row of a list (charges, events...).</summary>
    public bool InRow => Name.Contains('[', StringComparison.Ordinal);

    /// <summary>The element id: the name with its brackets and dots made safe.</summary>
    public string Id => IdOf(Name);

    /// <summary>The element id of the field called <paramref name="name"/>.</summary>
    public static string IdOf(string name) => "f-" + string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
}
