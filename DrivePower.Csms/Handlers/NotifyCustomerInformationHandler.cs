using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>NotifyCustomerInformation: each part stored under its requestId and seqNo.</summary>
public sealed class NotifyCustomerInformationHandler(CustomerInformationStore store)
    : IStationCallHandler<NotifyCustomerInformationRequest, NotifyCustomerInformationResponse>
{
    public async ValueTask<NotifyCustomerInformationResponse> HandleAsync(
        OcppCallContext context, NotifyCustomerInformationRequest request, CancellationToken cancellationToken)
    {
        await store.RecordAsync(context.StationId, request.RequestId,
            new CustomerInformationPart(request.SeqNo, request.Tbc ?? false, request.Data, request.GeneratedAt), cancellationToken);
        return new NotifyCustomerInformationResponse();
    }
}
