using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>
/// CostUpdated (I02): the running cost of a transaction is kept on it (the control API shows it). The
/// response has no status, so a cost for a transaction the station does not run is answered too, and dropped.
/// </summary>
internal static class CostUpdatedHandler
{
    public static OcppHandlerRegistry OnCostUpdated(this OcppHandlerRegistry handlers) =>
        handlers.On<CostUpdatedRequest, CostUpdatedResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            if (station.FindTransaction(request.TransactionId) is { } transaction)
            {
                transaction.TotalCost = request.TotalCost;
                station.CommandReceived(context.Action, $"transaction {request.TransactionId} costs {request.TotalCost}");
            }
            else
            {
                station.CommandReceived(context.Action, $"no transaction {request.TransactionId}: cost dropped");
            }

            return ValueTask.FromResult(new CostUpdatedResponse());
        });
}
