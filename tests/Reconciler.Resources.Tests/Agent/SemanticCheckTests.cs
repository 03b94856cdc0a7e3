using Reconciler.Resources.Agent;
using Reconciler.Resources.Diagnostics;

namespace Reconciler.Resources.Tests.Agent;

public sealed class SemanticCheckTests
{
    // A valid server-only agent in two lines, so each test's own lines start at line 3.
    private const string Server = """
        data_dir = "/d"
        server.enabled = true

        """;

    private static IReadOnlyList<SourceError> ErrorsOf(string toml) => AgentConfigReader.Read(toml, "agent.toml").Errors;

    [Fact]
    public void An_agent_that_is_neither_server_nor_client_is_rejected_as_nomad_does_outside_dev_mode()
    {
        const string toml = """
            data_dir = "/d"
            [server]
            enabled = false
            """;

        var error = ErrorsOf(toml).Should().ContainSingle().Subject;

        error.Should().BeEquivalentTo(new { Line = 3, Column = 1, Path = "server.enabled" });
        error.Message.Should().Contain("neither the server nor the client is enabled");
        error.Hint.Should().Contain("recon agent -dev");
    }

    [Fact]
    public void A_missing_data_dir_is_reported_without_a_position_because_no_line_holds_it()
    {
        var error = ErrorsOf("server.enabled = true").Should().ContainSingle().Subject;

        error.Should().BeEquivalentTo(new { Line = 0, Column = 0, Path = "data_dir" });
        error.ToString().Should().StartWith("agent.toml: data_dir: data_dir is not set");
    }

    [Fact]
    public void A_client_only_agent_needs_a_server_address()
    {
        const string toml = """
            data_dir = "/d"
            [client]
            enabled = true
            """;

        var error = ErrorsOf(toml).Should().ContainSingle().Subject;

        error.Should().BeEquivalentTo(new { Line = 3, Column = 1, Path = "client.servers" });
        error.Hint.Should().Contain("servers = [\"10.0.0.10:4647\"]");
    }

    [Fact]
    public void A_server_address_with_a_bad_port_is_reported_with_its_index()
    {
        const string toml = """
            data_dir = "/d"
            [client]
            enabled = true
            servers = ["10.0.0.10:4647", "10.0.0.11:99999"]
            """;

        ErrorsOf(toml).Should().ContainSingle().Which.Should().BeEquivalentTo(new { Line = 4, Path = "client.servers[1]" });
    }

    [Fact]
    public void A_host_volume_with_a_relative_path_is_rejected_at_its_path_key()
    {
        const string toml = """
            data_dir = "/d"
            [client]
            enabled = true
            servers = ["10.0.0.10"]
            [client.host_volume.mysql]
            path = "opt/mysql/data"
            """;

        var error = ErrorsOf(toml).Should().ContainSingle().Subject;

        error.Should().BeEquivalentTo(new
        {
            Line = 6, Column = 1, Path = "client.host_volume.mysql.path", Message = "\"opt/mysql/data\" is not an absolute path",
        });
    }

    [Fact]
    public void A_host_volume_without_a_path_is_rejected_at_its_table()
    {
        const string toml = Server + """
            [client]
            enabled = true
            [client.host_volume.mysql]
            read_only = true
            """;

        ErrorsOf(toml).Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Line = 5, Column = 21, Path = "client.host_volume.mysql.path", Message = "host volume mysql has no path",
        });
    }

    [Fact]
    public void Tls_on_http_needs_a_certificate_and_a_key_named()
    {
        const string toml = Server + """
            [tls]
            http = true
            """;

        var errors = ErrorsOf(toml);

        errors.Select(e => (e.Path, e.Line)).Should().BeEquivalentTo([("tls.cert_file", 4), ("tls.key_file", 4)]);
        errors.Should().AllSatisfy(e => e.Message.Should().StartWith("tls.http is on"));
    }

    [Fact]
    public void A_certificate_without_its_key_is_rejected_at_the_certificate_even_with_tls_off()
    {
        const string toml = Server + """
            [tls]
            cert_file = "/etc/recon/tls/agent.pem"
            """;

        ErrorsOf(toml).Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Line = 4, Path = "tls.key_file", Message = "cert_file and key_file go together",
        });
    }

    [Fact]
    public void Verifying_https_clients_needs_a_ca_file()
    {
        const string toml = Server + """
            [tls]
            verify_https_client = true
            """;

        ErrorsOf(toml).Should().ContainSingle().Which.Path.Should().Be("tls.verify_https_client");
    }

    [Fact]
    public void Gitops_enabled_without_a_directory_is_rejected()
    {
        const string toml = Server + """
            [gitops]
            enabled = true
            """;

        ErrorsOf(toml).Should().ContainSingle().Which.Should().BeEquivalentTo(new { Line = 4, Path = "gitops.path" });
    }

    [Fact]
    public void Two_listeners_on_one_port_are_rejected()
    {
        const string toml = Server + """
            [ports]
            http = 4647
            """;

        ErrorsOf(toml).Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Line = 4, Path = "ports.rpc", Message = "rpc uses port 4647, which http uses too",
        });
    }

    [Fact]
    public void A_zero_collection_interval_is_rejected()
    {
        const string toml = Server + """
            [telemetry]
            collection_interval = "0s"
            """;

        ErrorsOf(toml).Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Line = 4, Path = "telemetry.collection_interval", Message = "must be longer than zero",
        });
    }

    [Fact]
    public void A_bind_addr_that_is_not_an_ip_address_is_rejected_but_a_sockaddr_template_is_left_to_the_agent()
    {
        ErrorsOf(Server + "bind_addr = \"localhost\"").Should().ContainSingle().Which.Path.Should().Be("bind_addr");
        ErrorsOf(Server + "bind_addr = \"{{ GetPrivateIP }}\"").Should().BeEmpty();
    }

    [Fact]
    public void A_key_with_a_type_error_does_not_also_fail_the_checks_that_read_it()
    {
        const string toml = """
            data_dir = "/d"
            [server]
            enabled = "yes"
            """;

        var error = ErrorsOf(toml).Should().ContainSingle().Subject;

        error.Path.Should().Be("server.enabled");
        error.Message.Should().StartWith("expected a boolean");
    }
}
