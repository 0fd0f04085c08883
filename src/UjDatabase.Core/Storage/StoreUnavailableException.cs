namespace UjDatabase.Core.Storage;

/// <summary>
/// The store of record cannot be reached (server down, wrong address, refused login). The message names the setting
/// that says where the store is, so an operator knows what to check; the web app answers 503 and ujdb exits 3.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
