using System.Text.Json.Nodes;
using UjDatabase.Tests;

namespace UjDatabase.Server.Tests;

/// <summary>
/// Golden files of the requests the adapter builds. Run with UJDB_UPDATE_GOLDEN=1 to rewrite them after a deliberate
/// change, then read the diff: it is the change to what Elasticsearch receives.
/// </summary>
internal static class Golden
{
    private static string SourcePath(string name) => Path.Combine(TestFiles.RepoRoot, "tests", "UjDatabase.Server.Tests", "Golden", name);

    public static void AssertJson(string name, JsonNode actual)
    {
        var text = actual.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
        AssertText(name, text);
    }

    public static void AssertText(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("UJDB_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(SourcePath(name), actual);
            return;
        }

        var expected = File.ReadAllText(SourcePath(name));
        Assert.Equal(expected, actual);
    }
}
