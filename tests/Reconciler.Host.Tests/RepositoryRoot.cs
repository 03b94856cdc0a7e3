namespace Reconciler.Host.Tests;

/// <summary>Finds the checkout the tests run from, by walking up to Reconciler.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Reconciler.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Reconciler.sln above {AppContext.BaseDirectory}.");
    }
}
