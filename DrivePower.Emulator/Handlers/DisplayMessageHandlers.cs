using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>
/// O: SetDisplayMessage (O01/O02: Accepted and shown, a known id replaced; NotSupportedMessageFormat for HTML
/// or URI; UnknownTransaction for a transactionId not running; Rejected when disabled or full),
/// GetDisplayMessages (O03: Accepted, then NotifyDisplayMessages; Unknown when none match) and
/// ClearDisplayMessage (O05: Accepted, or Unknown).
/// </summary>
internal static class DisplayMessageHandlers
{
    public static OcppHandlerRegistry OnDisplayMessages(this OcppHandlerRegistry handlers) => handlers
        .On<SetDisplayMessageRequest, SetDisplayMessageResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            var message = request.Message;
            station.CommandReceived(context.Action, $"message {message.Id} ({message.Priority})");
            return ValueTask.FromResult(Set(station, message));
        })
        .On<GetDisplayMessagesRequest, GetDisplayMessagesResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            var matching = station.DisplayMessages.Matching(request, DateTimeOffset.UtcNow);
            station.CommandReceived(context.Action, $"request {request.RequestId}: {matching.Count} message(s)");
            if (matching.Count == 0)
                return ValueTask.FromResult(new GetDisplayMessagesResponse { Status = GetDisplayMessagesStatus.Unknown });
            station.AfterAnswer(async () =>
                await station.SendNowAsync(new NotifyDisplayMessagesRequest { RequestId = request.RequestId, MessageInfo = matching }, CancellationToken.None).ConfigureAwait(false));
            return ValueTask.FromResult(new GetDisplayMessagesResponse { Status = GetDisplayMessagesStatus.Accepted });
        })
        .On<ClearDisplayMessageRequest, ClearDisplayMessageResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"message {request.Id}");
            return ValueTask.FromResult(new ClearDisplayMessageResponse
            {
                Status = station.DisplayMessages.Remove(request.Id) ? ClearMessageStatus.Accepted : ClearMessageStatus.Unknown,
            });
        });

    private static SetDisplayMessageResponse Set(Station station, MessageInfo message)
    {
        if (!station.DeviceModel.DisplayMessagesEnabled)
            return Answer(DisplayMessageStatus.Rejected, "Disabled");
        if (!station.DeviceModel.SupportedMessageFormats.Contains(message.Message.Format))
            return Answer(DisplayMessageStatus.NotSupportedMessageFormat, "Format");
        if (message.TransactionId is { } transactionId && station.FindTransaction(transactionId) is null)
            return Answer(DisplayMessageStatus.UnknownTransaction, "UnknownTransaction");
        if (message.StartDateTime is { } start && message.EndDateTime is { } end && end <= start)
            return Answer(DisplayMessageStatus.Rejected, "InvalidValue");
        return station.DisplayMessages.Put(message, DeviceModel.DisplayMessageCapacity)
            ? new SetDisplayMessageResponse { Status = DisplayMessageStatus.Accepted }
            : Answer(DisplayMessageStatus.Rejected, "Full");
    }

    private static SetDisplayMessageResponse Answer(DisplayMessageStatus status, string reason) =>
        new() { Status = status, StatusInfo = new StatusInfo { ReasonCode = reason } };
}
