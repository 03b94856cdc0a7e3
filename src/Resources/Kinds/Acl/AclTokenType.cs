namespace Reconciler.Resources.Kinds;

/// <summary>What a token may do: what its policies allow, or everything.</summary>
public enum AclTokenType
{
    /// <summary>What its policies allow.</summary>
    Client,
    /// <summary>Everything, ACL administration included; holds no policies.</summary>
    Management,
}
