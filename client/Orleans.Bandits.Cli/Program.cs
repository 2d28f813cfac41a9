using Orleans.Bandits.Cli;

return await BanditsCli.RunAsync(args);
