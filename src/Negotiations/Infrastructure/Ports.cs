using System.Net;
using System.Net.Sockets;

namespace Negotiations.Infrastructure;

public static class Ports
{
    /// <summary>A TCP port on the loopback interface that nothing listens on right now (the OS picks it).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
