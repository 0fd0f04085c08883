namespace UjDatabase.Embedded.Tests;

/// <summary>A clock that always says the same time, so that "checked today" and revision times can be asserted.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
