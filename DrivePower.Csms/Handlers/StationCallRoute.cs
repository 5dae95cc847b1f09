using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>One action's route, kept in DI so the registry can be built from every route registered.</summary>
internal interface IStationCallRoute
{
    void AddTo(OcppHandlerRegistry registry, IServiceProvider services);
}

internal sealed class StationCallRoute<TRequest, TResponse, THandler> : IStationCallRoute
    where TRequest : IOcppRequest<TResponse>
    where TResponse : IOcppResponse
    where THandler : IStationCallHandler<TRequest, TResponse>
{
    public void AddTo(OcppHandlerRegistry registry, IServiceProvider services) =>
        registry.On(CsmsHandlerRegistry.Guard<TRequest, TResponse>(services.GetRequiredService<THandler>().HandleAsync));
}
