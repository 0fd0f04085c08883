using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Synthetic;
using UjDatabase.Embedded;
using UjDatabase.Embedded.Search;

namespace UjDatabase.Bench;

/// <summary>
/// The embedded engine on 100,000 generated records, every facet and the year histogram counted on every query.
/// Each method is one query class; the baseline is the plain listing (no text, no filter), measured in the same run.
/// </summary>
[Config(typeof(Config))]
public class SearchBenchmarks
{
    public const int RecordCount = 100_000;

    private EmbeddedProfile profile = null!;
    private LuceneSearchEngine engine = null!;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // Few iterations: the machines are small and shared; medians and p95 are what we report.
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(20).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, BaselineRatioColumn.RatioMean);
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        // The data directory is built once and kept under bench/data (ignored by git), so reruns start quickly.
        var directory = Path.Combine(FindRepoRoot(), "bench", "data", $"embedded-{RecordCount}");
        profile = EmbeddedProfile.Create(new StorageSettings(StorageProfile.Embedded, directory));
        profile.Database.Migrate();
        if (profile.Store.CountAsync().GetAwaiter().GetResult() != RecordCount)
        {
            profile.Store.UpsertAsync(SyntheticCases.Generate(RecordCount, seed: 42)).GetAwaiter().GetResult();
        }

        profile.Indexer.EnsureReadyAsync().GetAwaiter().GetResult();
        engine = profile.Engine;
        engine.SearchAsync(CaseQuery.Empty).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => profile.Indexer.Dispose();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UjDatabase.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }

    private Task<SearchResult> Search(string queryString) => engine.SearchAsync(CaseQueryParser.Parse(queryString).Query);

    [Benchmark(Baseline = true, Description = "no text, 0 filters")]
    public Task<SearchResult> NoFilters() => Search(string.Empty);

    [Benchmark(Description = "rare word")]
    public Task<SearchResult> RareWord() => Search("q=Jovanovic");

    [Benchmark(Description = "common word")]
    public Task<SearchResult> CommonWord() => Search("q=detention");

    [Benchmark(Description = "phrase")]
    public Task<SearchResult> Phrase() => Search("q=%22detention%20camp%22");

    [Benchmark(Description = "misspelt name")]
    public Task<SearchResult> MisspeltName() => Search("q=Petrovisc");

    [Benchmark(Description = "3 filters")]
    public Task<SearchResult> ThreeFilters() => Search("forum=DE&forum=FR&crime=genocide&stage=trial");

    [Benchmark(Description = "6 filters")]
    public Task<SearchResult> SixFilters() => Search("forum=DE&territory=SY&crime=war_crimes&charge_stage=convicted&gender=male&from=1990&to=2020");
}
