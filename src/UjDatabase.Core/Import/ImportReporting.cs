namespace UjDatabase.Core.Import;

/// <summary>The problems of a validation or import run as <c>ujdb</c> prints them and the editors' import page offers them: one line each, file first.</summary>
public static class ImportReporting
{
    public static async Task PrintProblemsAsync(ImportResult result, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(error);
        foreach (var (file, problem) in result.Problems)
        {
            await error.WriteLineAsync($"{file}: {problem}");
        }

        await error.WriteLineAsync(Summary(result));
    }

    /// <summary>The line that ends the list, e.g. "3 problem(s) in 2 record(s)."</summary>
    public static string Summary(ImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var records = result.Problems.Select(p => (p.File, p.Problem.Line)).Distinct().Count();
        return $"{result.Problems.Count()} problem(s) in {records} record(s).";
    }
}
