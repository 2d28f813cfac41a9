namespace Orleans.Bandits.Harness.Hosting;

/// <summary>Which parts already run elsewhere; anything not given is started in this process.</summary>
/// <param name="Servers">Control urls of running flaky-servers processes (one per seed run at once).</param>
/// <param name="LoadBalancer">A running load balancer.</param>
/// <param name="GatewayPort">A running silo's gateway, for a load balancer started here.</param>
public sealed record EnvironmentSettings(IReadOnlyList<Uri> Servers, Uri? LoadBalancer, int? GatewayPort);
