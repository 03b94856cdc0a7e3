using System.Security.Cryptography.X509Certificates;

namespace Reconciler.Host.Tls;

/// <summary>
/// The TLS side of an outgoing connection, from the CLI or from an agent to another: which CA vouches for the server
/// (<see cref="Authority"/>, else the machine's trust store), whether its name is checked, and which certificate this
/// side presents when the server asks for one (<c>verify_https_client</c>).
/// </summary>
public sealed record TlsClientSettings
{
    /// <summary>The machine's trust store, the address's host name checked, no certificate presented.</summary>
    public static TlsClientSettings Default { get; } = new();

    /// <summary>The CA the server's certificate must chain to; null trusts the machine's store.</summary>
    public CertificateAuthority? Authority { get; init; }

    /// <summary>The certificate (with its key) presented to a server that asks for one; null presents none.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>Accept any server certificate (<c>--tls-skip-verify</c>): encrypted, but not authenticated.</summary>
    public bool SkipVerify { get; init; }

    /// <summary>Check the certificate's names against the address's host (or <see cref="AcceptedName"/>); default true.</summary>
    public bool CheckHostName { get; init; } = true;

    /// <summary>A name accepted besides the address's host, e.g. <c>server.global.recon</c>; null for none.</summary>
    public string? AcceptedName { get; init; }

    /// <summary>Makes <paramref name="handler"/>'s https connections check and present certificates so; returns the check, which keeps why it last refused.</summary>
    public ServerCertificateCheck ApplyTo(SocketsHttpHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var check = new ServerCertificateCheck(this);
        handler.SslOptions.RemoteCertificateValidationCallback = check.Validate;
        if (Certificate is { } certificate)
        {
            handler.SslOptions.ClientCertificates = [certificate];
            // Presented whatever CAs the server names in its request: it is this side's only certificate.
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate;
        }
        return check;
    }
}
