using System.Net;
using System.Net.Sockets;

namespace Grid.Testing;

/// <summary>
/// Loopback ports nobody listens on right now, for hosts the tests start (held together while chosen,
/// so they all differ). They are drawn below the kernel's ephemeral range (32768–60999 on Linux): a
/// port the kernel hands out itself (port 0) can be taken again at any moment by the outgoing
/// connection of any process between the test choosing it and the host binding it, or while a host is
/// down before its restart on the same ports. A CI run once failed exactly so ("address already in use").
/// </summary>
internal static class FreePorts
{
    private const int First = 12_000;
    private const int Last = 32_000;
    private static readonly HashSet<int> Given = [];

    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            var ports = new List<int>();
            for (var tries = 0; ports.Count < count; tries++)
            {
                if (tries > 10_000)
                {
                    throw new InvalidOperationException($"no free loopback port in [{First}, {Last}]");
                }

                var port = Random.Shared.Next(First, Last);
                lock (Given)
                {
                    // Never hand the same port to two hosts of one test run.
                    if (!Given.Add(port))
                    {
                        continue;
                    }
                }

                var listener = new TcpListener(IPAddress.Loopback, port);
                try
                {
                    listener.Start();
                }
                catch (SocketException)
                {
                    continue; // someone listens there
                }

                listeners.Add(listener);
                ports.Add(port);
            }

            return [.. ports];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
