using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace UjDatabase.Web.Setup;

/// <summary>
/// A page asked for an action it does not have (<c>?handler=</c> naming none of its handlers, on a page with no
/// unnamed handler for the method) is not found. Razor Pages would otherwise render the page without running any
/// handler, with none of its state loaded.
/// </summary>
public sealed class UnknownHandler : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
