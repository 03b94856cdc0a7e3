using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Reconciler.Host.Tls;
using Reconciler.Resources.Agent;

namespace Reconciler.Host.Agent;

/// <summary>
/// An agent's <c>[tls]</c>, its files read once at start: with <c>http</c> the API listens on HTTPS only with
/// <c>cert_file</c>/<c>key_file</c>, and with <c>verify_https_client</c> every caller must present a certificate that
/// chains to <c>ca_file</c>. The agent's own calls to other agents (a client to its servers, a server forwarding to a
/// client) trust <c>ca_file</c> and present the agent's certificate; with <c>rpc</c> a server address without a scheme
/// means https. As Nomad's <c>verify_server_hostname</c>, a server's certificate must then name
/// <c>server.&lt;region&gt;.recon</c> (or the address's host); without it only the CA is checked.
/// </summary>
public sealed class AgentTls
{
    private readonly TlsConfig _config;
    private readonly string _region;

    private AgentTls(TlsConfig config, string region, CertificateAuthority? authority, X509Certificate2? certificate) =>
        (_config, _region, Authority, Certificate) = (config, region, authority, certificate);

    /// <summary>The CA of <c>ca_file</c>, or null.</summary>
    public CertificateAuthority? Authority { get; }

    /// <summary>The agent's certificate with its key (<c>cert_file</c>, <c>key_file</c>), or null.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>The scheme of a <c>client.servers</c> address that names none: https with <c>rpc</c>.</summary>
    public string ServerScheme => _config.Rpc ? Uri.UriSchemeHttps : Uri.UriSchemeHttp;

    /// <summary>How this agent checks its servers and what it presents to them.</summary>
    public TlsClientSettings ToServers => new()
    {
        Authority = Authority, Certificate = Certificate, CheckHostName = _config.VerifyServerHostname, AcceptedName = ServerName(_region),
    };

    /// <summary>How this agent checks the client agents it forwards allocation requests to (their CA only) and what it presents to them.</summary>
    public TlsClientSettings ToClients => new() { Authority = Authority, Certificate = Certificate, CheckHostName = false };

    /// <summary>The name a server's certificate carries for <c>verify_server_hostname</c>: <c>server.&lt;region&gt;.recon</c>.</summary>
    public static string ServerName(string region) => $"server.{region}.recon";

    /// <summary>Reads the files <paramref name="config"/> names; a file that cannot be used throws <see cref="TlsFileException"/> naming its key.</summary>
    public static AgentTls Load(TlsConfig config, string region)
    {
        ArgumentNullException.ThrowIfNull(config);
        var authority = config.CaFile is { } ca ? CertificateAuthority.Read(ca, "tls.ca_file") : null;
        var certificate = config.CertFile is { } cert && config.KeyFile is { } key ? PemFiles.ReadCertificate(cert, key, "tls.cert_file", "tls.key_file") : null;
        if (config.Http && certificate is null) throw new ArgumentException("tls.http is on but cert_file and key_file are not both set; name the agent's certificate and key.");
        if (config.VerifyHttpsClient && authority is null) throw new ArgumentException("tls.verify_https_client needs ca_file to check client certificates against.");
        return new AgentTls(config, region, authority, certificate);
    }

    /// <summary>Makes <paramref name="listen"/> HTTPS when <c>tls.http</c> is on (plain HTTP otherwise).</summary>
    public void Serve(ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        if (!_config.Http) return;
        var verifyClients = _config.VerifyHttpsClient;
        listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = Certificate,
            ClientCertificateMode = verifyClients ? ClientCertificateMode.RequireCertificate : ClientCertificateMode.NoCertificate,
            // Our CA decides, not the machine's store; it has no revocation lists to fetch.
            ClientCertificateValidation = verifyClients ? (certificate, chain, _) => Authority!.Issued(certificate, chain) : null,
            CheckCertificateRevocation = false,
        });
    }
}
