using UjDatabase.Core.Import;

namespace UjDatabase.Cli.Commands;

/// <summary>Prints the problems of a validation or import run, one line each, file first.</summary>
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

        var records = result.Problems.Select(p => (p.File, p.Problem.Line)).Distinct().Count();
        await error.WriteLineAsync($"{result.Problems.Count()} problem(s) in {records} record(s).");
    }
}
