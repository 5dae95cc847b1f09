using DrivePower.Emulator.Output;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Stations;

internal sealed partial class Station
{
    /// <summary>Sends a CALL on the open connection now; null when there is none, it closes, or the CSMS refuses (logged).</summary>
    public async Task<TResponse?> SendNowAsync<TResponse>(IOcppRequest<TResponse> request, CancellationToken cancellationToken)
        where TResponse : class, IOcppResponse
    {
        var action = OcppActions.ForRequest(request.GetType()).Name;
        if (Connection is not { IsOpen: true } connection)
        {
            StationLog.CallSkipped(Logger, Id, action);
            return null;
        }

        try
        {
            var response = await connection.CallAsync(request, cancellationToken).ConfigureAwait(false);
            Services.Metrics.MessageSent(ok: true);
            return response;
        }
        catch (OcppConnectionClosedException)
        {
            StationLog.CallSkipped(Logger, Id, action); // closing: the next connection starts over
            return null;
        }
        catch (Exception exception) when (exception is OcppCallErrorException or OcppCallTimeoutException or OcppValidationException)
        {
            Services.Metrics.MessageSent(ok: false);
            StationLog.CallFailed(Logger, Id, action, exception.Message);
            return null;
        }
    }

    /// <summary>
    /// Runs what a command starts (a status, a transaction event) once the command's answer is on
    /// the wire, so the CSMS always gets the answer first; outside a command, at once.
    /// </summary>
    public void AfterAnswer(Func<Task> work)
    {
        if (Connection is { } connection)
            connection.AfterAnswer(work);
        else
            _ = Task.Run(async () =>
            {
                try
                {
                    await work().ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    StationLog.StationFailed(Logger, exception, Id);
                }
            });
    }
}
