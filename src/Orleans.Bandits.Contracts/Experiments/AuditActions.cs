namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>The actions an experiment's audit log names.</summary>
public static class AuditActions
{
    public const string Create = "create";
    public const string Change = "change";
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string Reset = "reset";
    public const string ArmAdded = "arm-added";
    public const string ArmRetired = "arm-retired";
    public const string Winner = "winner";
    public const string Delete = "delete";
}
