global using Orleans.Bandits.Contracts.Errors;
global using Orleans.Bandits.Contracts.Experiments;
global using Orleans.Bandits.Contracts.Feedback;
global using Orleans.Bandits.Contracts.Policies;
global using Orleans.Bandits.Contracts.Selection;
global using Orleans.Bandits.Contracts.Stats;
global using Orleans.Bandits.Contracts.Tenants;
