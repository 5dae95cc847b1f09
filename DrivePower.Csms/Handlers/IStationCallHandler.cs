using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>Answers one station-to-CSMS action; registered with <see cref="CsmsHandlers"/>.</summary>
public interface IStationCallHandler<in TRequest, TResponse>
    where TRequest : IOcppRequest<TResponse>
    where TResponse : IOcppResponse
{
    ValueTask<TResponse> HandleAsync(OcppCallContext context, TRequest request, CancellationToken cancellationToken);
}
