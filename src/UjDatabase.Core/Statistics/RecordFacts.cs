using UjDatabase.Core.Cases;
using UjDatabase.Core.Search;

namespace UjDatabase.Core.Statistics;

/// <summary>
/// What the counting rules read of one record: its facet values, charges and events, and keys for the units. Engines
/// supply it from their own columns, so counting never reads the store. An engine may hand out one object per step
/// of an enumeration and change it for the next record; readers keep nothing beyond the step.
/// </summary>
public interface IRecordFacts
{
    /// <summary>A number unique to the record within one enumeration (the defendant unit).</summary>
    long Key { get; }

    /// <summary>A number shared by the records of one case group and unique to a record without one (the case unit).</summary>
    long CaseKey { get; }

    IReadOnlyList<string> Values(FacetDefinition facet);

    /// <summary>Distinct (crime, stage) pairs of the record's charges.</summary>
    IReadOnlyList<(string Crime, string Stage)> Charges { get; }

    /// <summary>The topics the record's charges name, with each charge's crime and stage.</summary>
    IReadOnlyList<ChargeTopic> ChargeTopics { get; }

    IReadOnlyList<EventFact> Events { get; }
}

/// <summary>The facts of a record held whole: for tests, and for engines that read documents rather than columns.</summary>
public sealed class RecordFacts : IRecordFacts
{
    private readonly Dictionary<FacetDefinition, IReadOnlyList<string>> values;

    public RecordFacts(long key, long caseKey, IReadOnlyDictionary<FacetDefinition, IReadOnlyList<string>> values, IReadOnlyList<(string Crime, string Stage)> charges, IReadOnlyList<ChargeTopic> chargeTopics, IReadOnlyList<EventFact> events)
    {
        ArgumentNullException.ThrowIfNull(values);
        Key = key;
        CaseKey = caseKey;
        this.values = values.ToDictionary(v => v.Key, v => v.Value);
        Charges = charges;
        ChargeTopics = chargeTopics;
        Events = events;
    }

    public long Key { get; }

    public long CaseKey { get; }

    public IReadOnlyList<(string Crime, string Stage)> Charges { get; }

    public IReadOnlyList<ChargeTopic> ChargeTopics { get; }

    public IReadOnlyList<EventFact> Events { get; }

    public IReadOnlyList<string> Values(FacetDefinition facet) => values.TryGetValue(facet, out var list) ? list : [];

    /// <summary>The facts of whole records, keyed by position; records of one case group share a case key.</summary>
    public static async IAsyncEnumerable<IRecordFacts> Of(IAsyncEnumerable<CaseRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var groups = new Dictionary<string, long>(StringComparer.Ordinal);
        long key = 0;
        await foreach (var record in records)
        {
            key++;
            yield return Of(record, key, groups);
        }
    }

    /// <summary>The facts of one record; <paramref name="groups"/> gives each case group one key across calls.</summary>
    public static RecordFacts Of(CaseRecord record, long key, Dictionary<string, long> groups)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(groups);
        var document = SearchDocument.From(record);
        long caseKey = -key;
        if (record.CaseGroup is { } group)
        {
            if (!groups.TryGetValue(group, out caseKey))
            {
                caseKey = groups.Count + 1;
                groups[group] = caseKey;
            }
        }

        return new RecordFacts(key, caseKey, document.Facets.ToDictionary(f => f.Facet, f => f.Values), document.Charges, document.ChargeTopics, document.EventFacts);
    }
}
