global using Orleans.Bandits.Grains.Dedup;
global using Orleans.Bandits.Grains.Feedback;
global using Orleans.Bandits.Grains.Hosting;
global using Orleans.Bandits.Primitives.Hosting;
