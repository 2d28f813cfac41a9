global using Orleans.Bandits.Client;
global using Orleans.Bandits.Http.Auth;
global using Orleans.Bandits.Http.Dashboard;
global using Orleans.Bandits.Http.Endpoints;
global using Orleans.Bandits.Http.Errors;
global using Orleans.Bandits.Http.Health;
global using Orleans.Bandits.Http.Models;
