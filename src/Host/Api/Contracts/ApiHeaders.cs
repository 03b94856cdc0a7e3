namespace Reconciler.Host.Api.Contracts;

/// <summary>The HTTP headers the API and its clients share.</summary>
public static class ApiHeaders
{
    /// <summary>On every response: the store revision the answer was read at (Nomad's <c>X-Nomad-Index</c>).</summary>
    public const string Index = "X-Recon-Index";

    /// <summary>On requests: the caller's token, handed to the authorizer (Nomad's <c>X-Nomad-Token</c>).</summary>
    public const string Token = "X-Recon-Token";
}
