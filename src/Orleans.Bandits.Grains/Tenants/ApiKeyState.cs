
namespace Orleans.Bandits.Grains.Tenants;

[GenerateSerializer, Alias("bandits.ApiKeyState")]
public sealed class ApiKeyState
{
    [Id(0)]
    public ApiKeyRecord? Record { get; set; }
}
