using Reconciler.Host.Api.Errors;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Api.Resources;

/// <summary>Label selectors as requests write them; a malformed one is a 400 saying where it went wrong.</summary>
public static class SelectorText
{
    /// <summary>The selector <paramref name="text"/> names, or null when it is empty.</summary>
    public static LabelSelector? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return LabelSelector.Parse(text);
        }
        catch (FormatException e)
        {
            throw ApiException.BadRequest(e.Message);
        }
    }
}
