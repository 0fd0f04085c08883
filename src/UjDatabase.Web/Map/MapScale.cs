namespace UjDatabase.Web.Map;

/// <summary>One shade of the map: the counts it covers and its colour.</summary>
public sealed record MapClass(long From, long To, string Colour)
{
    public string Label => From == To ? $"{From:N0}" : $"{From:N0}–{To:N0}";
}

/// <summary>
/// The map's shades: up to five classes with geometric breaks from 1 to the largest count, because a few states hold
/// most records and equal steps would leave nearly every other country in the palest class.
/// </summary>
public sealed record MapScale(IReadOnlyList<MapClass> Classes)
{
    /// <summary>Countries with no record.</summary>
    public const string None = "#e3e7ec";

    // Light to dark blue; each step is distinct from its neighbours, and the darkest takes white text in the legend.
    private static readonly string[] Palette = ["#cfe1f2", "#93bfe3", "#5797cf", "#2a6aa8", "#123f6e"];

    public static MapScale For(long max)
    {
        if (max < 1)
        {
            return new MapScale([]);
        }

        var lows = new List<long> { 1 };
        for (var step = 1; step < Palette.Length; step++)
        {
            var low = (long)Math.Ceiling(Math.Pow(max, step / (double)Palette.Length));
            if (low > lows[^1] && low <= max)
            {
                lows.Add(low);
            }
        }

        // Fewer classes take the darker end of the palette, so that the largest count is always the darkest shade.
        var offset = Palette.Length - lows.Count;
        return new MapScale(lows.Select((low, i) => new MapClass(low, i + 1 < lows.Count ? lows[i + 1] - 1 : max, Palette[offset + i])).ToList());
    }

    /// <summary>The colour of a count: <see cref="None"/> for nothing.</summary>
    public string ColourOf(long count) => Classes.LastOrDefault(c => c.From <= count)?.Colour ?? None;
}
