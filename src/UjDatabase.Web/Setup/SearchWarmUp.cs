using System.Diagnostics;
using UjDatabase.Core.Search;
using UjDatabase.Web.Stats;

namespace UjDatabase.Web.Setup;

/// <summary>
/// Runs a set of typical searches and the year in review a few dozen times just after start, on one thread, while the
/// server already answers. The JIT compiles hot code well only after it has run a while: at a million records the
/// first searches for a common word took twice as long as the thirtieth. See bench/README.md.
/// </summary>
/// <remarks>It searches the profile's engine directly, not the measured one, so that its searches stay out of the latency metrics.</remarks>
public sealed class SearchWarmUp(UjDatabase.Core.Storage.StorageParts parts, StatisticsService statistics, ILogger<SearchWarmUp> logger) : BackgroundService
{
    private const int Rounds = 30;

    /// <summary>One query of each kind the engine runs differently: browsing, filters, words, a phrase, a prefix, a deep page.</summary>
    private static readonly string[] Queries =
    [
        string.Empty,
        "forum=DE&crime=war_crimes&stage=trial",
        "territory=SY&from=2010&to=2020&sort=date",
        "q=detention",
        "q=torture%20syria",
        "q=%22detention%20camp%22",
        "q=rasslan",
        "q=simbi*&sort=name",
        "q=prison&forum=FR&crime=torture",
        "page=50&size=100",
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var query in Queries)
                {
                    stoppingToken.ThrowIfCancellationRequested();
                    await parts.Engine.SearchAsync(CaseQueryParser.Parse(query).Query, stoppingToken);
                }

                if (round % 10 == 0)
                {
                    await statistics.ReviewAsync(statistics.CurrentYear - 1, StatisticsService.DefaultSince, overTime: true, stoppingToken);
                }
            }

            logger.LogInformation("Search warmed up in {Seconds:F1} s.", clock.Elapsed.TotalSeconds);
        }
        catch (SearchUnavailableException)
        {
            // Nothing to warm while the index is down; the sync worker brings it back.
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
