using System.Net;
using System.Net.Sockets;

namespace DrivePower.Tests.Infrastructure;

/// <summary>Loopback ports for servers a test starts, or for one it wants to find nothing on.</summary>
internal static class LoopbackPort
{
    /// <summary>A port free on loopback now (the system's pick; a later listener may still take it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
