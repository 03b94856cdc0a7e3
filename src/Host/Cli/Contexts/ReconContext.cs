namespace Reconciler.Host.Cli.Contexts;

/// <summary>
/// A named set of connection defaults, as a kubectl context: which agent, with which token, in which namespace, and for
/// an https agent which CA and client certificate files.
/// </summary>
/// <param name="Address">The agent's address, or null to fall through to the default.</param>
/// <param name="Token">The token sent as <c>X-Recon-Token</c>, or null.</param>
/// <param name="Namespace">The namespace commands use without <c>-n</c>, or null.</param>
public sealed record ReconContext(string? Address, string? Token, string? Namespace)
{
    /// <summary>The CA certificate file an https agent's certificate is checked against, or null.</summary>
    public string? CaCert { get; init; }

    /// <summary>The client certificate file presented to an agent that verifies clients, or null.</summary>
    public string? ClientCert { get; init; }

    /// <summary>The private key file of <see cref="ClientCert"/>, or null.</summary>
    public string? ClientKey { get; init; }

    /// <summary>The token with all but its last four characters hidden, for listings.</summary>
    public string? MaskedToken => Token is null ? null : Token.Length <= 8 ? "****" : $"****{Token[^4..]}";

    /// <summary>Leaves the token out, so a printed context cannot leak it.</summary>
    public override string ToString() => $"ReconContext {{ Address = {Address}, Token = {MaskedToken}, Namespace = {Namespace} }}";
}
