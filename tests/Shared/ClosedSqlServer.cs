using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace UjDatabase.Tests;

/// <summary>A SQL Server connection string for a local port where nothing listens: a server that cannot be reached.</summary>
internal static class ClosedSqlServer
{
    public static string ConnectionString()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return string.Create(CultureInfo.InvariantCulture, $"Server=tcp:127.0.0.1,{port};Database=ujdb;User ID=sa;Password=not-used;Encrypt=false;Connect Timeout=3");
    }
}
