using System.CommandLine;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Onnx.Fetching;
using OmniContextEval.Onnx.Models;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx models list | verify | fetch</c>: what the models folder holds, whether it is intact, and downloading it.</summary>
public static class ModelsCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("models", "List, verify or fetch the ONNX networks of the models folder.");
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(Verify(cli));
        command.Subcommands.Add(Fetch(cli));
        return command;
    }

    private static (Option<string?> Models, Option<bool> Json) Common(Command command)
    {
        var models = new Option<string?>("--models") { Description = $"Models folder (default: ${ModelsFolder.EnvironmentVariable}, else {ModelsFolder.DefaultFolder})." };
        var json = new Option<bool>("--json") { Description = "Print JSON on stdout." };
        command.Options.Add(models);
        command.Options.Add(json);
        return (models, json);
    }

    private static Command List(CliContext cli)
    {
        var command = new Command("list", "List the models of the manifest (name, version, preprocessing, embedding size, file).");
        var (models, json) = Common(command);
        command.SetAction(parse =>
        {
            var registry = ModelRegistry.OpenResolved(parse.GetValue(models));
            if (parse.GetValue(json))
                cli.Out.WriteLine(JsonSerializer.Serialize(registry.Manifest, JsonOptions.Indented));
            else
            {
                cli.Error.WriteLine($"models folder {registry.Folder} ({Origin(parse.GetValue(models))})");
                foreach (var m in registry.Models)
                    cli.Out.WriteLine($"{m.Name,-22} {m.Version,-22} {m.Preprocess ?? "text",-16} {m.EmbeddingSize?.ToString() ?? "-",6}  {m.File}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Verify(CliContext cli)
    {
        var command = new Command("verify", "Check every model: file present, sha256, inputs and outputs as the manifest says.");
        var (models, json) = Common(command);
        command.SetAction(parse =>
        {
            var registry = ModelRegistry.OpenResolved(parse.GetValue(models));
            var checks = registry.Models.Select(m => ModelVerifier.Verify(registry, m)).ToList();
            if (parse.GetValue(json))
                cli.Out.WriteLine(JsonSerializer.Serialize(checks.Select(c => new { c.Name, c.Path, c.Sha256, c.Ok, c.Problems }), JsonOptions.Indented));
            else
                foreach (var c in checks)
                    cli.Out.WriteLine(c.Ok ? $"ok      {c.Name}" : $"FAILED  {c.Name}: {string.Join("; ", c.Problems)}");
            cli.Error.WriteLine($"{checks.Count(c => c.Ok)} of {checks.Count} models verified in {registry.Folder}");
            return checks.All(c => c.Ok) ? ExitCodes.Success : ExitCodes.ModelError;
        });
        return command;
    }

    private static Command Fetch(CliContext cli)
    {
        var command = new Command("fetch", "Download the pinned public ONNX exports into the models folder (resumable, checksum-checked).");
        var (models, _) = Common(command);
        var only = new Option<string[]>("--only") { Description = "Fetch only these models.", AllowMultipleArgumentsPerToken = true };
        var from = new Option<string?>("--from") { Description = $"Folder URL published by tools/export-models.py (default: ${ModelSources.EnvironmentVariable})." };
        command.Options.Add(only);
        command.Options.Add(from);
        command.SetAction(async (parse, cancel) =>
        {
            var folder = ModelsFolder.Resolve(parse.GetValue(models));
            var source = ModelSources.Resolve(parse.GetValue(from));
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
            await new ModelFetcher(http, new ConsoleDownloadProgress(cli.Error)).FetchAsync(folder, source, parse.GetValue(only) ?? [], cancel);
            cli.Error.WriteLine($"models fetched into {folder}; run 'omnictx models verify' to check them");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Says where the models folder came from, for messages.</summary>
    private static string Origin(string? commandLineValue) =>
        !string.IsNullOrWhiteSpace(commandLineValue) ? "--models"
        : !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ModelsFolder.EnvironmentVariable)) ? ModelsFolder.EnvironmentVariable
        : "default cache folder";
}
