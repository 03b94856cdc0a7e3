using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Reconciler.Host.Tls;

/// <summary>
/// Reads the PEM files TLS is configured with (as Nomad's: a CA bundle, a certificate, its unencrypted private key); a
/// file that cannot be used is a <see cref="TlsFileException"/> naming the setting and the file.
/// </summary>
public static class PemFiles
{
    /// <summary>The certificates in the CA file at <paramref name="path"/>, named by <paramref name="setting"/>.</summary>
    public static X509Certificate2Collection ReadAuthorities(string path, string setting)
    {
        var text = ReadText(path, setting);
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(text);
        }
        catch (CryptographicException e)
        {
            throw new TlsFileException(setting, path, $"it is not a PEM certificate ({e.Message})", "give the CA's certificate, -----BEGIN CERTIFICATE-----");
        }
        return certificates.Count > 0 ? certificates
            : throw new TlsFileException(setting, path, "it holds no PEM certificate", "give the CA's certificate, -----BEGIN CERTIFICATE-----");
    }

    /// <summary>The certificate at <paramref name="certPath"/> with the private key at <paramref name="keyPath"/>; each file is named by its setting in errors.</summary>
    public static X509Certificate2 ReadCertificate(string certPath, string keyPath, string certSetting, string keySetting)
    {
        var certificate = ReadText(certPath, certSetting);
        var key = ReadText(keyPath, keySetting);
        try
        {
            using var alone = X509Certificate2.CreateFromPem(certificate);
        }
        catch (CryptographicException e)
        {
            throw new TlsFileException(certSetting, certPath, $"it is not a PEM certificate ({e.Message})", "give the certificate, -----BEGIN CERTIFICATE-----");
        }
        try
        {
            return X509Certificate2.CreateFromPem(certificate, key);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new TlsFileException(keySetting, keyPath, $"it is not the unencrypted PEM private key of {certPath} ({Reason(e)})",
                $"give the key the certificate of {certSetting} was made for");
        }
    }

    // An ArgumentException's message ends with its parameter's name, which means nothing to the person reading it.
    private static string Reason(Exception e) =>
        e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;

    private static string ReadText(string path, string setting)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TlsFileException(setting, path, e.Message);
        }
    }
}
