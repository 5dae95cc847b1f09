using System.Net;

namespace DrivePower.Csms.Authentication;

/// <summary>Whether the CSMS can be reached from other machines: any address it listens on that is not loopback.</summary>
public static class ListenAddresses
{
    /// <summary>ASP.NET Core's default when nothing is configured.</summary>
    public const string Default = "http://localhost:5000";

    public static bool BeyondLoopback(IEnumerable<string> addresses) => addresses.Any(address => !IsLoopback(address));

    /// <summary>
    /// The addresses the configuration asks for, as Kestrel reads them: <c>Kestrel:Endpoints:*:Url</c>,
    /// else <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), else <c>http_ports</c>/<c>https_ports</c>
    /// (every interface), else the default.
    /// </summary>
    public static IReadOnlyList<string> Configured(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"]).OfType<string>().ToList();
        if (endpoints.Count > 0)
            return endpoints;
        if (configuration["urls"] is { Length: > 0 } urls)
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ports = $"{configuration["http_ports"]};{configuration["https_ports"]}".Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return ports.Length > 0 ? [.. ports.Select(port => $"http://*:{port}")] : [Default];
    }

    private static bool IsLoopback(string address)
    {
        try
        {
            var host = BindingAddress.Parse(address).Host;
            return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        }
        catch (FormatException)
        {
            return false; // not understood: assume it is reachable
        }
    }
}
