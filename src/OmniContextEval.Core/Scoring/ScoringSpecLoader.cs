using System.Security.Cryptography;
using OmniContextEval.Core.Catalogue;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OmniContextEval.Core.Scoring;

/// <summary>Loads and validates scoring specifications: the shipped default or a user's YAML file.</summary>
public static class ScoringSpecLoader
{
    /// <summary>The only specification schema version this build reads.</summary>
    public const int SupportedVersion = 1;
    private const string DefaultResource = "scoring-spec.v1.yaml";

    /// <summary>The specification shipped inside the harness (scoring-spec.v1.yaml), checked against <paramref name="catalogue"/> when given.</summary>
    public static ScoringSpec Default(IMetricCatalogue? catalogue = null) => Parse(DefaultBytes(), $"built-in {DefaultResource}", catalogue);

    /// <summary>The shipped specification's bytes, for writing it beside results.</summary>
    public static byte[] DefaultBytes()
    {
        using var stream = typeof(ScoringSpecLoader).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"embedded resource {DefaultResource} missing from the build");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>Reads a specification file; errors name the file and the field.</summary>
    /// <param name="catalogue">The metrics the engine can compute: when given, unknown metric names and normalisations against a metric's direction are errors.</param>
    public static ScoringSpec Load(string path, IMetricCatalogue? catalogue = null)
    {
        if (!File.Exists(path)) throw new HarnessException($"scoring specification not found: {path}");
        return Parse(File.ReadAllBytes(path), path, catalogue);
    }

    /// <summary>Parses specification bytes; <paramref name="source"/> names them in error messages.</summary>
    /// <param name="catalogue">The metrics the engine can compute: when given, unknown metric names and normalisations against a metric's direction are errors.</param>
    public static ScoringSpec Parse(byte[] bytes, string source, IMetricCatalogue? catalogue = null)
    {
        SpecFile file;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
            file = deserializer.Deserialize<SpecFile>(System.Text.Encoding.UTF8.GetString(bytes))
                ?? throw new HarnessException($"{source}: the scoring specification is empty");
        }
        catch (YamlException e)
        {
            throw new HarnessException($"{source}: invalid scoring specification at line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
        return new ScoringSpecValidator(source, catalogue).Validate(file, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}

/// <summary>The YAML shape of a specification file (see scoring-spec.v1.yaml).</summary>
internal sealed class SpecFile
{
    public int Version { get; set; }
    public string? Name { get; set; }
    public Dictionary<string, WeightedEntry>? Dimensions { get; set; }
    public List<string>? RequiresReference { get; set; }
    public Dictionary<string, string>? PerItem { get; set; }
    public Dictionary<string, NormalisationEntry>? Normalisation { get; set; }
    public WeightedEntry? SetLevel { get; set; }
    public StatisticsEntry? Statistics { get; set; }

    /// <summary>A dimension or the set-level block: a weight and the weights of its metrics.</summary>
    internal sealed class WeightedEntry
    {
        public double Weight { get; set; }
        public Dictionary<string, double>? Metrics { get; set; }
    }

    internal sealed class NormalisationEntry
    {
        public string? Kind { get; set; }
        public double? Worst { get; set; }
        public double? Best { get; set; }
        public double? Scale { get; set; }
    }

    internal sealed class StatisticsEntry
    {
        public double Confidence { get; set; } = 0.95;
        public int BootstrapResamples { get; set; } = 2000;
        public ulong BootstrapSeed { get; set; }
    }
}
