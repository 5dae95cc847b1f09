using DrivePower.Csms.Authorization;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>Authorize: the idToken's verdict from the authorization list and the unknown-token policy.</summary>
public sealed class AuthorizeHandler(IdTokenAuthorizer authorizer) : IStationCallHandler<AuthorizeRequest, AuthorizeResponse>
{
    public async ValueTask<AuthorizeResponse> HandleAsync(OcppCallContext context, AuthorizeRequest request, CancellationToken cancellationToken) =>
        new() { IdTokenInfo = await authorizer.AuthorizeAsync(request.IdToken, cancellationToken) };
}
