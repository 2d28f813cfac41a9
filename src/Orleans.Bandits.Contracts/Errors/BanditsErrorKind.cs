namespace Orleans.Bandits.Contracts.Errors;

/// <summary>Why a request was refused; each kind maps to one HTTP status in the API.</summary>
[GenerateSerializer, Alias("bandits.BanditsErrorKind")]
public enum BanditsErrorKind
{
    /// <summary>A field is invalid (400).</summary>
    Validation = 0,

    /// <summary>The token is malformed, tampered with, or signed by an unknown key (400).</summary>
    InvalidToken = 1,

    /// <summary>The caller's tenant does not own the resource or token (403).</summary>
    Forbidden = 2,

    /// <summary>Unknown experiment or arm (404).</summary>
    NotFound = 3,

    /// <summary>The experiment or arm id already exists (409).</summary>
    Conflict = 4,

    /// <summary>Every arm is excluded, blocked or retired (409).</summary>
    NoArmAvailable = 5,

    /// <summary>The token is older than the experiment's feedback window (410).</summary>
    TokenExpired = 6,

    /// <summary>A dependency (storage, stream provider) is down; nothing was accepted (503).</summary>
    Unavailable = 7,

    /// <summary>The token was issued by an earlier incarnation of the experiment, since deleted or reset (410).</summary>
    ExperimentReplaced = 8,

    /// <summary>The selection already has its outcome, under another event id (409).</summary>
    AlreadyRewarded = 9,

    /// <summary>The selection's reward wait is over: its default reward was or will be learned (410).</summary>
    RewardWindowClosed = 10,

    /// <summary>The tenant holds as many experiments or API keys as its quota allows (409).</summary>
    QuotaExceeded = 11,

    /// <summary>The decision log has too few decisions with a propensity and a reward to evaluate a policy on (409).</summary>
    NotEvaluable = 12,
}
