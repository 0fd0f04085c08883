using System.Net;
using System.Text;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using UjDatabase.Server.Elasticsearch;

namespace UjDatabase.Server.Tests;

/// <summary>
/// Plays Elasticsearch answers from Responses/ (recorded shapes; no server runs here) through the client's own
/// <see cref="InMemoryRequestInvoker"/>, one answer per request, and records each request as the client sent it
/// (its body from <see cref="ApiCallDetails.RequestBodyInBytes"/>), so that the adapter's requests and its handling of
/// each kind of answer are tested without a server.
/// </summary>
internal sealed class FakeElasticsearch : IRequestInvoker
{
    // Elasticsearch names itself on every answer; the client's product check looks for this header.
    private static readonly Dictionary<string, IEnumerable<string>> ProductHeader = new(StringComparer.OrdinalIgnoreCase) { ["x-elastic-product"] = ["Elasticsearch"] };

    private readonly Queue<Reply> answers = new();

    public FakeElasticsearch() => Client = EsCalls.CreateClient(new Uri("http://es.test:9200/"), this, keepBodies: true);

    /// <summary>The official client, talking to this fake.</summary>
    public ElasticsearchClient Client { get; }

    public List<(string Method, string Path, string? Body)> Requests { get; } = [];

    /// <summary>Answers every later request the same way, once the queue is empty.</summary>
    public (HttpStatusCode Status, string Body)? Always { get; set; }

    public ResponseFactory ResponseFactory { get; } = new InMemoryRequestInvoker().ResponseFactory;

    public static string Response(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Responses", name));

    public FakeElasticsearch Answer(HttpStatusCode status, string body, Action? meanwhile = null)
    {
        answers.Enqueue(new Reply(status, body, null, meanwhile));
        return this;
    }

    public FakeElasticsearch AnswerWith(string name) => Answer(HttpStatusCode.OK, Response(name));

    /// <summary>The next request finds no server listening.</summary>
    public FakeElasticsearch Refuse()
    {
        answers.Enqueue(new Reply(0, string.Empty, new HttpRequestException("Connection refused (es.test:9200)", new System.Net.Sockets.SocketException(111)), null));
        return this;
    }

    /// <summary>The next request gets no answer until it is given up.</summary>
    public FakeElasticsearch Hang()
    {
        answers.Enqueue(new Reply(0, string.Empty, null, null, Hangs: true));
        return this;
    }

    public async Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken)
        where TResponse : TransportResponse, new()
    {
        var answer = answers.TryDequeue(out var next) ? next
            : Always is { } always ? new Reply(always.Status, always.Body, null, null)
            : throw new InvalidOperationException($"No recorded answer for {endpoint.Method} {endpoint.PathAndQuery}");
        answer.Meanwhile?.Invoke();
        if (answer.Hangs)
        {
            Requests.Add((endpoint.Method.ToString().ToUpperInvariant(), "/" + endpoint.PathAndQuery.TrimStart('/'), null));
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var player = new InMemoryRequestInvoker(Encoding.UTF8.GetBytes(answer.Body), (int)answer.Status, answer.Exception, "application/json", ProductHeader);
        var response = await player.RequestAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken);
        var body = response.ApiCallDetails.RequestBodyInBytes is { Length: > 0 } bytes ? Encoding.UTF8.GetString(bytes) : null;
        Requests.Add((endpoint.Method.ToString().ToUpperInvariant(), "/" + endpoint.PathAndQuery.TrimStart('/'), body));
        return response;
    }

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new() =>
        throw new NotSupportedException("The adapter only calls Elasticsearch asynchronously.");

    public void Dispose()
    {
    }

    private sealed record Reply(HttpStatusCode Status, string Body, Exception? Exception, Action? Meanwhile, bool Hangs = false);
}
