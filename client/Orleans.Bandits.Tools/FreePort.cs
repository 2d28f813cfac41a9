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

    /// <summary>A port <c>b</c> with <c>b + 1</c> to <c>b + count</c> free: for scripts that number their servers from a base.</summary>
    public static int BaseOfFree(int count)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var first = Random.Shared.Next(First, Last - count + 2);
            var block = Enumerable.Range(first, count).ToArray();
            if (!block.All(IsFree))
            {
                continue;
            }

            var taken = block.TakeWhile(port => HandedOut.TryAdd(port, true)).ToArray();
            if (taken.Length == count)
            {
                return first - 1;
            }

            foreach (var port in taken)
            {
                HandedOut.TryRemove(port, out _);
            }
        }

        throw new InvalidOperationException($"No {count} consecutive free loopback ports in {First}-{Last} after {Attempts} tries.");
    }

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
