using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace UjDatabase.Web.Import;

/// <summary>
/// The upload page's request limit, <c>UJDB_IMPORT_MAX_BYTES</c> (plus room for the form around the file). It runs
/// before the anti-forgery check and reads the form itself, so that a file over the limit, whether the post announces
/// its size (then it is not read at all) or not (Kestrel stops it at the limit), sends the editor back to the upload
/// page with a message naming the limit, instead of the anti-forgery check's "could not be understood".
/// </summary>
public sealed class ImportSizeLimit(ImportUploads uploads) : IAsyncAuthorizationFilter
{
    /// <summary>The multipart envelope and the form's other fields, beyond the file itself.</summary>
    public const long FormOverhead = 64 * 1024;

    private const string TooLarge = "/admin/import?too_large=true";

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType)
        {
            return;
        }

        var limit = uploads.MaxBytes + FormOverhead;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new RedirectResult(TooLarge);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = limit;
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        try
        {
            // Read here, the form is kept for the anti-forgery check and the page.
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Result = new RedirectResult(TooLarge);
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            context.Result = new RedirectResult(TooLarge);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            // A form that cannot be read (malformed multipart, a client gone): the same 400 page as any bad form.
            context.Result = new BadRequestResult();
        }
    }
}
