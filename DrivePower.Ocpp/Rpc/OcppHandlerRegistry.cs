using System.Text.Json;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Ocpp.Rpc;

/// <summary>A handler of one action, working on JSON payloads already validated against the action's schema.</summary>
public delegate ValueTask<JsonElement> OcppRawHandler(OcppCallContext context, JsonElement payload, CancellationToken cancellationToken);

/// <summary>
/// The handlers of inbound CALLs, keyed by exact action name. An action with no handler is answered
/// NotSupported when the catalogue knows it, NotImplemented otherwise.
/// </summary>
public sealed class OcppHandlerRegistry
{
    private readonly Dictionary<string, OcppRawHandler> _handlers = new(StringComparer.Ordinal);

    /// <summary>Registers the typed handler of <typeparamref name="TRequest"/>'s action, replacing any earlier one.</summary>
    public OcppHandlerRegistry On<TRequest, TResponse>(Func<OcppCallContext, TRequest, CancellationToken, ValueTask<TResponse>> handler)
        where TRequest : IOcppRequest<TResponse>
        where TResponse : IOcppResponse
    {
        var action = OcppActions.ForRequest(typeof(TRequest));
        _handlers[action.Name] = async (context, payload, cancellationToken) =>
        {
            var request = (TRequest)payload.Deserialize(action.Request)!;
            var response = await handler(context, request, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.SerializeToElement(response, action.Response);
        };
        return this;
    }

    /// <summary>Registers a handler working on raw payloads, for an action the catalogue knows.</summary>
    public OcppHandlerRegistry OnRaw(string action, OcppRawHandler handler)
    {
        if (OcppActions.Find(action) is null)
            throw new ArgumentException($"'{action}' is not a known OCPP action.", nameof(action));
        _handlers[action] = handler;
        return this;
    }

    public IReadOnlyCollection<string> Actions => _handlers.Keys;

    internal bool TryGet(string action, out OcppRawHandler handler) => _handlers.TryGetValue(action, out handler!);
}
