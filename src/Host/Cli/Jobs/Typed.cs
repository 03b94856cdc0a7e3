using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Resources.Json;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Cli.Jobs;

/// <summary>Objects the API returned as JSON, read back into the resource model for the CLI's tables.</summary>
public static class Typed
{
    /// <summary>One object as <typeparamref name="T"/>.</summary>
    public static T As<T>(JsonObject json) where T : Resource =>
        json.Deserialize<T>(ResourceJson.Options) ?? throw new CommandException($"The agent returned an empty {typeof(T).Name}.");

    /// <summary>Every object as <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<T> All<T>(IEnumerable<JsonObject> json) where T : Resource => [.. json.Select(As<T>)];

    /// <summary>The short form of an allocation or evaluation id people read, as Nomad's 8 characters.</summary>
    public static string Short(string id) => id.Length <= 8 ? id : id[..8];
}
