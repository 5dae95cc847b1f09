using Microsoft.Extensions.Options;

namespace DrivePower.Emulator.Configuration;

/// <summary>Fails start-up with one message per bad setting, each naming the setting.</summary>
internal sealed class EmulatorSettingsValidator : IValidateOptions<EmulatorSettings>
{
    public ValidateOptionsResult Validate(string? name, EmulatorSettings options)
    {
        EmulatorOptionsParser.Parse(options, out var errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
