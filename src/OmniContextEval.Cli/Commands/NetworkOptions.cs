using System.CommandLine;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Cli.Commands;

/// <summary>Options shared by commands that run networks: models folder, device, threads, batch size, feature cache, JSON.</summary>
public sealed class NetworkOptions
{
    public Option<string?> Models { get; } = new("--models") { Description = $"Models folder (default: ${ModelsFolder.EnvironmentVariable}, else {ModelsFolder.DefaultFolder})." };
    public Option<string> Device { get; } = CommonOptions.Device();
    public Option<int> Threads { get; } = new("--threads") { Description = "Threads per network (0: one per core).", DefaultValueFactory = _ => 0 };
    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Images per network call.", DefaultValueFactory = _ => 16 };
    public Option<string?> Cache { get; } = new("--cache") { Description = "SQLite feature cache file (none unless given)." };
    public Option<bool> Json { get; } = new("--json") { Description = "Print the result as JSON on stdout." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Models, Device, Threads, BatchSize, Cache, Json })
            command.Options.Add(option);
    }

    public ModelSessionPool OpenPool(ParseResult parse) =>
        new(ModelRegistry.OpenResolved(parse.GetValue(Models)),
            new SessionSettings(SessionSettings.ParseDevice(parse.GetValue(Device)!), parse.GetValue(Threads)));

    public EngineOptions Engine(ParseResult parse) => new(BatchSize: Math.Max(1, parse.GetValue(BatchSize)));

    public FeatureCache? OpenCache(ParseResult parse, CliContext cli) =>
        parse.GetValue(Cache) is { } path ? FeatureCache.Open(path, w => cli.Error.WriteLine($"warning: {w}")) : null;
}
