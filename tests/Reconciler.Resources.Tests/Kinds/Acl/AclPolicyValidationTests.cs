using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Manifests;
using Reconciler.Resources.Model;

namespace Reconciler.Resources.Tests.Kinds.Acl;

public sealed class AclPolicyValidationTests
{
    [Fact]
    public void A_policy_with_globs_levels_and_capabilities_reads_into_its_rules()
    {
        var read = ManifestReader.Default.Read("""
            apiVersion: recon/v1
            kind: AclPolicy
            metadata: { name: dev-team }
            spec:
              description: Developers
              namespaces:
                - name: dev-*
                  policy: write
                - name: default
                  policy: read
                  capabilities: [read-logs]
              node: read
              operator: deny
            """, "policy.yaml");

        read.Errors.Should().BeEmpty();
        var policy = read.Resources.Should().ContainSingle().Which.Should().BeOfType<AclPolicy>().Subject;
        policy.Key.Namespace.Should().BeNull("policies are cluster-scoped");
        policy.Spec.Namespaces.Should().HaveCount(2);
        policy.Spec.Namespaces[0].Matches("dev-a").Should().BeTrue();
        policy.Spec.Namespaces[0].Matches("default").Should().BeFalse();
        policy.Spec.Namespaces[1].Granted().Should().Contain([AclCapabilities.ListJobs, AclCapabilities.ReadLogs]).And.NotContain(AclCapabilities.SubmitJob);
        policy.Spec.Node.Should().Be(AclLevel.Read);
        policy.Spec.Operator.Should().Be(AclLevel.Deny);
        policy.Spec.Agent.Should().BeNull();
    }

    [Fact]
    public void Bad_rules_are_reported_by_field_path_with_a_hint()
    {
        var read = ManifestReader.Default.Read("""
            apiVersion: recon/v1
            kind: AclPolicy
            metadata: { name: broken }
            spec:
              namespaces:
                - name: Dev_Team
                  policy: read
                - name: default
                  capabilities: [submit-jobs]
                - name: empty
                - name: default
                  policy: write
            """, "broken.yaml");

        var errors = read.Errors.Select(e => e.ToString()).ToList();
        errors.Should().Contain(e => e.Contains("spec.namespaces[0].name") && e.Contains("'Dev_Team' is not a namespace name or glob"));
        errors.Should().Contain(e => e.Contains("spec.namespaces[1].capabilities[0]") && e.Contains("unknown capability 'submit-jobs'") && e.Contains("did you mean submit-job?"));
        errors.Should().Contain(e => e.Contains("spec.namespaces[2]") && e.Contains("grants nothing"));
        errors.Should().Contain(e => e.Contains("spec.namespaces[3].name") && e.Contains("more than one rule"));
        read.Resources.Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_level_names_the_file_position_and_field()
    {
        var read = ManifestReader.Default.Read("""
            apiVersion: recon/v1
            kind: AclPolicy
            metadata: { name: p }
            spec:
              node: admin
            """, "p.yaml");

        read.Errors.Should().ContainSingle().Which.ToString().Should().StartWith("p.yaml:5:9").And.Contain("spec.node");
    }

    [Fact]
    public void A_token_keeps_its_hash_out_of_display_and_ToString_but_in_the_store_form()
    {
        var hash = new string('a', 64);
        var token = new AclToken
        {
            Metadata = new ObjectMeta { Name = "4b1e9c2e-0000-4000-8000-000000000001" },
            Spec = new AclTokenSpec { Name = "ci", Policies = ["readonly"], SecretHash = hash, ExpirationTime = DateTimeOffset.Parse("2030-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture) },
        };

        token.ToString().Should().NotContain(hash);
        ManifestWriter.Display.ToYaml(token).Should().NotContain(hash).And.Contain("readonly");
        var json = ResourceJson.Default;
        json.Deserialize(json.Serialize(token)).Should().BeOfType<AclToken>().Which.Spec.SecretHash.Should().Be(hash);
    }

    [Fact]
    public void Token_rules_are_reported_by_field_path_without_quoting_the_hash()
    {
        var read = ManifestReader.Default.Read("""
            apiVersion: recon/v1
            kind: AclToken
            metadata: { name: t1 }
            spec:
              type: management
              policies: [readonly]
              secretHash: not-a-real-hash-value
            """, "t.yaml");

        var errors = read.Errors.Select(e => e.ToString()).ToList();
        errors.Should().Contain(e => e.Contains("spec.policies") && e.Contains("management token holds no policies"));
        errors.Should().Contain(e => e.Contains("spec.secretHash") && !e.Contains("not-a-real-hash-value"));
    }
}
