namespace UjDatabase.Web.Setup;

/// <summary>
/// The site's public address and the host names it answers to, from configuration. Links that leave the site
/// (permalinks, canonical links, feed ids, links in exports) are built from the public address, never from the
/// request's Host header, which a client can set to anything.
/// </summary>
public sealed record SiteSettings(Uri PublicUrl, IReadOnlyList<string> AllowedHosts)
{
    public const string PublicUrlKey = "UJDB_PUBLIC_URL";
    public const string AllowedHostsKey = "UJDB_ALLOWED_HOSTS";
    public const string DefaultPublicUrl = "http://localhost:5080";

    /// <summary>The public address without a trailing slash, e.g. <c>https://ujdb.example.org</c>.</summary>
    public string BaseUrl => PublicUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>An absolute address on the site for a path such as <c>/cases/raslan-koblenz</c>.</summary>
    public string Absolute(string pathAndQuery) => BaseUrl + pathAndQuery;

    /// <summary>
    /// Reads <c>UJDB_PUBLIC_URL</c> (an absolute http or https address) and <c>UJDB_ALLOWED_HOSTS</c> (host names
    /// separated by ';'; default: the public address's host and the loopback names).
    /// </summary>
    public static SiteSettings Resolve(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var text = lookup(PublicUrlKey);
        text = string.IsNullOrWhiteSpace(text) ? DefaultPublicUrl : text.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            throw new InvalidOperationException($"{PublicUrlKey}='{text}' is not the site's address: give an absolute http or https address such as https://ujdb.example.org.");
        }

        var hosts = lookup(AllowedHostsKey);
        var allowed = string.IsNullOrWhiteSpace(hosts)
            ? new[] { url.Host, "localhost", "127.0.0.1", "[::1]" }.Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : hosts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return new SiteSettings(url, allowed);
    }
}
