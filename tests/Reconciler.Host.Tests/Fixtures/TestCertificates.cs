using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Reconciler.Host.Tls;
using Reconciler.Resources.Agent;

namespace Reconciler.Host.Tests.Fixtures;

/// <summary>
/// A throwaway PKI in PEM files, made in the test with <see cref="CertificateRequest"/>: a CA; an agent certificate
/// for 127.0.0.1, localhost and <c>server.global.recon</c> (server and client use, as Nomad's agent certificates); a
/// CLI client certificate; and a certificate signed by another CA, which nothing here trusts.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");
    private readonly TempDirectory _files = new();

    public TestCertificates()
    {
        using var ca = Authority("Recon Test CA");
        using var other = Authority("Some Other CA");
        CaFile = _files.Write("ca.pem", ca.ExportCertificatePem());
        OtherCaFile = _files.Write("other-ca.pem", other.ExportCertificatePem());
        (AgentCert, AgentKey) = Leaf(ca, "agent", "server.global.recon");
        (ClientCert, ClientKey) = Leaf(ca, "cli");
        (StrangerCert, StrangerKey) = Leaf(other, "stranger");
    }

    public string CaFile { get; }

    /// <summary>The CA that signed only the stranger's certificate.</summary>
    public string OtherCaFile { get; }

    public string AgentCert { get; }

    public string AgentKey { get; }

    public string ClientCert { get; }

    public string ClientKey { get; }

    public string StrangerCert { get; }

    public string StrangerKey { get; }

    /// <summary>The directory holding the files, for the test's own.</summary>
    public string Directory => _files.Path;

    /// <summary>The agent's <c>[tls]</c> serving its API over https (with <paramref name="verifyClients"/>, requiring CA-signed client certificates).</summary>
    public TlsConfig AgentTls(bool verifyClients = false) =>
        new() { Http = true, Rpc = true, CaFile = CaFile, CertFile = AgentCert, KeyFile = AgentKey, VerifyHttpsClient = verifyClients };

    /// <summary>The same as a TOML block for an agent config file.</summary>
    public string Toml(bool verifyClients, bool verifyServerHostname) => $"""

        [tls]
        http = true
        rpc = true
        ca_file = "{CaFile}"
        cert_file = "{AgentCert}"
        key_file = "{AgentKey}"
        verify_https_client = {(verifyClients ? "true" : "false")}
        verify_server_hostname = {(verifyServerHostname ? "true" : "false")}

        """;

    /// <summary>An HTTP client trusting the CA and presenting the CLI's client certificate.</summary>
    public HttpClient Client(Uri address) => Trusting(address, CaFile, ClientCert, ClientKey);

    /// <summary>An HTTP client for <paramref name="address"/> trusting the CA in <paramref name="caFile"/> and presenting <paramref name="certFile"/>.</summary>
    public static HttpClient Trusting(Uri address, string caFile, string certFile, string keyFile)
    {
        var handler = new SocketsHttpHandler();
        new TlsClientSettings { Authority = CertificateAuthority.Read(caFile, "ca"), Certificate = PemFiles.ReadCertificate(certFile, keyFile, "cert", "key") }.ApplyTo(handler);
        return new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
    }

    public void Dispose() => _files.Dispose();

    private static X509Certificate2 Authority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private (string Cert, string Key) Leaf(X509Certificate2 authority, string name, params string[] extraNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuth, ClientAuth], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        foreach (var extra in extraNames) names.AddDnsName(extra);
        request.CertificateExtensions.Add(names.Build());
        // Within the CA's validity, which is fixed by the CA itself: two clock reads a second apart would not be.
        using var certificate = request.Create(authority, DateTimeOffset.UtcNow.AddDays(-1), new DateTimeOffset(authority.NotAfter).AddDays(-1), RandomNumberGenerator.GetBytes(16));
        return (_files.Write($"{name}.pem", certificate.ExportCertificatePem()), _files.Write($"{name}-key.pem", key.ExportPkcs8PrivateKeyPem()));
    }
}
