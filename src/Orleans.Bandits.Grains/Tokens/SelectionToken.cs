using System.Diagnostics;

namespace Orleans.Bandits.Grains.Tokens;

/// <summary>
/// What a selection token carries: everything needed to turn feedback into a training event
/// without any server-side session. The token is the state. <see cref="Generation"/> is the experiment's
/// incarnation that issued it: a token outlives its experiment when the id is deleted and created again.
/// <see cref="Holdout"/>: the arm was served by the holdout, so its feedback counts for the holdout's side of the uplift.
/// <see cref="SelectSpan"/>: the select span, where the selection was traced, for the training span to link to.
/// </summary>
public sealed record SelectionToken(
    string Tenant,
    string Experiment,
    int Arm,
    long Version,
    double? Propensity,
    double[]? Context,
    long IssuedAtUnixMs,
    long ExpiresAtUnixMs,
    UInt128 SelectionId,
    long Generation,
    bool Holdout = false,
    ActivityContext? SelectSpan = null);
