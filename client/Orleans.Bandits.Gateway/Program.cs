using Orleans.Bandits.Client;
using Orleans.Bandits.Gateway;
using Orleans.Bandits.Http;

var builder = WebApplication.CreateBuilder(args);
var clustering = builder.Configuration.GetSection(GatewayClusteringOptions.Section).Get<GatewayClusteringOptions>() ?? new GatewayClusteringOptions();

// A pure Orleans client: grains run on the silos; selection happens on a silo's local replica.
builder.Services.AddBanditsClient(client => client.UseLocalhostClustering(clustering.GatewayPort));
builder.Services.AddBanditsApi();

var app = builder.Build();
app.UseBanditsApi();
app.MapBanditsApi();
app.Run();

/// <summary>Visible to the integration tests' web application factory.</summary>
public partial class Program;
