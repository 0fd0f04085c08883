using System.Globalization;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Validation;
using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Core.Editing;

/// <summary>
/// A new development of a case as an editor enters it: the event (date, type, outcome, description), a source for it,
/// the charge stages and the case's stage and verdict it changes, whether the record was checked against its sources
/// today, and the version and record the editor started from.
/// </summary>
public sealed record DevelopmentForm
{
    public string? Date { get; init; }

    public string? Type { get; init; }

    public string? Outcome { get; init; }

    public string? Description { get; init; }

    public string? SourceUrl { get; init; }

    public string? SourceTitle { get; init; }

    public string? SourcePublisher { get; init; }

    public string? SourceDate { get; init; }

    /// <summary>New stages of charges, by their place in the record (a charge left out, or blank, keeps its stage).</summary>
    // An IDictionary, which the web form binds to directly (posted as ChargeStages[0], ChargeStages[1]...).
    public IDictionary<int, string> ChargeStages { get; init; } = new Dictionary<int, string>();

    /// <summary>The case's new stage, or null to keep it.</summary>
    public string? Stage { get; init; }

    /// <summary>The case's new verdict, or null to keep it.</summary>
    public string? Verdict { get; init; }

    /// <summary>The editor checked the whole record against its sources today: its "last checked" date becomes today.</summary>
    public bool Checked { get; init; }

    /// <summary>The stored version the editor started from.</summary>
    public long Version { get; init; }

    /// <summary>The record as the editor saw it (interchange JSON), to show what someone else changed meanwhile.</summary>
    public string? BaseJson { get; init; }
}

/// <summary>
/// What became of a development: saved (with its revision), refused with problems by form field, or refused because
/// someone else changed the record first (then both changes are given, and the form keeps the editor's entries).
/// </summary>
public sealed record DevelopmentResult(
    RecordRevision? Saved,
    IReadOnlyDictionary<string, string> Problems,
    VersionedRecord? Current = null,
    IReadOnlyList<FieldChange>? TheirChanges = null,
    IReadOnlyList<FieldChange>? YourChanges = null)
{
    public bool NotFound { get; init; }
}

/// <summary>
/// Adds a development to a case in one step: the new record is the stored one with the event, its source and the
/// stage changes, checked by the same validator as an import, and written only if nobody changed the record since the
/// editor loaded it, with its revision, through the outbox (so the index follows).
/// </summary>
public sealed class AddDevelopment(IIndexSource source, IRecordEditor editor, TimeProvider clock)
{
    public async Task<DevelopmentResult> RunAsync(string caseId, DevelopmentForm form, string author, CancellationToken cancellationToken = default)
    {
        var preview = await PreviewAsync(caseId, form, cancellationToken);
        if (preview.Current is not { } current)
        {
            return new DevelopmentResult(null, new Dictionary<string, string>()) { NotFound = true };
        }

        var (record, problems) = (preview.Record, preview.Problems);
        if (problems.Count > 0)
        {
            return new DevelopmentResult(null, problems);
        }

        if (current.Version != form.Version)
        {
            return Conflict(current, form, record);
        }

        var saved = await editor.SaveAsync(record, form.Version, current.Record, author, RevisionActions.Development, clock.GetUtcNow(), cancellationToken);
        if (saved is null)
        {
            // Changed between the read above and the write: read it again to show what changed.
            var now = (await source.GetVersionedAsync([caseId], cancellationToken)).SingleOrDefault();
            return now is null ? new DevelopmentResult(null, problems) { NotFound = true } : Conflict(now, form, record);
        }

        return new DevelopmentResult(saved, problems);
    }

    /// <summary>The record as the development would make it, with the problems the validator finds, without writing anything (for a draft's review).</summary>
    public async Task<(VersionedRecord? Current, CaseRecord Record, IReadOnlyDictionary<string, string> Problems)> PreviewAsync(string caseId, DevelopmentForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var current = (await source.GetVersionedAsync([caseId], cancellationToken)).SingleOrDefault();
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (current is null)
        {
            return (null, null!, problems);
        }

        var record = Apply(current.Record, form, problems, out var eventIndex, out var sourceIndex);
        if (problems.Count == 0)
        {
            foreach (var problem in CaseValidator.Validate(record))
            {
                problems.TryAdd(FieldOf(problem.Path, eventIndex, sourceIndex), problem.Message);
            }
        }

        return (current, record, problems);
    }

