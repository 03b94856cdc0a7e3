using Reconciler.Host.Tls;

namespace Reconciler.Host.Cli.Remote;

/// <summary>
/// The CLI's TLS files for an https agent, as Nomad's: the CA that signed the agent's certificate (<c>--ca-cert</c>,
/// else the machine's trust store), a client certificate and key for an agent that verifies clients
/// (<c>--client-cert</c>, <c>--client-key</c>), or no check at all (<c>--tls-skip-verify</c>). Read only when the
/// address is https, so plain http pays nothing.
/// </summary>
/// <param name="CaCert">The CA certificate file (PEM), or null.</param>
/// <param name="ClientCert">The client certificate file (PEM), or null.</param>
/// <param name="ClientKey">The client certificate's unencrypted private key file (PEM), or null.</param>
/// <param name="SkipVerify">Accept any agent certificate.</param>
public sealed record CliTls(string? CaCert, string? ClientCert, string? ClientKey, bool SkipVerify)
{
    /// <summary>No files: the machine's trust store, no client certificate.</summary>
    public static CliTls None { get; } = new(null, null, null, false);

    /// <summary>Reads the files; a missing or unusable one is a <see cref="CommandException"/> naming the flag and the file.</summary>
    public TlsClientSettings Load()
    {
        if (ClientCert is null != ClientKey is null)
            throw new CommandException("--client-cert and --client-key go together (RECON_CLIENT_CERT, RECON_CLIENT_KEY); give both or neither.");
        try
        {
            return new TlsClientSettings
            {
                Authority = CaCert is { } ca ? CertificateAuthority.Read(ca, "--ca-cert") : null,
                Certificate = ClientCert is { } cert ? PemFiles.ReadCertificate(cert, ClientKey!, "--client-cert", "--client-key") : null,
                SkipVerify = SkipVerify,
            };
        }
        catch (TlsFileException e)
        {
            throw new CommandException(e.Message);
        }
    }
}
