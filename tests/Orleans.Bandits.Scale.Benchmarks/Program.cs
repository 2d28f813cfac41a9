using Orleans.Bandits.Scale.Benchmarks;

// dotnet run -c Release --project tests/Orleans.Bandits.Scale.Benchmarks -- [--experiments 10000 100000] [--help]
// dotnet run -c Release --project tests/Orleans.Bandits.Scale.Benchmarks -- budget [--per-policy 3]
return await ScaleCli.RunAsync(args);
