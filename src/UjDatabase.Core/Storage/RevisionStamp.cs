namespace UjDatabase.Core.Storage;

/// <summary>Who made a write, when, and as what action: a write that carries one keeps a revision of every record it creates or changes.</summary>
public sealed record RevisionStamp(string Author, string Action, DateTimeOffset At);
