using Orleans.Bandits.Client;
using Orleans.Bandits.Gateway;
using Orleans.Bandits.Http;
using Orleans.Bandits.Http.Dashboard;
using Orleans.Bandits.Primitives.Hosting;

// appsettings.json beside the binary, wherever the host is started from (the content root defaults to the current directory).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var options = builder.Configuration.GetSection(GatewayClusteringOptions.Section).Get<GatewayClusteringOptions>() ?? new GatewayClusteringOptions();

// A pure Orleans client: grains run on the silos; selection happens on a silo's local replica.
// Cluster and service ids come from the standard Orleans:* keys, as on the silos.
builder.Services.AddBanditsClient(client =>
{
    if (string.Equals(options.Mode, "Redis", StringComparison.OrdinalIgnoreCase))
    {
        client.UseRedisClustering(options.Redis.ConnectionString
            ?? throw new InvalidOperationException("Bandits:Mode is Redis but Bandits:Redis:ConnectionString (Bandits__Redis__ConnectionString) is not set."));
    }
    else
    {
        client.UseLocalhostClustering(options.Clustering.GatewayPort);
    }

    if (builder.Configuration.GetValue("Bandits:Dashboard:Orleans", true))
    {
        client.AddBanditsDashboard();
    }

    // Grain calls carry the request's trace to the silos, where the selection and intake spans continue it.
    if (BanditsTelemetry.TracingEnabled(builder.Configuration))
    {
        client.AddActivityPropagation();
    }
}, builder.Configuration);
builder.Services.AddBanditsApi(builder.Configuration);

var app = builder.Build();
app.UseBanditsApi();
app.MapBanditsApi();
app.Run();

/// <summary>Visible to the integration tests' web application factory.</summary>
public partial class Program;
