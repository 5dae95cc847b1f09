using DrivePower.Csms.Configuration;
using DrivePower.Csms.StationFiles;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace DrivePower.Tests.Csms.StationFiles;

public sealed class StationHttpAddressTests
{
    [Fact]
    public void The_configured_base_url_is_used_with_the_path_under_it()
    {
        var address = Make(new Uri("http://csms:8080/stand"), "http://127.0.0.1:5000");

        Assert.Equal("http://csms:8080/stand/files/firmware/abc", address.For("/files/firmware/abc").AbsoluteUri);
    }

    [Theory]
    [InlineData("http://+:8080", "http://localhost:8080/x")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080/x")]
    [InlineData("http://[::]:8080", "http://localhost:8080/x")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/x")]
    public void Without_a_setting_the_listening_address_is_used_and_a_wildcard_host_becomes_localhost(string listening, string expected)
    {
        Assert.Equal(expected, Make(null, listening).For("x").AbsoluteUri);
    }

    [Fact]
    public void A_plain_http_address_is_preferred_to_https_when_both_are_listening()
    {
        Assert.Equal("http://127.0.0.1:5001/x", Make(null, "https://127.0.0.1:5002", "http://127.0.0.1:5001").For("x").AbsoluteUri);
    }

    private static StationHttpAddress Make(Uri? configured, params string[] listening)
    {
        var features = new FeatureCollection();
        var addresses = new ServerAddressesFeature();
        foreach (var address in listening)
            addresses.Addresses.Add(address);
        features.Set<IServerAddressesFeature>(addresses);
        return new StationHttpAddress(Options.Create(new CsmsOptions { StationHttpBaseUrl = configured }), new FixedServer(features));
    }

    private sealed class ServerAddressesFeature : IServerAddressesFeature
    {
        public ICollection<string> Addresses { get; } = [];
        public bool PreferHostingUrls { get; set; }
    }

    private sealed class FixedServer(IFeatureCollection features) : IServer
    {
        public IFeatureCollection Features => features;
        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public void Dispose() { }
    }
}
