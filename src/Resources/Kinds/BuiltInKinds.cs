namespace Reconciler.Resources.Kinds;

/// <summary>The kinds every Reconciler process knows.</summary>
public static class BuiltInKinds
{
    /// <summary>User kinds first, then system kinds.</summary>
    public static IReadOnlyList<Type> Types { get; } =
    [
        typeof(Job), typeof(Namespace), typeof(Volume), typeof(Secret),
        typeof(Node), typeof(Allocation), typeof(Deployment), typeof(Evaluation), typeof(AclPolicy), typeof(AclToken),
    ];
}
