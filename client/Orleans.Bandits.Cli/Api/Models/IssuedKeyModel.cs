namespace Orleans.Bandits.Cli.Api.Models;

/// <summary>A new API key: <see cref="Key"/> is shown this once, the platform keeps only its hash.</summary>
public sealed record IssuedKeyModel(string Id, string Key);
