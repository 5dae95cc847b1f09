using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>GetVariables and SetVariables over the station's device model.</summary>
public class DeviceModelTests
{
    private static GetVariableData Get(string component, string variable, Evse? evse = null, AttributeType? type = null) =>
        new() { Component = new Component { Name = component, Evse = evse }, Variable = new Variable { Name = variable }, AttributeType = type };

    private static SetVariableData Set(string component, string variable, string value) =>
        new() { Component = new Component { Name = component }, Variable = new Variable { Name = variable }, AttributeValue = value };

    [Fact]
    public async Task GetVariables_reads_known_variables_and_names_unknown_components_variables_and_attribute_types()
    {
        await using var station = await BootedStation.StartAsync("CP-GETVAR", ("EVSE_COUNT", "2"), ("MODEL", "M-42"));

        var response = await station.SendAsync(new GetVariablesRequest
        {
            GetVariableData =
            [
                Get("OCPPCommCtrlr", "HeartbeatInterval"),
                Get("ChargingStation", "Model"),
                Get("ChargingStation", "AvailabilityState"),
                Get("EVSE", "AvailabilityState", new Evse { Id = 2 }),
                Get("Connector", "AvailabilityState", new Evse { Id = 1, ConnectorId = 1 }),
                Get("FluxCapacitor", "Gigawatts"),
                Get("ChargingStation", "Colour"),
                Get("EVSE", "AvailabilityState", new Evse { Id = 3 }),
                Get("OCPPCommCtrlr", "HeartbeatInterval", type: AttributeType.MaxSet),
            ],
        });

        var results = response.GetVariableResult;
        Assert.Equal(
            [GetVariableStatus.Accepted, GetVariableStatus.Accepted, GetVariableStatus.Accepted, GetVariableStatus.Accepted, GetVariableStatus.Accepted,
             GetVariableStatus.UnknownComponent, GetVariableStatus.UnknownVariable, GetVariableStatus.UnknownComponent, GetVariableStatus.NotSupportedAttributeType],
            results.Select(r => r.AttributeStatus));
        Assert.Equal(["60", "M-42", "Available", "Available", "Available"], results.Take(5).Select(r => r.AttributeValue));
        Assert.Equal("FluxCapacitor", results[5].Component.Name);
    }

    [Fact]
    public async Task SetVariables_rejects_read_only_and_bad_values_and_accepts_a_new_heartbeat_interval_that_takes_effect()
    {
        await using var station = await BootedStation.StartAsync("CP-SETVAR");
        Assert.Empty(station.Received<HeartbeatRequest>()); // the CSMS said 60 s

        var response = await station.SendAsync(new SetVariablesRequest
        {
            SetVariableData =
            [
                Set("ChargingStation", "Model", "Hacked"),
                Set("SampledDataCtrlr", "TxUpdatedInterval", "soon"),
                Set("Nope", "HeartbeatInterval", "1"),
                Set("OCPPCommCtrlr", "Nope", "1"),
                Set("OCPPCommCtrlr", "HeartbeatInterval", "1"),
            ],
        });

        Assert.Equal(
            [SetVariableStatus.Rejected, SetVariableStatus.Rejected, SetVariableStatus.UnknownComponent, SetVariableStatus.UnknownVariable, SetVariableStatus.Accepted],
            response.SetVariableResult.Select(r => r.AttributeStatus));
        await station.WaitForAsync<HeartbeatRequest>(timeout: TimeSpan.FromSeconds(2.5));
        var read = await station.SendAsync(new GetVariablesRequest { GetVariableData = [Get("OCPPCommCtrlr", "HeartbeatInterval"), Get("ChargingStation", "Model")] });
        Assert.Equal(["1", "DP-Emulator"], read.GetVariableResult.Select(r => r.AttributeValue));
    }

    [Fact]
    public async Task A_heartbeat_interval_longer_than_a_timer_can_wait_is_accepted_and_the_heartbeat_still_follows_a_later_short_one()
    {
        await using var station = await BootedStation.StartAsync("CP-SETVAR-LONG");

        var hundredDays = await station.SendAsync(new SetVariablesRequest { SetVariableData = [Set("OCPPCommCtrlr", "HeartbeatInterval", "8640000")] });
        await Task.Delay(200);
        var oneSecond = await station.SendAsync(new SetVariablesRequest { SetVariableData = [Set("OCPPCommCtrlr", "HeartbeatInterval", "1")] });

        Assert.Equal(SetVariableStatus.Accepted, hundredDays.SetVariableResult[0].AttributeStatus);
        Assert.Equal(SetVariableStatus.Accepted, oneSecond.SetVariableResult[0].AttributeStatus);
        await station.WaitForAsync<HeartbeatRequest>(timeout: TimeSpan.FromSeconds(2.5));
    }
}
