global using Orleans.Bandits.Policies;
global using Orleans.Bandits.Primitives.Hosting;
