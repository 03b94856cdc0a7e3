using Reconciler.Resources.Manifests;

namespace Reconciler.Resources.Tests.Manifests;

public sealed class ExampleManifestTests
{
    private static IEnumerable<string> FileNames() =>
        Directory.GetFiles(RepositoryRoot.Combine("manifests", "examples"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static TheoryData<string> ExampleFiles() => new(FileNames());

    [Fact]
    public void The_examples_folder_holds_every_documented_example()
    {
        FileNames().Should().Contain(
            ["web.yaml", "redis.yaml", "batch.yaml", "namespace.yaml", "volume.yaml", "secret.yaml"]);
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Every_example_manifest_is_valid(string file)
    {
        var result = ManifestReader.Default.ReadFile(RepositoryRoot.Combine("manifests", "examples", file));

        result.Errors.Should().BeEmpty(string.Join(Environment.NewLine, result.Errors));
        result.Resources.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Every_example_round_trips_through_yaml_and_json(string file)
    {
        var original = ManifestReader.Default.ReadFile(RepositoryRoot.Combine("manifests", "examples", file)).Resources.Single();

        var yaml = ManifestWriter.Unredacted.ToYaml(original);
        var again = ManifestReader.Default.Read(yaml, file);
        var fromJson = Json.ResourceJson.Default.Deserialize(Json.ResourceJson.Default.Serialize(original));

        again.Errors.Should().BeEmpty(yaml + string.Join(Environment.NewLine, again.Errors));
        again.Resources.Single().ShouldEqualByJson(original);
        fromJson.ShouldEqualByJson(original);
    }
}
