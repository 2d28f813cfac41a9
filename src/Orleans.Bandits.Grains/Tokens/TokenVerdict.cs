namespace Orleans.Bandits.Grains.Tokens;

/// <summary>Why a token string did or did not verify.</summary>
public enum TokenVerdict
{
    Valid,
    Malformed,
    UnknownKey,
    BadSignature,
}
