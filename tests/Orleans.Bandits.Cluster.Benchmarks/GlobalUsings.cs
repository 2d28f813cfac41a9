global using Orleans.Bandits.Grains.Hosting;
global using Orleans.Bandits.Primitives.Hosting;
global using Orleans.Bandits.Redis.Hosting;
