using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>
/// GetTransactionStatus: whether the transaction is still running (only when one is named) and whether
/// transaction events wait in the outbox.
/// </summary>
internal static class GetTransactionStatusHandler
{
    public static OcppHandlerRegistry OnGetTransactionStatus(this OcppHandlerRegistry handlers) =>
        handlers.On<GetTransactionStatusRequest, GetTransactionStatusResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, request.TransactionId ?? "any transaction");
            return ValueTask.FromResult(new GetTransactionStatusResponse
            {
                OngoingIndicator = request.TransactionId is { } id ? station.FindTransaction(id) is not null : null,
                MessagesInQueue = station.Outbox.HasTransactionMessages(request.TransactionId),
            });
        });
}
