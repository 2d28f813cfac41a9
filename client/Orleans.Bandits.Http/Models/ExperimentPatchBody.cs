namespace Orleans.Bandits.Http.Models;

/// <summary>
/// The body of <c>PATCH /v1/experiments/{id}</c>: any of <c>status</c> (<c>running</c> or <c>paused</c>),
/// <c>policy.params</c> (the same policy; <c>policy.name</c>, if given, must be its name), <c>arms</c> (each
/// <c>{"id", "metadata"}</c>, replacing that arm's metadata) and <c>winner</c>. Applied whole, as one new version, or not at all.
/// </summary>
public sealed record ExperimentPatchBody(string? Status, PolicyBody? Policy, List<ArmBody?>? Arms, WinnerBody? Winner);
