using System.Diagnostics;
using System.Net;
using System.Text;
using UjDatabase.Core.Search;
using UjDatabase.Web.Api;

namespace UjDatabase.Web.Tests;

/// <summary>
/// Thousands of generated requests over a real socket, across every route, parameter and method, with random values,
/// hostile strings, odd encodings, huge and repeated parameters: none may answer 500, break off its transfer, or take
/// two seconds.
/// </summary>
public sealed class FuzzTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    private const int Requests = 10_000;

    /// <summary>Every route, with the parameters it declares (a route's unknown parameters are fuzzed too).</summary>
    private static readonly (string Path, IReadOnlyList<ParameterDefinition> Parameters)[] Routes =
    [
        ("/", []),
        ("/search", RouteParameters.Search),
        ("/cases/raslan-koblenz", []),
        ("/cases/{id}", []),
        ("/stats", RouteParameters.Statistics),
        ("/stats/review", RouteParameters.Review),
        ("/map", RouteParameters.Map),
        ("/api/cases", RouteParameters.Search),
        ("/api/cases/{id}", []),
        ("/api/cases/export", RouteParameters.Export),
        ("/api/names", NamesApi.Parameters),
        ("/api/stats", RouteParameters.StatisticsApi),
        ("/api/stats/chart.svg", RouteParameters.Statistics),
        ("/api/stats/review", RouteParameters.ReviewExport),
        ("/feeds/cases.atom", RouteParameters.Feed),
        ("/health", []),
        ("/health/live", []),
        ("/health/ready", []),
        ("/metrics", []),
        ("/openapi/v1.json", []),
        ("/countries", []),
        ("/countries/DE", []),
        ("/countries/{id}", []),
        ("/situations", []),
        ("/situations/syria-2011", []),
        ("/situations/{id}", []),
        ("/groups/al-khatib-koblenz", []),
        ("/groups/{id}", []),
        ("/cases/{id}/cite.bib", []),
        ("/cases/{id}/cite.json", []),
        ("/error/{id}", []),
        ("/{id}", []),
    ];

    private static readonly string[] Hostile =
    [
        string.Empty, " ", "  raslan  ", "0", "-1", "1.5", "1e309", "2147483648", "-2147483649", "99999999999999999999",
        "NaN", "Infinity", "true", "null", "[]", "{}", "abc", "2024abc", "DE", "de", "XX", "SY", "_missing", "genocide",
        "convicted", "relevance", "name", "updated", "csv", "xlsx", "json", "jsonl", "atom", "1", "2", "100", "101",
        "10000", "2024", "1899", "2201", "forum", "crime", "year",
        "' OR 1=1 --", "\"; DROP TABLE cases; --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "%", "%zz", "%C0%AF", "%FF%FE", "%E2%80%AE", "\u0000",
        "\u0001\u0002", "\u007f", "\t", "\r\n", "\u202eevil", "\ud83d\ude00", "e\u0301", "Ḩabré", "راسلان", "Раслан",
        "raslan OR", "OR OR OR", "NOT", "-", "-koblenz", "\"unbalanced", "\"\"", "*", "**", "a*b", "simbi*", "NEAR(a b)",
        "(((", ")))", "title:x", "a~2", "[a TO z]", "{!}", "\\", "\\\\", "a\\\"b", "$(id)", "${7*7}", "{{7*7}}",
        "raslan,koblenz", "raslan;koblenz", "+raslan", "AND", "a&b=c", "a=b", "#frag", "?q=x", "https://evil.example",
    ];

    [Fact]
    public async Task Ten_thousand_generated_requests_get_no_500_no_broken_transfer_and_no_answer_slower_than_two_seconds()
    {
        var random = new Random(20261129);
        var requests = Enumerable.Range(0, Requests).Select(_ => Generate(random)).ToList();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, cancellationToken) =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var message = new HttpRequestMessage(request.Method, request.Url);
                if (request.Body is { } body)
                {
                    message.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                // Read to the end: a transfer that breaks off throws here.
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} {request.Method} {request.Url}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
            {
                failures.Add($"{ex.GetType().Name} {request.Method} {request.Url}: {ex.Message}");
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(2))
            {
                failures.Add($"{clock.Elapsed.TotalSeconds:F1} s {request.Method} {request.Url}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {Requests} requests failed:\n" + string.Join('\n', failures.Take(30)));
        Assert.Equal(Requests, statuses.Values.Sum());
        // The generator reaches both the answers and the refusals.
        Assert.Contains(200, statuses.Keys);
        Assert.Contains(400, statuses.Keys);
        Assert.Contains(404, statuses.Keys);
        Assert.Contains(405, statuses.Keys);
    }

    private sealed record FuzzRequest(HttpMethod Method, string Url, string? Body);

    private static FuzzRequest Generate(Random random)
    {
        var (template, parameters) = Routes[random.Next(Routes.Length)];
        var path = template.Replace("{id}", Segment(random), StringComparison.Ordinal);
        var query = new List<string>();
        var count = random.Next(10) switch
        {
            0 => 0,
            < 7 => random.Next(1, 4),
            < 9 => random.Next(4, 12),
            _ => random.Next(12, 200),
        };
        for (var i = 0; i < count; i++)
        {
            var name = parameters.Count > 0 && random.Next(6) > 0
                ? parameters[random.Next(parameters.Count)].Name
                : Pick(random, Hostile);
            query.Add(Encode(random, name) + (random.Next(20) == 0 ? string.Empty : "=" + Encode(random, Value(random))));
        }

        var url = path + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
        if (!Uri.TryCreate(new Uri("http://localhost"), url, out _))
        {
            // Something HttpClient itself refuses to send: send it fully encoded instead.
            url = path + "?q=" + Uri.EscapeDataString(url);
        }

        var method = random.Next(20) switch
        {
            < 14 => HttpMethod.Get,
            < 17 => HttpMethod.Head,
            17 => HttpMethod.Post,
            18 => Pick(random, [HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch]),
            _ => Pick(random, [HttpMethod.Options, HttpMethod.Trace]),
        };
        var body = method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch ? "{\"id\":\"" + Value(random) + "\"}" : null;
        return new FuzzRequest(method, url, body);
    }

    private static string Segment(Random random) => random.Next(4) switch
    {
        0 => "raslan-koblenz",
        1 => "does-not-exist",
        2 => Uri.EscapeDataString(Value(random)),
        _ => Pick(random, ["%20", "%2e%2e", "..", ".", "%00", "a%2Fb", "%zz", new string('a', 3000), "RASLAN-KOBLENZ", "raslan-koblenz.json"]),
    };

    private static string Value(Random random) => random.Next(8) switch
    {
        0 => new string((char)random.Next(32, 127), random.Next(1, 5000)),
        1 => string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => Pick(random, Hostile))),
        2 => random.Next(-100000, 100000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        3 => new string(Enumerable.Range(0, random.Next(1, 30)).Select(_ => (char)random.Next(0, 0xD7FF)).ToArray()),
        _ => Pick(random, Hostile),
    };

    /// <summary>Usually percent-encoded as a browser would; sometimes sent as it is, broken encodings included.</summary>
    private static string Encode(Random random, string text) =>
        random.Next(5) == 0 && text.All(c => c > 32 && c < 127 && c is not ('#' or '&' or '?'))
            ? text
            : Uri.EscapeDataString(text);

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
