namespace Orleans.Bandits.LoadBalancer.Routing;

/// <summary>
/// One request in a server's window as <see cref="LearnedCapacities"/> counts it: stamped when it is
/// sent, restamped when its answer is in.
/// </summary>
public sealed class PendingSend
{
    internal PendingSend(string server, long at)
    {
        Server = server;
        At = at;
    }

    public string Server { get; }

    internal long At { get; set; }
}
