using System.CommandLine;
using System.Globalization;
using OmniContextEval.Core;
using OmniContextEval.Generation.Adapters;
using OmniContextEval.Generation.Native;
using OmniContextEval.Generation.Sampling;

namespace OmniContextEval.Cli.Commands;

/// <summary>The generator options that <c>omnictx generate</c> and <c>omnictx run</c> share.</summary>
internal sealed class GeneratorOptions
{
    private readonly Option<string> _generator = new("--generator") { Description = $"Generator: {string.Join(", ", GeneratorFactory.Names)}.", DefaultValueFactory = _ => "native" };
    private readonly Option<string?> _method = new("--method") { Description = "Method folder name (default: the generator's name)." };
    private readonly Option<string?> _source = new("--source") { Description = "folder: image folder; command: command line; http: endpoint URL; onnx: models folder." };
    private readonly Option<string?> _model = new("--model") { Description = "onnx: the velocity network's name in the models folder's models.json." };
    private readonly Option<int> _steps = new("--steps") { Description = "Sampler steps.", DefaultValueFactory = _ => 50 };
    private readonly Option<SolverKind> _solver = new("--solver") { Description = "euler or heun.", DefaultValueFactory = _ => SolverKind.Euler };
    private readonly Option<string> _shift = new("--shift") { Description = "Time shift: dynamic, none or a factor.", DefaultValueFactory = _ => "dynamic" };
    private readonly Option<double?> _text = new("--text-guidance") { Description = "s_txt (native default 1.5, OmniGen2's 5.0 for models)." };
    private readonly Option<double?> _image = new("--image-guidance") { Description = "s_img (native default 1.2, OmniGen2's 2.0 for models)." };
    private readonly Option<string> _cfg = new("--cfg-range") { Description = "Step fraction range with guidance, e.g. 0,1.", DefaultValueFactory = _ => "0,1" };
    private readonly Option<int?> _jobs = new("--jobs") { Description = "native: images at once (default: cores)." };
    private readonly Option<double> _timeout = new("--timeout") { Description = "command/http: seconds per attempt.", DefaultValueFactory = _ => 600 };
    private readonly Option<int> _retries = new("--retries") { Description = "command/http: retries after a failure.", DefaultValueFactory = _ => 2 };
    private readonly Option<int> _batch = new("--batch-size") { Description = "command: requests per process run.", DefaultValueFactory = _ => 8 };
    private readonly Option<int> _concurrency = new("--concurrency") { Description = "command/http: runs or requests at once.", DefaultValueFactory = _ => 2 };
    private readonly Option<long> _maxAnswer = new("--max-answer-bytes") { Description = "command/http: largest answer (response body, stdout, image file) in bytes.", DefaultValueFactory = _ => ExternalOptions.DefaultMaxAnswerBytes };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _generator, _method, _source, _model, _steps, _solver, _shift, _text, _image, _cfg, _jobs, _timeout, _retries, _batch, _concurrency, _maxAnswer })
            command.Options.Add(option);
    }

    /// <summary>The method folder name: --method, or the generator's name; a plain name (<see cref="PlainName"/>) or a usage error.</summary>
    public string Method(ParseResult parse) => parse.GetValue(_method) is { } method
        ? PlainName.Require(method, "--method")
        : PlainName.Require(parse.GetValue(_generator), "--generator");

    public GeneratorSettings Read(ParseResult parse)
    {
        var name = parse.GetValue(_generator)!;
        var defaults = name == "native" ? NativeFlowGenerator.DefaultGuidance : new GuidanceSettings();
        var (cfgStart, cfgEnd) = ParseRange(parse.GetValue(_cfg)!);
        var sampler = new SamplerOptions
        {
            Steps = parse.GetValue(_steps),
            Solver = parse.GetValue(_solver),
            Shift = ParseShift(parse.GetValue(_shift)!),
            Guidance = new GuidanceSettings(parse.GetValue(_text) ?? defaults.TextScale, parse.GetValue(_image) ?? defaults.ImageScale, cfgStart, cfgEnd),
        };
        var external = new ExternalOptions(TimeSpan.FromSeconds(parse.GetValue(_timeout)), parse.GetValue(_retries),
            BatchSize: parse.GetValue(_batch), Concurrency: parse.GetValue(_concurrency),
            MaxAnswerBytes: parse.GetValue(_maxAnswer) > 0 ? parse.GetValue(_maxAnswer) : throw new HarnessException("--max-answer-bytes must be positive", ExitCodes.UsageError));
        return new GeneratorSettings(name, parse.GetValue(_source), sampler, external, parse.GetValue(_jobs), parse.GetValue(_model));
    }

    private static (double, double) ParseRange(string text)
    {
        var parts = text.Split(',');
        if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var b) && a <= b)
            return (a, b);
        throw new HarnessException($"--cfg-range: '{text}' is not START,END with START <= END", ExitCodes.UsageError);
    }

    private static TimeShift ParseShift(string text)
    {
        try { return TimeShift.Parse(text); }
        catch (FormatException e) { throw new HarnessException($"--shift: {e.Message}", ExitCodes.UsageError); }
    }
}
