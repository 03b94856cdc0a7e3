using Reconciler.Resources.Model;

namespace Reconciler.Examples.Greetings;

/// <summary>A greeting to be written to a file.</summary>
[Kind("Greeting")]
public sealed record Greeting : Resource<GreetingSpec, GreetingStatus>;

/// <summary>What the greeting says.</summary>
public sealed record GreetingSpec
{
    /// <summary>The text written to the greeting's file.</summary>
    public string Message { get; init; } = "";
}

/// <summary>Where the greeting was written.</summary>
public sealed record GreetingStatus : ResourceStatus
{
    /// <summary>The file holding the message.</summary>
    public string? Path { get; init; }
}
