using System.Text;

namespace UjDatabase.Core.Validation;

/// <summary>One thing wrong with one record: where it is (line, record id, field path), the offending value, and why.</summary>
public sealed record ValidationProblem(string? RecordId, int? Line, string Path, string? Value, string Message)
{
    public ValidationProblem WithLine(int? line) => this with { Line = line };

    public override string ToString()
    {
        var text = new StringBuilder();
        if (Line is not null)
        {
            text.Append("line ").Append(Line.Value).Append(": ");
        }

        if (RecordId is not null)
        {
            text.Append("record '").Append(RecordId).Append("': ");
        }

        text.Append(Path.Length == 0 ? "(record)" : Path);
        if (Value is not null)
        {
            text.Append(" = ").Append(Value);
        }

        return text.Append(": ").Append(Message).ToString();
    }
}
