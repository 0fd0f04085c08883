using System.Diagnostics;

namespace UjDatabase.Bench;

/// <summary>Runs the repository's programs (the built ujdb and web app, PostgreSQL's tools) as child processes.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs a program to the end; throws with its output when it fails.</summary>
    public static (string Out, string Error, TimeSpan Elapsed) Run(string file, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, Action<string>? onOutputLine = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = new System.Text.StringBuilder();
        var error = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.AppendLine(line);
                onOutputLine?.Invoke(line);
            }
        };
        process.ErrorDataReceived += (_, e) => error.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        var elapsed = clock.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}):\n{output}\n{error}");
        }

        return (output.ToString(), error.ToString(), elapsed);
    }
}
