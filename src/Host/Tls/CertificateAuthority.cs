using System.Security.Cryptography.X509Certificates;

namespace Reconciler.Host.Tls;

/// <summary>
/// The CA a TLS setup trusts (<c>tls.ca_file</c>, <c>--ca-cert</c>): a certificate is trusted when it chains to one of
/// these certificates, whatever the machine's own trust store says.
/// </summary>
public sealed class CertificateAuthority(X509Certificate2Collection certificates, string path)
{
    /// <summary>The file the CA was read from, for messages.</summary>
    public string Path { get; } = path;

    /// <summary>Reads the CA file at <paramref name="path"/>, named by <paramref name="setting"/> in errors.</summary>
    public static CertificateAuthority Read(string path, string setting) => new(PemFiles.ReadAuthorities(path, setting), path);

    /// <summary>True when <paramref name="certificate"/> chains to this CA (through the intermediates the peer sent in <paramref name="presented"/>).</summary>
    public bool Issued(X509Certificate2 certificate, X509Chain? presented = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(certificates);
        chain.ChainPolicy.ExtraStore.AddRange(certificates);
        if (presented is not null)
            foreach (var element in presented.ChainElements.Skip(1)) chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        return chain.Build(certificate);
    }
}
