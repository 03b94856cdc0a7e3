using System.Net;
using System.Net.Sockets;

namespace Reconciler.Drivers.Tests.Support;

/// <summary>Free ports and HTTP probes for tasks that serve on the loopback address.</summary>
public static class LocalNetwork
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until <paramref name="url"/> answers and returns its body.</summary>
    public static Task<string> GetWhenServingAsync(string url, string what) => Eventually.ValueAsync(() => TryGet(url), what);

    private static string? TryGet(string url)
    {
        using var http = new HttpClient();
        try
        {
            return http.GetStringAsync(url).GetAwaiter().GetResult();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
