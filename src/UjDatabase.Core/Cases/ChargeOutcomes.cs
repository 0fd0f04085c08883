using UjDatabase.Core.Languages;
using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Core.Cases;

/// <summary>The crimes of one outcome: "Convicted of: war crimes, torture".</summary>
public sealed record ChargeOutcome(string Stage, string Label, IReadOnlyList<string> Crimes);

/// <summary>
/// What a defendant was convicted of, acquitted of, charged with, investigated for, and what was dropped: the charges
/// grouped by their stage, as the closest existing tracker shows them ("convicted of", "acquitted of"). A verdict
/// badge alone would make a charge that was only charged, or dropped, look like a conviction.
/// </summary>
public static class ChargeOutcomes
{
    /// <summary>The stages in the order people read them, each with its phrase.</summary>
    public static IReadOnlyList<(string Stage, string Label)> Phrases { get; } =
    [
        ("convicted", "Convicted of"),
        ("acquitted", "Acquitted of"),
        ("charged", "Charged with"),
        ("alleged", "Investigated for"),
        ("dropped", "Dropped"),
    ];

    /// <summary>The record's crimes grouped by charge stage, in <see cref="Phrases"/> order; stages with no charge are left out.</summary>
    public static IReadOnlyList<ChargeOutcome> Of(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Phrases
            .Select(p => new ChargeOutcome(p.Stage, Texts.T(p.Label), record.Charges.Where(c => c.Stage == p.Stage).Select(c => c.Crime!).Distinct().ToList()))
            .Where(o => o.Crimes.Count > 0)
            .ToList();
    }

    /// <summary>The crimes of one stage, e.g. every crime the record was convicted of.</summary>
    public static IReadOnlyList<string> CrimesAt(CaseRecord record, string stage)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Charges.Where(c => c.Stage == stage).Select(c => c.Crime!).Distinct().ToList();
    }

    /// <summary>"Convicted of war crimes" for a feed category or a tooltip.</summary>
    public static string Describe(string stage, string crime) =>
        $"{Texts.T(Phrases.First(p => p.Stage == stage).Label)} {Catalogue.Crime.LabelOf(crime).ToLowerInvariant()}";
}
