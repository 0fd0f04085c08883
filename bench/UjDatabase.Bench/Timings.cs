using System.Globalization;

namespace UjDatabase.Bench;

/// <summary>Durations of repeated runs, summarised as the median and the 95th percentile (nearest rank).</summary>
internal sealed class Timings
{
    private readonly List<double> milliseconds = [];

    public int Count => milliseconds.Count;

    public void Add(TimeSpan duration) => milliseconds.Add(duration.TotalMilliseconds);

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    public double Percentile(double p)
    {
        if (milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Ms(double value) =>
        double.IsNaN(value) ? "–" : value >= 100 ? value.ToString("F0", CultureInfo.InvariantCulture) : value.ToString("F1", CultureInfo.InvariantCulture);
}
