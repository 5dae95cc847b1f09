using DrivePower.Csms.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.StationFiles;

/// <summary>
/// Builds the absolute URLs handed to stations in commands (a firmware location, a log upload
/// location): a station fetches or posts to them itself, so they must name an address it can reach.
/// </summary>
public sealed class StationHttpAddress(IOptions<CsmsOptions> options, IServer server)
{
    /// <summary>The absolute URL of <paramref name="path"/> (e.g. <c>/files/firmware/abc</c>) on this CSMS.</summary>
    public Uri For(string path) => new(BaseUrl(), path.TrimStart('/'));

    private Uri BaseUrl()
    {
        if (options.Value.StationHttpBaseUrl is { } configured)
            return WithTrailingSlash(configured);

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = listening.OrderBy(address => address.StartsWith("https", StringComparison.Ordinal) ? 1 : 0).FirstOrDefault()
            ?? throw new InvalidOperationException("The CSMS is not listening yet, so there is no address to give a station.");
        // Kestrel reports wildcard bindings as http://[::]:8080, http://0.0.0.0:8080 or http://+:8080.
        var builder = new UriBuilder(first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
            builder.Host = "localhost";
        return WithTrailingSlash(builder.Uri);
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
