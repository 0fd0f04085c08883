using UjDatabase.Web.Api;
using UjDatabase.Web.Feeds;
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
app.MapStatsApi();
app.MapCasesFeed();
app.MapOpenApi();
app.MapGetAndHead("/health", () => TypedResults.Ok(new UjDatabase.Web.Setup.HealthStatus("ok"))).WithName("Health").WithSummary("Whether the app is up");
app.Run();

/// <summary>The web application's entry point; public so that tests can host it.</summary>
public partial class Program;
