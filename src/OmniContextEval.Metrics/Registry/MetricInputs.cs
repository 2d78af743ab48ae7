namespace OmniContextEval.Metrics.Registry;

/// <summary>The spelling of <see cref="Core.Catalogue.MetricInfo.Inputs"/>: "network:NAME", "image:output", "case:FIELD".</summary>
public static class MetricInputs
{
    public const string NetworkPrefix = "network:";
    public const string OutputImage = "image:output";
    public const string InputImages = "image:inputs";
    public const string ReferenceImage = "image:reference";

    public static string Network(string name) => NetworkPrefix + name;

    public static string CaseField(string field) => "case:" + field;
}
