namespace Orleans.Bandits.Client;

/// <summary>Selection on a caller's request path, where a slow or failing platform must not become a slow or failing request.</summary>
public static class SelectWithFallback
{
    /// <summary>
    /// The platform's choice if it answers within <paramref name="timeout"/>, else <paramref name="fallbackArm"/>, flagged.
    /// Never throws for the platform's sake: a timeout, a paused experiment, an unknown experiment or an unreachable
    /// cluster all give the fallback, with the reason. Only the caller's own cancellation ends the call early.
    /// </summary>
    /// <remarks>A selection that answers after the timeout is abandoned; its decision is still recorded by the platform, but nobody holds its token, so it stays pending (or is defaulted after the experiment's reward wait).</remarks>
    public static async Task<ServedArm> SelectOrFallbackAsync(
        this IBanditsClient client,
        string tenant,
        string experiment,
        string fallbackArm,
        TimeSpan timeout,
        SelectRequest? request = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fallbackArm);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        try
        {
            var result = await client.SelectAsync(tenant, experiment, request).WaitAsync(timeout, cancellationToken);
            return result.Paused
                ? new ServedArm(fallbackArm, null, null, "paused")
                : new ServedArm(result.Arm, result.Token, result.Propensity, null);
        }
        catch (TimeoutException)
        {
            return new ServedArm(fallbackArm, null, null, "timeout");
        }
        catch (BanditsException e)
        {
            return new ServedArm(fallbackArm, null, null, e.Kind.ToString());
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The cluster itself is out of reach (no gateway, a connection lost mid-call): still not the caller's failure.
            return new ServedArm(fallbackArm, null, null, "unavailable");
        }
    }
}
