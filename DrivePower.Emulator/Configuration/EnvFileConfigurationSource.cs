
namespace DrivePower.Emulator.Configuration;

/// <summary>Settings from an <see cref="EnvFile"/>; a missing file gives none (the validator names it).</summary>
internal sealed class EnvFileConfigurationSource(string path) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(path);

    private sealed class Provider(string path) : ConfigurationProvider
    {
        public override void Load() =>
            Data = File.Exists(path) ? EnvFile.Parse(File.ReadLines(path)) : new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
    }
}
