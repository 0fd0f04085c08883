using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using UjDatabase.Web.Api;
using UjDatabase.Web.Feeds;
using UjDatabase.Web.Setup;
using UjDatabase.Web.Stats;

var builder = WebApplication.CreateBuilder(args);
// Settings come from environment variables and the command line (see the README); there is no appsettings.json,
// because `dotnet run` starts in the repository root, where the project's own files are not the content root.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddUjDatabase(builder.Configuration);
builder.Services.AddRazorPages(options => options.Conventions.AddPageRoute("/Search/Index", "/"));
builder.Services.AddProblemDetails();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<StatisticsService>();
builder.Services.AddOpenApi();
// Names are written in many scripts; HTML-encode only what is unsafe, not every non-ASCII letter ("Habré", not "Habr&#xE9;").
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();
// Never a stack trace: errors are a friendly page, or problem details for the API.
app.UseExceptionHandler("/error");
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) && !context.Request.Path.StartsWithSegments("/feeds", StringComparison.Ordinal),
    pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));

app.UseMiddleware<SearchUnavailableHandling>();
app.UseStaticFiles();
// Routing after the status-code pages, so that a re-executed request (/error/404) is routed afresh.
app.UseRouting();
app.MapRazorPages();
app.MapExportApi();
app.MapCasesApi();
app.MapStatsApi();
app.MapCasesFeed();
app.MapOpenApi();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.Run();

/// <summary>The web application's entry point; public so that tests can host it.</summary>
public partial class Program;
