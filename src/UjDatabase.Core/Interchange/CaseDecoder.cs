using System.Text.Json;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Validation;

namespace UjDatabase.Core.Interchange;

/// <summary>The outcome of reading one JSON record: the record when it is valid, and every problem found.</summary>
public sealed record DecodedCase(CaseRecord? Record, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Record is not null && Problems.Count == 0;
}

/// <summary>Turns one JSON record into a validated <see cref="CaseRecord"/>: shape first, then content.</summary>
public static class CaseDecoder
{
    public static DecodedCase Decode(JsonElement json, int? line = null)
    {
        var problems = JsonShape.Check(json);
        if (problems.Count > 0)
        {
            return new(null, problems.Select(p => p.WithLine(line)).ToList());
        }

        var record = CaseJson.Deserialize(json);
        var content = CaseValidator.Validate(record);
        return new(content.Count == 0 ? record : null, content.Select(p => p.WithLine(line)).ToList());
    }
}
