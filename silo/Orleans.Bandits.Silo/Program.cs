using Orleans.Bandits.Client;
using Orleans.Bandits.Grains.Hosting;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Bandits.Http;
using Orleans.Bandits.Http.Dashboard;
using Orleans.Bandits.Redis.Hosting;
using Orleans.Bandits.Silo;

// appsettings.json beside the binary, wherever the host is started from (the content root defaults to the current directory).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var mode = builder.Configuration.GetValue("Bandits:Mode", SiloMode.Local);

// Cluster id, service id and ports come from the standard Orleans:* keys (Orleans__ServiceId,
// Orleans__Endpoints__SiloPort, ...), which Orleans binds itself.
builder.UseOrleans(silo =>
{
    silo.AddBandits();

    // The Orleans dashboard at /orleans profiles every grain call; hosts that want none of that
    // cost set Bandits__Dashboard__Orleans=false.
    if (builder.Configuration.GetValue("Bandits:Dashboard:Orleans", true))
    {
        silo.AddBanditsDashboard();
    }
    if (mode == SiloMode.Redis)
    {
        var redis = builder.Configuration["Bandits:Redis:ConnectionString"]
            ?? throw new InvalidOperationException("Bandits:Mode is Redis but Bandits:Redis:ConnectionString (Bandits__Redis__ConnectionString) is not set.");
        silo.AddBanditsRedisProviders(redis, streams => builder.Configuration.GetSection("Bandits:Redis:Streams").Bind(streams));
    }
    else
    {
        silo.UseLocalhostClustering().AddBanditsInMemoryProviders();
    }
});
builder.Services.AddBanditsClient();
builder.Services.AddBanditsApi(builder.Configuration);

var app = builder.Build();

// Built now, not on the first selection, so a generated local key is announced at startup.
app.Services.GetRequiredService<TokenService>();
if (mode == SiloMode.Local)
{
    app.Logger.LogWarning("Local mode: grain storage and feedback streams are in memory; every experiment is lost when this silo stops.");
}

app.UseBanditsApi();
app.MapBanditsApi();
app.Run();
