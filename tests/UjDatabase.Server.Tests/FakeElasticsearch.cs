using System.Net;
using System.Text;

namespace UjDatabase.Server.Tests;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that plays Elasticsearch answers from Responses/ (written from the documented response formats; no server runs here) and records the requests it got, so
/// that the adapter's requests and its handling of each kind of answer are tested without a server.
/// </summary>
internal sealed class FakeElasticsearch : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> answers = new();

    public List<(HttpMethod Method, string Path, string? Body)> Requests { get; } = [];

    public static string Response(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Responses", name));

    public FakeElasticsearch Answer(HttpStatusCode status, string body)
    {
        answers.Enqueue(_ => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        return this;
    }

    public FakeElasticsearch AnswerWith(string name) => Answer(HttpStatusCode.OK, Response(name));

    /// <summary>Answers the next request after doing something that happens meanwhile elsewhere (a write to the store).</summary>
    public FakeElasticsearch Answer(HttpStatusCode status, string body, Action meanwhile)
    {
        answers.Enqueue(_ =>
        {
            meanwhile();
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        });
        return this;
    }

    public FakeElasticsearch Refuse()
    {
        answers.Enqueue(_ => throw new HttpRequestException("Connection refused (localhost:9200)", new System.Net.Sockets.SocketException(111)));
        return this;
    }

    /// <summary>Answers every later request the same way.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage>? Always { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!.PathAndQuery, body));
        if (answers.TryDequeue(out var answer))
        {
            return answer(request);
        }

        return Always?.Invoke(request) ?? throw new InvalidOperationException($"No recorded answer for {request.Method} {request.RequestUri}");
    }
}
