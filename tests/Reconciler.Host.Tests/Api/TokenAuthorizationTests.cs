using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reconciler.Host.Api.Security;
using Reconciler.Host.Tests.Fixtures;
using Reconciler.Hosting;

namespace Reconciler.Host.Tests.Api;

public sealed class TokenAuthorizationTests : AgentTest
{
    private readonly OnlyTokenAuthorizer _authorizer = new("let-me-in");
    protected override void Extend(ReconcilerBuilder reconciler) => reconciler.Services.AddSingleton<IRequestAuthorizer>(_authorizer);

    [Fact]
    public async Task The_token_header_reaches_the_authorizer_and_a_refusal_is_a_403_that_does_not_echo_the_token()
    {
        using var refused = new HttpRequestMessage(HttpMethod.Get, "/v1/jobs?namespace=team-a");
        refused.Headers.Add("X-Recon-Token", "wrong-token-value");
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/v1/jobs");
        allowed.Headers.Add("X-Recon-Token", "let-me-in");

        var no = await Agent.Http.SendAsync(refused);
        var yes = await Agent.Http.SendAsync(allowed);

        no.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var error = await no.ErrorAsync();
        error["code"]!.GetValue<string>().Should().Be("permission_denied");
        error["message"]!.GetValue<string>().Should().Contain("GET /v1/jobs?namespace=team-a").And.NotContain("wrong-token-value");
        yes.StatusCode.Should().Be(HttpStatusCode.OK);
        _authorizer.Seen.Should().Contain(r => r.Token == "wrong-token-value" && r.Namespace == "team-a");
    }

    [Fact]
    public async Task The_cli_sends_the_token_from_its_flag()
    {
        var refused = await Agent.CliAsync("get", "jobs");
        var allowed = await Agent.CliAsync("get", "jobs", "-token", "let-me-in");

        refused.Error.Should().Contain("Permission denied");
        allowed.ExitCode.Should().Be(0, allowed.Error);
    }

    private sealed class OnlyTokenAuthorizer(string token) : IRequestAuthorizer
    {
        public ConcurrentBag<ApiRequest> Seen { get; } = [];

        public ValueTask<AuthorizationDecision> AuthorizeAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            Seen.Add(request);
            return ValueTask.FromResult(request.Token == token ? AuthorizationDecision.Unrestricted : AuthorizationDecision.Refuse($"Permission denied for {request}."));
        }
    }
}
