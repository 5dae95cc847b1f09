using DrivePower.Emulator.Diagnostics;
using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>
/// CustomerInformation (N09/N10): Invalid without an idToken, customerCertificate or customerIdentifier
/// to say which customer; Rejected when it asks neither to report nor to clear. Otherwise Accepted; with
/// clear the token leaves the authorization cache, and with report (after the answer) what the station
/// held goes in NotifyCustomerInformation parts, seqNo from 0, tbc on all but the last.
/// </summary>
internal static class CustomerInformationHandler
{
    public static OcppHandlerRegistry OnCustomerInformation(this OcppHandlerRegistry handlers) =>
        handlers.On<CustomerInformationRequest, CustomerInformationResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"request {request.RequestId} report={request.Report} clear={request.Clear}");
            if (request.IdToken is null && request.CustomerCertificate is null && request.CustomerIdentifier is null)
                return Answer(CustomerInformationStatus.Invalid, "NoCustomer");
            if (!request.Report && !request.Clear)
                return Answer(CustomerInformationStatus.Rejected, "NothingAsked");

            // The report describes the data as it was, so it is written before clearing.
            var report = request.Report ? CustomerReport.Describe(station, request, request.Clear) : null;
            if (request.Clear && request.IdToken is { } token)
                station.AuthorizationCache.Remove(token);
            if (report is not null)
                station.AfterAnswer(() => SendReportAsync(station, request.RequestId, report));
            return Answer(CustomerInformationStatus.Accepted, null);
        });

    private static ValueTask<CustomerInformationResponse> Answer(CustomerInformationStatus status, string? reason) =>
        ValueTask.FromResult(new CustomerInformationResponse
        {
            Status = status,
            StatusInfo = reason is null ? null : new StatusInfo { ReasonCode = reason },
        });

    private static async Task SendReportAsync(Station station, int requestId, string report)
    {
        var parts = CustomerReport.Parts(report);
        var generatedAt = DateTimeOffset.UtcNow;
        for (var seqNo = 0; seqNo < parts.Count; seqNo++)
        {
            var part = new NotifyCustomerInformationRequest
            {
                Data = parts[seqNo],
                SeqNo = seqNo,
                Tbc = seqNo < parts.Count - 1 ? true : null,
                GeneratedAt = generatedAt,
                RequestId = requestId,
            };
            await station.SendNowAsync(part, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
