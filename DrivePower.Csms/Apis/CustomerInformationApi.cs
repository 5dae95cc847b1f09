using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Data;
using DrivePower.Ocpp.Frames;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary>Customer information reports (N09): what a station sent in NotifyCustomerInformation for one requestId.</summary>
public static class CustomerInformationApi
{
    public static RouteGroupBuilder MapCustomerInformationApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stations/{stationId}/customer-information").WithTags("Diagnostics");
        group.MapGet("/{requestId:int}", GetAsync).WithSummary("The report's parts joined in seqNo order, and whether it is complete.");
        return group;
    }

    private static async Task<Results<Ok<CustomerInformationModel>, ProblemHttpResult>> GetAsync(
        string stationId, int requestId, CustomerInformationStore store, CancellationToken cancellationToken)
    {
        var parts = await store.ListAsync(stationId, requestId, cancellationToken);
        if (parts.Count == 0)
            return Problems.NotFound("No customer information",
                $"Station {OcppText.Quote(stationId)} has reported no customer information for request {requestId}.");

        // Complete once the part without tbc has come and no seqNo before it is missing.
        var complete = !parts[^1].Tbc && parts.Select((part, index) => part.SeqNo == index).All(inOrder => inOrder);
        return TypedResults.Ok(new CustomerInformationModel(
            requestId, complete, parts.Count, string.Concat(parts.Select(part => part.Data)), parts[^1].GeneratedAt));
    }
}
