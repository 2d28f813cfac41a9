namespace Orleans.Bandits.LoadBalancer.Downstream;

/// <summary>Sends one request id to one downstream server.</summary>
public interface IDownstreamClient
{
    Task<DownstreamResponse> SendAsync(Uri server, string id, CancellationToken cancellationToken);
}
