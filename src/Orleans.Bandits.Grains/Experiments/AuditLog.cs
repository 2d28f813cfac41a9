namespace Orleans.Bandits.Grains.Experiments;

/// <summary>
/// Appends to an experiment's audit log, bounded: the most recent <see cref="MaxEntries"/> entries, each detail at
/// most <see cref="MaxDetailLength"/> characters, so the control state stays under about 1 MB whatever happens.
/// </summary>
public static class AuditLog
{
    public const int MaxEntries = 1_000;
    public const int MaxDetailLength = 500;

    public static void Append(ExperimentControlState control, DateTimeOffset at, string actor, string action, string detail)
    {
        if (control.Audit.Count >= MaxEntries)
        {
            control.Audit.RemoveRange(0, control.Audit.Count - MaxEntries + 1);
        }

        control.Audit.Add(new AuditEntry(at, actor, action, detail.Length > MaxDetailLength ? detail[..(MaxDetailLength - 1)] + "…" : detail));
    }
}
