using Orleans.Bandits.Client;
using Orleans.Bandits.Grains;

var builder = WebApplication.CreateBuilder(args);

// The local default: one silo on localhost, in-memory storage and memory streams.
builder.UseOrleans(silo => silo
    .UseLocalhostClustering()
    .AddBanditsInMemoryProviders()
    .AddBandits());
builder.Services.AddBanditsClient();

var app = builder.Build();
app.Logger.LogWarning("Local mode: grain storage and feedback streams are in memory; every experiment is lost when this silo stops.");
app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" }));
app.Run();
