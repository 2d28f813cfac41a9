using Orleans.Bandits.Client;
using Orleans.Bandits.Grains.Hosting;
using Orleans.Bandits.Http;

// The silo host's local mode, unchanged, plus /bench/bare: the same pipeline answering a
// constant JSON, so the select/bare ratio isolates what selection itself costs.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.UseOrleans(silo => silo
    .UseLocalhostClustering()
    .AddBanditsInMemoryProviders()
    .AddBandits());
builder.Services.AddBanditsClient();
builder.Services.AddBanditsApi();

var app = builder.Build();
app.UseBanditsApi();
app.MapBanditsApi();
app.MapPost("/bench/bare", () => TypedResults.Ok(new { arm = "blue", token = "constant", propensity = (double?)null, version = 1 }));
app.Run();
