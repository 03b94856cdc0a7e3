namespace Reconciler.Host.Api.Security;

/// <summary>The parts of the API a policy grants by level rather than by namespace capability.</summary>
public enum AclScope
{
    /// <summary>Nodes: list, read, drain, eligibility.</summary>
    Node,
    /// <summary>Operator routes: snapshots.</summary>
    Operator,
    /// <summary>The agent's own routes.</summary>
    Agent,
}
