using UjDatabase.Core.Cases;

namespace UjDatabase.Core.Search;

/// <summary>A record a suggested name belongs to: its id and title, enough to tell two people of one name apart.</summary>
public sealed record NamedRecord(string Id, string Title);

/// <summary>A name or alias that begins with what was typed, and the published records it names.</summary>
public sealed record NameSuggestion(string Name, IReadOnlyList<NamedRecord> Records);

/// <summary>
/// What was typed into the search box, as folded words (accents and case removed, as the index folds them): a name
/// matches when its words include them in order, every one whole but the last, which may be the start of a word.
/// "anwar ras" matches "Anwar Raslan", "gharib" matches "Eyad al-Gharib", "habre" matches "Hissène Habré".
/// </summary>
public sealed record NamePrefix(IReadOnlyList<string> Words)
{
    /// <summary>Longer input is refused: no name is that long.</summary>
    public const int MaxLength = 100;

    /// <summary>Fewer letters than this suggest nothing: one letter would match most names.</summary>
    public const int MinLetters = 2;

    /// <summary>The words of the input, or null when it has fewer than <see cref="MinLetters"/> letters or digits.</summary>
    public static NamePrefix? Parse(string? text)
    {
        var words = QueryText.Tokenize(text ?? string.Empty);
        return words.Sum(w => w.Length) < MinLetters ? null : new NamePrefix(words.Take(QueryText.MaxTerms).ToList());
    }

    public bool Matches(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tokens = QueryText.Tokenize(name);
        return Enumerable.Range(0, tokens.Count).Any(start => MatchesAt(tokens, start));
    }

    /// <summary>Whether the name begins with the words typed (such names are suggested first).</summary>
    public bool Begins(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return MatchesAt(QueryText.Tokenize(name), 0);
    }

    private bool MatchesAt(List<string> tokens, int start)
    {
        if (start + Words.Count > tokens.Count)
        {
            return false;
        }

        for (var i = 0; i < Words.Count; i++)
        {
            var token = tokens[start + i];
            if (i == Words.Count - 1 ? !token.StartsWith(Words[i], StringComparison.Ordinal) : token != Words[i])
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => string.Join(' ', Words);
}

/// <summary>
/// Turns the records an index found for a prefix into suggestions: each of their names and aliases that matches, once
/// however many records bear it, names that begin with the words typed first, then in the records' order.
/// </summary>
public static class NameSuggestions
{
    public const int DefaultSize = 8;

    public const int MaxSize = 10;

    /// <summary>
    /// How many records an engine reads to fill <paramref name="size"/> suggestions: more than one per suggestion,
    /// because a record can match by its title or court only, or bear a name already suggested.
    /// </summary>
    public static int Candidates(int size) => size * 3;

    /// <summary>
    /// The suggestions of the records an index found (<paramref name="ids"/>, in its order), read from the store a few at
    /// a time until there are enough: reading the records is most of a lookup's time, and the first few usually suffice.
    /// </summary>
    public static async Task<IReadOnlyList<NameSuggestion>> ReadAsync(NamePrefix prefix, IReadOnlyList<string> ids, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<CaseRecord>>> read, int size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(read);
        var records = new List<CaseRecord>();
        IReadOnlyList<NameSuggestion> suggestions = [];
        foreach (var chunk in ids.Chunk(Math.Max(1, size)))
        {
            var byId = (await read(chunk, cancellationToken)).ToDictionary(r => r.Id, StringComparer.Ordinal);
            records.AddRange(chunk.Where(byId.ContainsKey).Select(id => byId[id]));
            suggestions = From(prefix, records, size);
            if (suggestions.Count >= size)
            {
                break;
            }
        }

        return suggestions;
    }

    public static IReadOnlyList<NameSuggestion> From(NamePrefix prefix, IEnumerable<CaseRecord> records, int size)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(records);
        var byName = new Dictionary<string, (string Name, List<NamedRecord> Records, int Order)>(StringComparer.Ordinal);
        foreach (var record in records.Where(r => r.IsPublished))
        {
            var names = new[] { record.Accused.Name, record.Accused.PublishedName }.Concat(record.Accused.Aliases).OfType<string>();
            foreach (var name in names.Where(prefix.Matches))
            {
                var key = QueryText.Fold(name.Trim());
                if (!byName.TryGetValue(key, out var entry))
                {
                    byName[key] = entry = (name.Trim(), [], byName.Count);
                }

                if (!entry.Records.Any(r => r.Id == record.Id))
                {
                    entry.Records.Add(new NamedRecord(record.Id, record.Title));
                }
            }
        }

        return byName.Values.OrderBy(e => prefix.Begins(e.Name) ? 0 : 1).ThenBy(e => e.Order).Take(size)
            .Select(e => new NameSuggestion(e.Name, e.Records)).ToList();
    }
}
