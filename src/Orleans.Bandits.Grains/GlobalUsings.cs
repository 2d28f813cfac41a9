global using Orleans.Bandits.Primitives.Hosting;
