using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>NotifyDisplayMessages: each reported message is stored (replacing one of the same id) before the answer.</summary>
public sealed class NotifyDisplayMessagesHandler(DisplayMessageStore messages, TimeProvider time)
    : IStationCallHandler<NotifyDisplayMessagesRequest, NotifyDisplayMessagesResponse>
{
    public async ValueTask<NotifyDisplayMessagesResponse> HandleAsync(
        OcppCallContext context, NotifyDisplayMessagesRequest request, CancellationToken cancellationToken)
    {
        if (request.MessageInfo is { Count: > 0 } reported)
            await messages.RecordAsync(context.StationId, reported, "Reported", time.GetUtcNow(), cancellationToken);
        return new NotifyDisplayMessagesResponse();
    }
}
