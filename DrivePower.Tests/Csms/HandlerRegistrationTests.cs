using DrivePower.Csms.Data;
using DrivePower.Csms.Handlers;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Ocpp.Rpc;
using Microsoft.Extensions.DependencyInjection;

namespace DrivePower.Tests.Csms;

/// <summary>One registration per action (<see cref="CsmsHandlers"/>): the registry is built from it, guard included.</summary>
public class HandlerRegistrationTests
{
    [Fact]
    public void Every_station_to_CSMS_action_in_the_catalogue_has_a_CSMS_handler()
    {
        var services = new ServiceCollection().AddCsmsHandlers();
        var routed = services.Where(service => service.ServiceType == typeof(IStationCallRoute))
            .Select(service => service.ImplementationType!.GetGenericArguments()[0])
            .Select(request => OcppActions.ForRequest(request).Name);

        var expected = OcppActions.All.Where(action => action.Direction.HasFlag(OcppDirection.StationToCsms)).Select(action => action.Name);
        Assert.Equal(expected.Order(), routed.Order());
    }

    [Fact]
    public async Task A_handler_registered_once_answers_a_storage_outage_with_InternalError_naming_its_action()
    {
        using var provider = new ServiceCollection()
            .AddStationCall<HeartbeatRequest, HeartbeatResponse, OutageHeartbeatHandler>()
            .BuildServiceProvider();
        await using var pair = await WebSocketPair.CreateAsync();
        await using var csms = new RunningConnection(pair.Server, CsmsHandlerRegistry.Create(provider));
        await using var station = new RunningConnection(pair.Client, new OcppHandlerRegistry());

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => station.Connection.CallAsync(new HeartbeatRequest()));

        Assert.Equal("InternalError", error.ErrorCode);
        Assert.Contains("could not store this Heartbeat", error.Description, StringComparison.Ordinal);
    }

    private sealed class OutageHeartbeatHandler : IStationCallHandler<HeartbeatRequest, HeartbeatResponse>
    {
        public ValueTask<HeartbeatResponse> HandleAsync(OcppCallContext context, HeartbeatRequest request, CancellationToken cancellationToken) =>
            throw new StorageUnavailableException("record a heartbeat", new TimeoutException());
    }
}
