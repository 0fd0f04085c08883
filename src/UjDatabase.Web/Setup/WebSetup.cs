using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.WebEncoders;
using OpenTelemetry.Metrics;
using UjDatabase.Web.Stats;

namespace UjDatabase.Web.Setup;

/// <summary>The web application's services and request pipeline, so that Program.cs reads as a table of contents.</summary>
public static class WebSetup
{
    public static WebApplicationBuilder AddUjDatabaseWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per line for log collectors; the scopes carry the request's id and trace id into every
            // line written while it is served (problem responses carry the same trace id).
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        builder.Services.AddSingleton<SyncStatus>();
        builder.Services.AddSingleton<UjdbMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(UjdbMetrics.MeterName, "Polly", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting")
            .AddPrometheusExporter());
        // No "Server: Kestrel" header: it tells an attacker what to try and a reader nothing.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var site = SiteSettings.Resolve(key => configuration[key]);
        builder.Services.AddSingleton(site);
        builder.Services.Configure<HostFilteringOptions>(options => options.AllowedHosts = [.. site.AllowedHosts]);
        builder.Services.AddUjDatabaseRateLimits(RateLimitSettings.Resolve(key => configuration[key]));
        builder.Services.AddUjDatabase(configuration);
        builder.Services.AddEditorAccess(configuration, site);
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AddPageRoute("/Search/Index", "/");
            // One form for a new record and for an edit of a stored one: the new record has no id in its address yet.
            options.Conventions.AddPageRoute("/Admin/Cases/Edit", "/admin/cases/new");
            // The editors' area: every page needs an editor, the accounts page an admin; only signing in is open.
            options.Conventions.AuthorizeFolder("/Admin", EditorAccess.EditorPolicy);
            options.Conventions.AuthorizeFolder("/Admin/Accounts", EditorAccess.AdminPolicy);
            options.Conventions.AllowAnonymousToPage("/Admin/SignIn");
            options.Conventions.AllowAnonymousToPage("/Admin/Denied");
            options.Conventions.ConfigureFilter(new UnknownHandler());
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StatisticsService>();
        builder.Services.AddSingleton<Map.WorldMapService>();
        builder.Services.AddSingleton<Overview.SearchOverviewService>();
        builder.Services.AddSingleton<Import.ImportUploads>();
        builder.Services.AddOpenApi(options => options.AddOperationTransformer(Api.OpenApiParameters.TransformAsync));
        // The API's JSON is the interchange format's: snake_case, nulls written, readable accents.
        builder.Services.ConfigureHttpJsonOptions(options => UjDatabase.Core.Interchange.CaseJson.Apply(options.SerializerOptions));
        // Names are written in many scripts; HTML-encode only what is unsafe, not every non-ASCII letter ("Habré", not "Habr&#xE9;").
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    public static WebApplication UseUjDatabasePipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The language first: everything after it (the method rule, error pages, rate limits, routing) sees the path
        // without its /fr prefix, and the error pages are written in the request's language.
        app.UseMiddleware<Languages.LanguagePrefix>();
        app.UseRequestLocalization(Languages.LanguagePrefix.Configure);
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<MethodRestriction>();
        // Never a stack trace: the API and feeds answer problem details, pages a friendly page.
        app.UseWhen(ErrorResponses.WantsProblem, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !ErrorResponses.WantsProblem(context), pages =>
        {
            pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseMiddleware<UnavailableHandling>();
        app.UseStaticFiles();
        // Routing after the status-code pages, so that a re-executed request (/error/404) is routed afresh.
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>A GET endpoint that also answers HEAD (like GET, without the body).</summary>
    public static RouteHandlerBuilder MapGetAndHead(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
        endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler);
}
