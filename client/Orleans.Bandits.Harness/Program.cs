using Orleans.Bandits.Harness;

return await HarnessCli.RunAsync(args);
