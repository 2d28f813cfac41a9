using Orleans.Bandits.FlakyServers.Behaviour;
using Orleans.Bandits.FlakyServers.Fleet;
using Orleans.Bandits.FlakyServers.Hosting;

// Settings come from the "Fleet" section; the common ones have short switches:
//   dotnet run --project client/Orleans.Bandits.FlakyServers -- --seed 3 --base-port 7100 --control-port 7099
var configuration = new ConfigurationBuilder()
    .AddEnvironmentVariables()
    .AddCommandLine(args, new Dictionary<string, string>
    {
        ["--seed"] = "Fleet:Seed",
        ["--base-port"] = "Fleet:BasePort",
        ["--control-port"] = "Fleet:ControlPort",
    })
    .Build();
var options = configuration.GetSection(FleetOptions.Section).Get<FleetOptions>() ?? new FleetOptions();
options.Validate();

var fleet = new FlakyFleet(options, FleetLayout.From(options), TimeProvider.System);
var app = FleetApp.Build(fleet);
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var spec in fleet.Servers.Select(s => s.Spec))
    {
        var limit = spec.Limit switch
        {
            null => "no rate limit",
            { Varies: false } l => $"limit {l.MeanPermitsPerSecond}/s",
            var l => $"limit {l.MeanPermitsPerSecond}±{l.Amplitude:0.##}/s over {l.PeriodSeconds:0.#} s",
        };
        Console.WriteLine($"{spec.Name,-6} http://127.0.0.1:{spec.Port}/  success {spec.SuccessRate:0.000}  {limit}");
    }

    Console.WriteLine($"Seed {fleet.Seed}; control on http://127.0.0.1:{fleet.Layout.ControlPort}/ (GET /servers, POST /reseed, POST /reset).");
});
app.Run();
