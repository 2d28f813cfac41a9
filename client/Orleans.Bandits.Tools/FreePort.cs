using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Orleans.Bandits.Tools;

/// <summary>
/// Loopback ports that are free now, for servers started in process or as child processes (silo and gateway
/// ports, the study's fleets, test hosts). They are drawn at random below the kernel's ephemeral range
/// (32768 and up on Linux): a port the kernel hands out for <c>bind(0)</c> or an outgoing connection can be
/// handed out again, to this process or another, between our check and the server's own bind, which made
/// parallel test projects collide. Below that range only another caller of this class can take it, and the
/// draw is random, so two processes rarely pick the same port; within a process no port is handed out twice.
/// </summary>
public static class FreePort
{
    private const int First = 20_000;
    private const int Last = 32_767;
    private const int Attempts = 1_000;

    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    public static int Next()
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var port = Random.Shared.Next(First, Last + 1);
            if (IsFree(port) && HandedOut.TryAdd(port, true))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port in {First}-{Last} after {Attempts} tries.");
    }

    /// <summary><paramref name="count"/> distinct free ports.</summary>
    public static int[] Next(int count) => Enumerable.Range(0, count).Select(_ => Next()).ToArray();

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
