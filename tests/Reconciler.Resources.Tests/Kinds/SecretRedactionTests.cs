using System.Text;
using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Manifests;
using Reconciler.Resources.Model;

namespace Reconciler.Resources.Tests.Kinds;

public sealed class SecretRedactionTests
{
    private const string Password = "hunter2-s3cr3t";

    private static readonly Secret AppDb = new()
    {
        Metadata = new ObjectMeta { Name = "app-db", Namespace = "default" },
        Spec = new SecretSpec { Data = new Dictionary<string, string> { ["username"] = "app", ["password"] = Password } },
    };

    [Fact]
    public void A_secret_prints_its_keys_but_never_its_values()
    {
        var text = AppDb.ToString();

        text.Should().Contain("password").And.Contain(SecretSpec.Redacted).And.NotContain(Password);
        AppDb.Spec.ToString().Should().NotContain(Password);
    }

    [Fact]
    public void The_display_writer_redacts_secret_values_in_yaml_and_json()
    {
        var yaml = ManifestWriter.Display.ToYaml(AppDb);
        var json = ManifestWriter.Display.ToJson(AppDb);

        yaml.Should().Contain($"password: {SecretSpec.Redacted}").And.NotContain(Password).And.NotContain("username: app");
        json.Should().Contain($"\"password\": \"{SecretSpec.Redacted}\"").And.NotContain(Password);
    }

    [Fact]
    public void A_writer_asked_not_to_redact_keeps_values_that_read_back_equal()
    {
        var yaml = ManifestWriter.Unredacted.ToYaml(AppDb);

        yaml.Should().Contain(Password);
        var back = ManifestReader.Default.Read(yaml, "export.yaml");
        back.Errors.Should().BeEmpty();
        back.Resources.Single().ShouldEqualByJson(AppDb);
    }

    [Fact]
    public void The_store_serialization_keeps_secret_values()
    {
        var stored = ResourceJson.Default.Serialize(AppDb);

        Encoding.UTF8.GetString(stored).Should().Contain(Password);
        ((Secret)ResourceJson.Default.Deserialize(stored)).Spec.Data["password"].Should().Be(Password);
    }

    [Fact]
    public void No_error_about_a_secret_quotes_a_secret_value()
    {
        var yaml = $"""
            apiVersion: recon/v1
            kind: Secret
            metadata:
              name: app-db
            spec:
              data:
                password: {Password}
                nested:
                  inner: {Password}-nested
                "bad key!": {Password}-key
              dat: {Password}-typo
            """;

        var result = ManifestReader.Default.Read(yaml, "secret.yaml");

        result.Errors.Should().HaveCount(3);
        result.Errors.Should().AllSatisfy(e => e.ToString().Should().NotContain(Password));
        result.Errors.Select(e => e.Path).Should().Equal("spec.data.nested", "spec.data.bad key!", "spec.dat");
    }

    [Fact]
    public void A_syntax_error_inside_a_secret_does_not_quote_the_value()
    {
        var result = ManifestReader.Default.Read($"apiVersion: recon/v1\nkind: Secret\nmetadata: {{ name: x }}\nspec:\n  data:\n    password: \"{Password}\n", "broken.yaml");

        result.Errors.Should().ContainSingle().Which.ToString().Should().NotContain(Password);
    }
}
