using Reconciler.Resources.Model;

namespace Reconciler.Examples.Greetings;

/// <summary>Where greeting files live: one file per greeting in <see cref="Directory"/>.</summary>
public sealed class GreetingFiles(string directory)
{
    /// <summary>The directory greeting files are written to.</summary>
    public string Directory { get; } = directory;

    /// <summary>The file of the greeting with <paramref name="key"/>.</summary>
    public string PathOf(ResourceKey key) => System.IO.Path.Combine(Directory, $"{key.Namespace}.{key.Name}.txt");
}
