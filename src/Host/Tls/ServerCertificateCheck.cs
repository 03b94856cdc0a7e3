using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Reconciler.Host.Tls;

/// <summary>
/// Checks a server's certificate as <see cref="TlsClientSettings"/> say, and keeps why it last refused one, so a caller
/// can tell a person what to do instead of showing a handshake failure.
/// </summary>
public sealed class ServerCertificateCheck(TlsClientSettings settings)
{
    private volatile string? _refusal;

    /// <summary>Why the last refused certificate was refused, e.g. "it is not signed by the CA in ca.pem"; null when none was.</summary>
    public string? Refusal => _refusal;

    /// <summary>The <see cref="RemoteCertificateValidationCallback"/>.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var host = sender is HttpRequestMessage { RequestUri: { } uri } ? uri.IdnHost : null;
        var refusal = RefusalOf(certificate as X509Certificate2, chain, errors, host);
        if (refusal is not null) _refusal = refusal;
        return refusal is null;
    }

    /// <summary>Why <paramref name="certificate"/> is not accepted from <paramref name="host"/>, or null when it is.</summary>
    public string? RefusalOf(X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors, string? host)
    {
        if (settings.SkipVerify) return null;
        if (certificate is null) return "it presented no certificate";
        if (settings.Authority is { } authority ? !authority.Issued(certificate, chain) : errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
            return settings.Authority is null
                ? $"its certificate ({certificate.Subject}) is not signed by a CA this machine trusts"
                : $"its certificate ({certificate.Subject}) is not signed by the CA in {settings.Authority.Path}";
        if (!settings.CheckHostName || !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) return null;
        if (settings.AcceptedName is { } name && certificate.MatchesHostname(name)) return null;
        return $"its certificate is not issued for {host ?? "the address's host"}{(settings.AcceptedName is { } accepted ? $" nor {accepted}" : "")}";
    }
}