    private static DevelopmentResult Conflict(VersionedRecord current, DevelopmentForm form, CaseRecord mine)
    {
        var seen = EditConflict.Seen(form.BaseJson, current.Record.Id);
        var theirs = seen is null ? [] : FieldChanges.Between(seen, current.Record);
        // Yours: what saving again would add to the record as it now is.
        var yours = FieldChanges.Between(current.Record, mine);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal) { [string.Empty] = EditConflict.Message };
        return new DevelopmentResult(null, problems, current, theirs, yours);
    }

    /// <summary>The record with the development applied; problems of the form's own fields (a date that is no date) go to <paramref name="problems"/>.</summary>
    private CaseRecord Apply(CaseRecord record, DevelopmentForm form, Dictionary<string, string> problems, out int eventIndex, out int sourceIndex)
    {
        var date = ParseDate(form.Date, "date", problems, required: true);
        var sourceDate = ParseDate(form.SourceDate, "source_date", problems, required: false);
        var development = new CaseEvent { Date = date, Type = Blank(form.Type), Outcome = Blank(form.Outcome), Description = Blank(form.Description) };
        // Events stay in date order; a new one goes after those of the same date.
        var events = record.Events.ToList();
        eventIndex = date is { } d ? events.FindLastIndex(e => e.Date is { } other && other <= d) + 1 : events.Count;
        events.Insert(eventIndex, development);

        var sources = record.Sources.ToList();
        sourceIndex = -1;
        if (Blank(form.SourceUrl) is { } url)
        {
            sourceIndex = sources.FindIndex(s => string.Equals(s.Url, url, StringComparison.Ordinal));
            if (sourceIndex < 0)
            {
                sources.Add(new Source { Url = url, Title = Blank(form.SourceTitle), Publisher = Blank(form.SourcePublisher), Date = sourceDate });
                sourceIndex = sources.Count - 1;
            }
        }
        else
        {
            problems["source_url"] = "is required: every development needs the source that reports it";
        }

        var charges = record.Charges.ToList();
        foreach (var (index, stage) in form.ChargeStages)
        {
            if (Blank(stage) is not { } code)
            {
                // "Unchanged" in the form.
                continue;
            }

            if (index < 0 || index >= charges.Count)
            {
                // No field shows it: the record as a whole gets the message.
                problems[string.Empty] = $"The form names charge {index.ToString(CultureInfo.InvariantCulture)}, which this record does not have; reload the form.";
            }
            else if (code != charges[index].Stage)
            {
                charges[index] = charges[index] with { Stage = code };
            }
        }

        var today = clock.GetUtcNow().UtcDateTime;
        return record with
        {
            Events = events,
            Sources = sources,
            Charges = charges,
            Stage = Blank(form.Stage) ?? record.Stage,
            Verdict = Blank(form.Verdict) ?? record.Verdict,
            Updated = form.Checked ? PartialDate.FromDate(DateOnly.FromDateTime(today)) : record.Updated,
        };
    }

    private static PartialDate? ParseDate(string? text, string field, Dictionary<string, string> problems, bool required)
    {
        if (Blank(text) is not { } value)
        {
            if (required)
            {
                problems[field] = "is required";
            }

            return null;
        }

        if (PartialDate.TryParse(value, out var date))
        {
            return date;
        }

        problems[field] = "must be a date of the form YYYY, YYYY-MM or YYYY-MM-DD";
        return null;
    }

    /// <summary>The form field a validator problem belongs to ("" for the record as a whole).</summary>
    private static string FieldOf(string path, int eventIndex, int sourceIndex)
    {
        var eventPrefix = $"events[{eventIndex.ToString(CultureInfo.InvariantCulture)}].";
        var sourcePrefix = $"sources[{sourceIndex.ToString(CultureInfo.InvariantCulture)}].";
        if (path.StartsWith(eventPrefix, StringComparison.Ordinal))
        {
            return path[eventPrefix.Length..];
        }

        if (sourceIndex >= 0 && path.StartsWith(sourcePrefix, StringComparison.Ordinal))
        {
            return "source_" + path[sourcePrefix.Length..];
        }

        if (path.StartsWith("charges[", StringComparison.Ordinal) && path.EndsWith("].stage", StringComparison.Ordinal))
        {
            return "charge_" + path["charges[".Length..^"].stage".Length];
        }

        return path is "stage" or "verdict" ? path : string.Empty;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
