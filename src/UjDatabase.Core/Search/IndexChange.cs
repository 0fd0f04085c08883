using UjDatabase.Core.Cases;

namespace UjDatabase.Core.Search;

/// <summary>A change to apply to an index: a record at a store version, or (with no record) the deletion of an id at a version.</summary>
public sealed record IndexChange(string CaseId, long Version, CaseRecord? Record);
