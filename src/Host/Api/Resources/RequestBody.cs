using System.Text;

namespace Reconciler.Host.Api.Resources;

/// <summary>Reads request bodies as text; Kestrel's body size limit turns an oversized one into a 413.</summary>
public static class RequestBody
{
    /// <summary>The whole body as UTF-8 text.</summary>
    public static async Task<string> ReadTextAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return await reader.ReadToEndAsync(http.RequestAborted);
    }
}
