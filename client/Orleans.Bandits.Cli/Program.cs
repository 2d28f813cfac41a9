using Orleans.Bandits.Cli;

return BanditsCli.Run(args);
