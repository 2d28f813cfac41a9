using Orleans.Bandits.Testing.Silos;

// The silo host's local mode, unchanged, plus /bench/bare: the same pipeline answering a
// constant JSON, so the select/bare ratio isolates what selection itself costs.
await using var host = await ApiHost.StartAsync(
    new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" },
    configureApp: app => app.MapPost("/bench/bare", () => TypedResults.Ok(new { arm = "blue", token = "constant", propensity = (double?)null, version = 1 })),
    args: args);
await host.WaitForShutdownAsync();
