using Orleans.Bandits.Client;
using Orleans.Bandits.Grains;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Bandits.Http;

var builder = WebApplication.CreateBuilder(args);

// The local default: one silo on localhost, in-memory storage and memory streams.
builder.UseOrleans(silo => silo
    .UseLocalhostClustering()
    .AddBanditsInMemoryProviders()
    .AddBandits());
builder.Services.AddBanditsClient();
builder.Services.AddBanditsApi();

var app = builder.Build();

// Built now, not on the first selection, so a generated local key is announced at startup.
app.Services.GetRequiredService<TokenService>();
app.Logger.LogWarning("Local mode: grain storage and feedback streams are in memory; every experiment is lost when this silo stops.");
app.UseBanditsApi();
app.MapBanditsApi();
app.Run();
