using System.CommandLine;

namespace Reconciler.Host.Cli.Acl;

/// <summary><c>recon acl bootstrap|policy|token</c>, as <c>nomad acl</c>.</summary>
public static class AclCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CliSession session) =>
        new("acl", "Bootstrap ACLs, manage policies and tokens.")
        {
            AclTokenCommand.Bootstrap(session), AclPolicyCommand.Create(session), AclTokenCommand.Create(session),
        };
}
