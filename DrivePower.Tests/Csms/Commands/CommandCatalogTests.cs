using DrivePower.Csms.Commands;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Validation;

namespace DrivePower.Tests.Csms.Commands;

public class CommandCatalogTests
{
    [Fact]
    public void The_catalogue_is_every_action_the_CSMS_calls_in_catalogue_order_and_nothing_a_station_calls()
    {
        string[] expected = [.. OcppActions.All.Where(a => a.Direction is OcppDirection.CsmsToStation or OcppDirection.Both).Select(a => a.Name)];

        Assert.Equal(expected, CommandCatalog.Names);
        Assert.Contains("Reset", CommandCatalog.Names);
        Assert.Contains("DataTransfer", CommandCatalog.Names); // Both directions
        Assert.DoesNotContain("BootNotification", CommandCatalog.Names);
        Assert.Null(CommandCatalog.Find("Heartbeat"));
        Assert.Null(CommandCatalog.Find("reset"));
    }

    [Fact]
    public void Each_command_carries_its_request_and_response_schema_and_an_example_the_validator_accepts()
    {
        foreach (var command in CommandCatalog.All)
        {
            Assert.Equal(command.Ocpp.RequestSchema().ToJsonString(), command.RequestSchema.GetRawText());
            Assert.Equal(command.Ocpp.ResponseSchema().ToJsonString(), command.ResponseSchema.GetRawText());
            Assert.Empty(command.Ocpp.ValidateRequest(command.ExampleRequest));
        }

        Assert.Equal("""{"type":"Immediate"}""", CommandCatalog.Find("Reset")!.ExampleRequest.GetRawText());
    }
}
