using System.Globalization;

namespace Reconciler.Benchmarks;

/// <summary>A scenario's <c>--name value</c> options.</summary>
public static class BenchmarkArgs
{
    /// <summary>The integer after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The value after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static string? Text(string[] args, string name, string? fallback = null)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
