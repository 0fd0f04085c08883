using UjDatabase.Web.Api;
using UjDatabase.Web.Citations;
using UjDatabase.Web.Feeds;
using UjDatabase.Web.Languages;
using UjDatabase.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
// Settings come from environment variables and the command line (see the README); there is no appsettings.json,
// because `dotnet run` starts in the repository root, where the project's own files are not the content root.
builder.AddUjDatabaseWeb();

var app = builder.Build();
app.UseUjDatabasePipeline();
app.MapRazorPages();
app.MapExportApi();
app.MapCasesApi();
app.MapNamesApi();
app.MapStatsApi();
app.MapCasesFeed();
app.MapCitations();
app.MapLanguageSwitch();
app.MapOpenApi();
app.MapHealth();
app.MapPrometheusScrapingEndpoint("/metrics");
try
{
    app.Run();
    return 0;
}
catch (Exception ex) when (ex is UjDatabase.Core.Storage.StoreUnavailableException or InvalidOperationException or IOException or UnauthorizedAccessException)
{
    // The host has logged the failure with its stack; the operator's console gets one line saying what to fix.
    Console.Error.WriteLine($"UjDatabase.Web could not start: {ex.Message}");
    return 1;
}

/// <summary>The web application's entry point; public so that tests can host it.</summary>
public partial class Program;
