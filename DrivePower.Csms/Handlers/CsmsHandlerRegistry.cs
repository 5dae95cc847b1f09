using DrivePower.Csms.Data;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>Builds the one handler registry every station connection shares.</summary>
public static class CsmsHandlerRegistry
{
    /// <summary>A registry holding every route <see cref="CsmsHandlers"/> registered.</summary>
    public static OcppHandlerRegistry Create(IServiceProvider services)
    {
        var registry = new OcppHandlerRegistry();
        foreach (var route in services.GetServices<IStationCallRoute>())
            route.AddTo(registry, services);
        return registry;
    }

    /// <summary>
    /// A storage failure becomes CALLERROR InternalError: the station is never told "done" for
    /// something not stored, and will send it again. A value the database refuses (the payload
    /// validator lets through what the schemas allow) is the station's error, not an outage:
    /// PropertyConstraintViolation, and sending it again would not help. A write that conflicts with
    /// what is stored (a race with an operator's change, or a bug) is InternalError that says so.
    /// </summary>
    public static Func<OcppCallContext, TRequest, CancellationToken, ValueTask<TResponse>> Guard<TRequest, TResponse>(
        Func<OcppCallContext, TRequest, CancellationToken, ValueTask<TResponse>> handler)
        where TRequest : IOcppRequest<TResponse>
        where TResponse : IOcppResponse
    {
        var action = OcppActions.ForRequest(typeof(TRequest)).Name;
        return async (context, request, cancellationToken) =>
        {
            try
            {
                return await handler(context, request, cancellationToken);
            }
            catch (StorageUnavailableException)
            {
                throw new OcppCallErrorException(OcppErrorCode.InternalError,
                    $"The CSMS could not store this {action}: its database is unavailable. Nothing was stored; send it again later.");
            }
            catch (StorageRejectedValueException)
            {
                throw new OcppCallErrorException(OcppErrorCode.PropertyConstraintViolation,
                    $"A value in this {action} cannot be stored (it is outside what the field may hold). Nothing was stored.");
            }
            catch (StorageConflictException conflict)
            {
                throw new OcppCallErrorException(OcppErrorCode.InternalError,
                    $"The CSMS could not store this {action}: it conflicts with what the CSMS has stored ({conflict.Constraint ?? "a constraint"}). Nothing was stored.");
            }
        };
    }

    /// <summary>The CSMS session of the station behind a call.</summary>
    public static StationSession Session(this OcppCallContext context) =>
        context.Connection.State as StationSession
        ?? throw new InvalidOperationException("The connection carries no station session.");
}
