using System.Text;
using Reconciler.Resources.Json;
using Reconciler.Resources.Model;

namespace Reconciler.Resources.Tests;

/// <summary>Compares resources by their stored JSON, since records holding collections compare by reference.</summary>
internal static class ResourceAssertions
{
    public static string StoredJson(Resource resource) => Encoding.UTF8.GetString(ResourceJson.Default.Serialize(resource));

    public static void ShouldEqualByJson(this Resource actual, Resource expected) =>
        StoredJson(actual).Should().Be(StoredJson(expected));
}
