using Orleans.Bandits.Scale.Benchmarks;

// dotnet run -c Release --project tests/Orleans.Bandits.Scale.Benchmarks -- [--experiments 10000 100000] [--help]
return await ScaleCli.RunAsync(args);
