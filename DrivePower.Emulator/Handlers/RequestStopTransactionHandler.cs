using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>RequestStopTransaction: an unknown transaction is Rejected; a running one is Accepted, then Ended (Remote, RemoteStop).</summary>
internal static class RequestStopTransactionHandler
{
    public static OcppHandlerRegistry OnRequestStopTransaction(this OcppHandlerRegistry handlers) =>
        handlers.On<RequestStopTransactionRequest, RequestStopTransactionResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"transaction {request.TransactionId}");
            if (station.FindTransaction(request.TransactionId) is not { } transaction)
                return ValueTask.FromResult(new RequestStopTransactionResponse
                {
                    Status = RequestStartStopStatus.Rejected,
                    StatusInfo = new StatusInfo { ReasonCode = "UnknownTransaction" },
                });

            station.AfterAnswer(() => Task.FromResult(transaction.End(StoppedReason.Remote, TriggerReason.RemoteStop)));
            return ValueTask.FromResult(new RequestStopTransactionResponse { Status = RequestStartStopStatus.Accepted });
        });
}
