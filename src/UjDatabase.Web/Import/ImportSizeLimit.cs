using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace UjDatabase.Web.Import;

/// <summary>
/// The upload page's request limit, <c>UJDB_IMPORT_MAX_BYTES</c> (plus room for the form around the file). It runs
/// before the anti-forgery check, which reads the form: a post that announces a larger body is sent back to the upload
/// page with a message naming the limit, unread, instead of failing half-way; one that does not announce its size is
/// stopped by Kestrel at the limit.
/// </summary>
public sealed class ImportSizeLimit(ImportUploads uploads) : IAuthorizationFilter
{
    /// <summary>The multipart envelope and the form's other fields, beyond the file itself.</summary>
    public const long FormOverhead = 64 * 1024;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return;
        }

        var limit = uploads.MaxBytes + FormOverhead;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new RedirectResult("/admin/import?too_large=1");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = limit;
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}
