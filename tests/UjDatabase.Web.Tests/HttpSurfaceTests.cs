using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace UjDatabase.Web.Tests;

/// <summary>Methods, errors and headers: what every route answers besides its content.</summary>
public sealed class HttpSurfaceTests(FreshAppFactory factory) : IClassFixture<FreshAppFactory>
{
    [Theory]
    [InlineData("/cases/%20")]
    [InlineData("/cases/Raslan-Koblenz")]
    [InlineData("/cases/no-such-case")]
    public async Task A_blank_odd_or_unknown_case_id_is_a_404_page(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We could not find that page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/cases/%20")]
    [InlineData("/api/cases/no-such-case")]
    [InlineData("/api/no-such-route")]
    public async Task An_unknown_api_address_is_a_404_problem(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("TRACE", "/cases/raslan-koblenz")]
    [InlineData("POST", "/search")]
    [InlineData("PUT", "/api/cases")]
    [InlineData("DELETE", "/api/cases/raslan-koblenz")]
    [InlineData("OPTIONS", "/stats")]
    [InlineData("POST", "/map")]
    [InlineData("PATCH", "/feeds/cases.atom")]
    public async Task Methods_other_than_get_and_head_are_405_with_allow(string method, string url)
    {
        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/api/cases")]
    [InlineData("/cases/no-such-case")]
    [InlineData("/css/site.css")]
    public async Task Every_answer_carries_the_security_headers_and_no_server_header(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline' ", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)) + " ", StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task No_page_has_an_inline_script()
    {
        foreach (var url in new[] { "/search", "/cases/raslan-koblenz", "/stats", "/stats/review?year=2022", "/map" })
        {
            var page = await new HtmlParser().ParseDocumentAsync(await factory.CreateClient().GetStringAsync(url));
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrWhiteSpace(s.GetAttribute("src")), $"{url} has an inline script"));
            Assert.Empty(page.QuerySelectorAll("[onclick],[onload],[onchange],[onsubmit]"));
        }
    }

    [Fact]
    public async Task A_request_for_another_host_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/search");
        request.Headers.Host = "evil.example";

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>HEAD over a real socket: Kestrel, not the test server, decides whether body bytes are sent.</summary>
public sealed class HeadTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Theory]
    [InlineData("/api/cases?forum=DE")]
    [InlineData("/api/cases/raslan-koblenz")]
    [InlineData("/api/names?prefix=ras")]
    [InlineData("/api/stats?by=forum")]
    [InlineData("/api/stats/chart.svg")]
    [InlineData("/feeds/cases.atom")]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/search")]
    [InlineData("/map?forum=DE")]
    [InlineData("/cases/raslan-koblenz")]
    [InlineData("/api/cases/export?format=csv&forum=DE")]
    [InlineData("/countries/DE")]
    [InlineData("/situations/syria-2011")]
    [InlineData("/groups/al-khatib-koblenz")]
    [InlineData("/cases/raslan-koblenz/cite.bib")]
    [InlineData("/cases/raslan-koblenz/cite.json")]
    public async Task Head_answers_like_get_without_a_body(string url)
    {
        var get = await app.Client.GetAsync(url);
        var uri = new Uri(app.BaseUrl);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"HEAD {url} HTTP/1.1\r\nHost: {uri.Host}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream);
        var answer = await reader.ReadToEndAsync();

        var split = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
        Assert.Equal(string.Empty, answer[(split + 4)..]);
        Assert.Contains($"Content-Type: {get.Content.Headers.ContentType!.MediaType}", answer[..split], StringComparison.OrdinalIgnoreCase);
    }
}
