using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace UjDatabase.Tests;

/// <summary>Addresses of local ports where nothing listens: servers that cannot be reached.</summary>
internal static class ClosedSqlServer
{
    /// <summary>A port that was free a moment ago (taken and let go).</summary>
    public static int Port()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static string ConnectionString()
    {
        var port = Port();
        return string.Create(CultureInfo.InvariantCulture, $"Server=tcp:127.0.0.1,{port};Database=ujdb;User ID=sa;Password=not-used;Encrypt=false;Connect Timeout=3");
    }
}
