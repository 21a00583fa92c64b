using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Gateway.Security;

/// <summary>
/// The API keys of the gRPC gateway for plain HTTP endpoints (the risk console's API): the same
/// <c>x-api-key</c> header, the same key table, the role as a role claim. Runs only for endpoints whose
/// policy names <see cref="GatewayAuthorization.Scheme"/>, so gRPC calls are not hashed twice.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CallerDirectory callers,
    IOptionsMonitor<SecurityOptions> security) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var settings = security.CurrentValue;
        var presented = Request.Headers[SecurityOptions.Header].ToString();
        if (presented.Length == 0)
        {
            if (!settings.Enabled)
            {
                return Task.FromResult(Success("anonymous", GatewayRole.Admin));
            }

            var remote = Context.Connection.RemoteIpAddress;
            return Task.FromResult(settings.LoopbackAdmin && remote is not null && IPAddress.IsLoopback(remote)
                ? Success("loopback", GatewayRole.Admin)
                : AuthenticateResult.NoResult());
        }

        return Task.FromResult(callers.Find(presented) is { } caller
            ? Success(caller.Id, caller.Role)
            : AuthenticateResult.Fail($"the '{SecurityOptions.Header}' header holds no valid API key"));
    }

    private AuthenticateResult Success(string id, GatewayRole role)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, id), new Claim(ClaimTypes.Role, role.ToString())], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
