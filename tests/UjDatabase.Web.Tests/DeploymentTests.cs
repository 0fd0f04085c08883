using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace UjDatabase.Web.Tests;

/// <summary>Links that leave the site come from its configured address, and costly routes are rate limited.</summary>
public sealed class DeploymentTests(DeployedAppFactory factory) : IClassFixture<DeployedAppFactory>
{
    [Fact]
    public async Task Permalinks_canonical_links_feed_ids_and_export_links_use_the_configured_address_not_the_host_header()
    {
        var client = factory.CreateClient();
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/cases/raslan-koblenz"));
        Assert.Equal($"{DeployedAppFactory.PublicUrl}/cases/raslan-koblenz", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains($"{DeployedAppFactory.PublicUrl}/cases/raslan-koblenz", page.QuerySelector(".case-footer")!.TextContent, StringComparison.Ordinal);

        var feed = XDocument.Parse(await client.GetStringAsync("/feeds/cases.atom?forum=DE"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal($"{DeployedAppFactory.PublicUrl}/feeds/cases.atom?forum=DE", feed.Root!.Element(atom + "id")!.Value);
        Assert.All(feed.Root.Elements(atom + "entry"), e => Assert.StartsWith(DeployedAppFactory.PublicUrl + "/cases/", e.Element(atom + "id")!.Value, StringComparison.Ordinal));

        var stats = JsonDocument.Parse(await client.GetStringAsync("/api/stats?by=forum")).RootElement;
        Assert.StartsWith(DeployedAppFactory.PublicUrl + "/search", stats.GetProperty("total").GetProperty("records").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_over_the_limit_get_429_with_retry_after_and_other_routes_go_on()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cases/export?format=csv&forum=SN")).StatusCode);
        }

        var refused = await client.GetAsync("/api/cases/export?format=csv&forum=SN");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cases?forum=SN")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases/raslan-koblenz")).StatusCode);
    }
}
