using Reconciler.Resources.Model;

namespace Reconciler.Resources.Validation;

/// <summary>
/// Fills what a user left out with the values it means, in one explicit step after parsing, for
/// defaults that depend on other fields (e.g. restart policies by job type). Must be idempotent.
/// </summary>
/// <typeparam name="T">The resource kind defaulted.</typeparam>
public interface IResourceDefaulter<T> where T : Resource
{
    /// <summary>Returns a copy of <paramref name="resource"/> with its defaults applied.</summary>
    T ApplyDefaults(T resource);
}
