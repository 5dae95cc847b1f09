using DrivePower.Csms.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Authentication;

/// <summary>
/// Whether the operator API needs a key: <c>Csms:OperatorApi:RequireKey</c> when set, else whether the
/// server really listens beyond loopback (its bound addresses, read once it is serving).
/// </summary>
public sealed partial class OperatorApiAccess(IOptions<OperatorApiOptions> options, IServer server, ILogger<OperatorApiAccess> logger)
{
    private readonly Lazy<bool> _keyRequired = new(() =>
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var required = options.Value.RequireKey ?? ListenAddresses.BeyondLoopback(addresses);
        Log.Decided(logger, required ? "required" : "not required", string.Join(", ", addresses), options.Value.RequireKey is null ? "by the listen addresses" : "by Csms:OperatorApi:RequireKey");
        return required;
    });

    public OperatorApiOptions Options => options.Value;

    public bool KeyRequired => _keyRequired.Value;

    private static partial class Log
    {
        [LoggerMessage(910, LogLevel.Information, "Operator API key {Required} (listening on {Addresses}; decided {Source})", EventName = "OperatorApiKeyPolicy")]
        public static partial void Decided(ILogger logger, string required, string addresses, string source);
    }
}
