using System.Net;
using System.Net.Sockets;

namespace Grid.Testing;

/// <summary>Loopback ports nobody listens on right now (held together while chosen, so they all differ).</summary>
internal static class FreePorts
{
    private static readonly HashSet<int> Given = [];

    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            var ports = new List<int>();
            while (ports.Count < count)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                lock (Given)
                {
                    // Never hand the same port to two hosts of one test run.
                    if (Given.Add(port))
                    {
                        ports.Add(port);
                    }
                }
            }

            return [.. ports];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
