using DrivePower.Emulator.SmartCharging;
using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DrivePower.Emulator.Control;

/// <summary>
/// The control API: a user or a test acts as the driver and the hardware of each station. Unknown
/// station, EVSE or connector: 404; an action the present state does not allow: 409; a bad body: 400 (all Problem Details).
/// </summary>
internal static class ControlApi
{
    public static void MapControlApi(this IEndpointRouteBuilder endpoints)
    {
        var stations = endpoints.MapGroup("/api/stations");
        stations.MapGet("/", (StationDirectory directory) => TypedResults.Ok(directory.All.Select(View).ToList()));
        stations.MapGet("/{stationId}", (string stationId, StationDirectory directory) =>
            On(directory, stationId, station => TypedResults.Ok(View(station))));
        stations.MapPost("/{stationId}/offline", (string stationId, StationDirectory directory) =>
            On(directory, stationId, station => Done(Offline(station))));
        stations.MapPost("/{stationId}/online", (string stationId, StationDirectory directory) =>
            On(directory, stationId, station => Done(Online(station))));
        stations.MapPost("/{stationId}/power-cycle", (string stationId, StationDirectory directory) =>
            On(directory, stationId, station => Done(station.PowerCycle())));

        var evse = stations.MapGroup("/{stationId}/evses/{evseId:int}");
        evse.MapPost("/plug", (string stationId, int evseId, PlugBody? body, StationDirectory directory) =>
            OnEvse(directory, stationId, evseId, (station, found) => body?.ConnectorId is { } connectorId
                ? found.FindConnector(connectorId) is { } connector ? Done(station.PlugIn(found, connector)) : NoConnector(evseId, connectorId)
                : Done(station.PlugIn(found, null))));
        evse.MapPost("/unplug", (string stationId, int evseId, StationDirectory directory) =>
            OnEvse(directory, stationId, evseId, (station, found) => Done(station.Unplug(found))));
        evse.MapPost("/id-token", (string stationId, int evseId, IdTokenBody body, StationDirectory directory) =>
            OnEvseAsync(directory, stationId, evseId, async (station, found) => Token(body) is { } token
                ? Done(await station.PresentIdTokenAsync(found, token))
                : Invalid("idToken must have 1 to 36 characters and type, if given, be one of " + string.Join(", ", Enum.GetNames<IdTokenType>()) + ".")));
        evse.MapPost("/start", (string stationId, int evseId, StationDirectory directory) =>
            OnEvseAsync(directory, stationId, evseId, async (station, found) => Done(await station.StartLocallyAsync(found))));
        evse.MapPost("/stop", (string stationId, int evseId, StationDirectory directory) =>
            OnEvse(directory, stationId, evseId, (station, found) => Done(station.StopLocally(found))));
        evse.MapPut("/ev", (string stationId, int evseId, EvBody body, StationDirectory directory) =>
            OnEvse(directory, stationId, evseId, (station, found) =>
            {
                if (body.MaxPowerW is not { } watts || watts is < 0 or > 400_000)
                    return Invalid("maxPowerW must be 0 to 400000 W.");
                found.Meter.SetEvMaxPower(watts);
                station.ObserveMonitors();
                return Done($"The EV on EVSE {evseId} now takes at most {watts} W.");
            }));
        evse.MapPost("/connectors/{connectorId:int}/fault", (string stationId, int evseId, int connectorId, StationDirectory directory) =>
            OnConnector(directory, stationId, evseId, connectorId, (station, connector) => Done(station.SetFaulted(connector, true))));
        evse.MapDelete("/connectors/{connectorId:int}/fault", (string stationId, int evseId, int connectorId, StationDirectory directory) =>
            OnConnector(directory, stationId, evseId, connectorId, (station, connector) => Done(station.SetFaulted(connector, false))));
    }

    private static string Offline(Station station)
    {
        station.GoOffline();
        return "Offline: the connection dropped; the station keeps running and queues its transaction messages.";
    }

    private static string Online(Station station)
    {
        station.GoOnline();
        return "Online: the station reconnects.";
    }

    private static IdToken? Token(IdTokenBody body)
    {
        if (body.IdToken is not { Length: > 0 and <= 36 } text)
            return null;
        if (body.Type is null)
            return new IdToken { Token = text, Type = IdTokenType.ISO14443 };
        return Enum.TryParse<IdTokenType>(body.Type, ignoreCase: false, out var type) && Enum.IsDefined(type)
            ? new IdToken { Token = text, Type = type }
            : null;
    }

    private static StationView View(Station station) => new(station.Id, station.Connection is { IsOpen: true }, station.IsAccepted, station.IsOffline,
        [.. station.Evses.Select(evse => new EvseView(
            evse.Id,
            [.. evse.Connectors.Select(connector => new ConnectorView(connector.Id, station.StatusOf(connector).ToString(), connector.Plugged, connector.Faulted))],
            evse.Transaction?.Id,
            evse.Transaction?.ChargingState.ToString(),
            evse.Transaction?.IdToken?.Token,
            evse.Meter.PowerW,
            evse.Meter.EvMaxPowerW,
            CompositeScheduler.WattsAt(station, evse.Id, DateTimeOffset.UtcNow),
            evse.Transaction?.TotalCost))]);

    private static IResult On(StationDirectory directory, string stationId, Func<Station, IResult> action)
    {
        if (directory.Find(stationId) is not { } station)
            return TypedResults.Problem($"This emulator runs no station '{stationId}'.", statusCode: 404, title: "Unknown station");
        try
        {
            return action(station);
        }
        catch (DriverActionException conflict)
        {
            return TypedResults.Problem(conflict.Message, statusCode: 409, title: "Not possible now");
        }
    }

    private static IResult OnEvse(StationDirectory directory, string stationId, int evseId, Func<Station, EvseState, IResult> action) =>
        On(directory, stationId, station => station.FindEvse(evseId) is { } evse
            ? action(station, evse)
            : TypedResults.Problem($"Station '{stationId}' has no EVSE {evseId}.", statusCode: 404, title: "Unknown EVSE"));

    private static async Task<IResult> OnEvseAsync(StationDirectory directory, string stationId, int evseId, Func<Station, EvseState, Task<IResult>> action)
    {
        Task<IResult>? work = null;
        var found = OnEvse(directory, stationId, evseId, (station, evse) =>
        {
            work = action(station, evse);
            return TypedResults.Ok();
        });
        if (work is null)
            return found;
        try
        {
            return await work;
        }
        catch (DriverActionException conflict)
        {
            return TypedResults.Problem(conflict.Message, statusCode: 409, title: "Not possible now");
        }
    }

    private static IResult OnConnector(StationDirectory directory, string stationId, int evseId, int connectorId, Func<Station, ConnectorState, IResult> action) =>
        OnEvse(directory, stationId, evseId, (station, evse) => evse.FindConnector(connectorId) is { } connector
            ? action(station, connector)
            : NoConnector(evseId, connectorId));

    private static ProblemHttpResult NoConnector(int evseId, int connectorId) =>
        TypedResults.Problem($"EVSE {evseId} has no connector {connectorId}.", statusCode: 404, title: "Unknown connector");

    private static ProblemHttpResult Invalid(string detail) => TypedResults.Problem(detail, statusCode: 400, title: "Invalid request");

    private static Ok<ActionResult> Done(string outcome) => TypedResults.Ok(new ActionResult(outcome));

    private static Ok<ActionResult> Done((bool Accepted, string Outcome) result) => TypedResults.Ok(new ActionResult(result.Outcome, result.Accepted));
}
