using System.Text.Json;
using System.Text.Json.Nodes;
using OmniContextEval.Core;

namespace OmniContextEval.Reports.Charts;

/// <summary>
/// Vega-Lite specifications for the HTML report. Serialised with the default encoder, which escapes &lt;, &gt;
/// and &amp;, so a specification can sit inside a script element whatever its labels hold.
/// </summary>
public static class VegaLiteCharts
{
    private const string Blue = "#2563eb";

    /// <summary>Horizontal bars of means with confidence-interval whiskers, on a 0..100 axis.</summary>
    public static string IntervalBars(string title, IReadOnlyList<ChartRow> rows)
    {
        var values = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
        {
            ["label"] = r.Label, ["mean"] = Round(r.Mean), ["lower"] = Round(r.Lower), ["upper"] = Round(r.Upper), ["n"] = r.N,
        }).ToArray());
        var y = new JsonObject { ["field"] = "label", ["type"] = "nominal", ["sort"] = null, ["title"] = null };
        var tooltip = new JsonArray(Field("label", "nominal"), Field("mean", "quantitative"), Field("lower", "quantitative"),
            Field("upper", "quantitative"), Field("n", "quantitative"));
        var spec = Base(title, rows.Count * 26 + 10);
        spec["data"] = new JsonObject { ["values"] = values };
        spec["layer"] = new JsonArray(
            new JsonObject
            {
                ["mark"] = new JsonObject { ["type"] = "bar", ["color"] = Blue, ["opacity"] = 0.85, ["cornerRadiusEnd"] = 2 },
                ["encoding"] = new JsonObject
                {
                    ["y"] = y.DeepClone(),
                    ["x"] = new JsonObject { ["field"] = "mean", ["type"] = "quantitative", ["title"] = "score (0-100), 95% CI", ["axis"] = new JsonObject { ["values"] = new JsonArray(0, 25, 50, 75, 100) },
                        ["scale"] = new JsonObject { ["domain"] = new JsonArray(0, 100) } },
                    ["tooltip"] = tooltip,
                },
            },
            new JsonObject
            {
                ["mark"] = new JsonObject { ["type"] = "rule", ["color"] = "#111827", ["strokeWidth"] = 1.5 },
                ["encoding"] = new JsonObject
                {
                    ["y"] = y.DeepClone(),
                    ["x"] = new JsonObject { ["field"] = "lower", ["type"] = "quantitative" },
                    ["x2"] = new JsonObject { ["field"] = "upper" },
                },
            });
        return JsonSerializer.Serialize(spec, JsonOptions.Compact);
    }

    /// <summary>Histogram of case totals (0..100, bins of 5).</summary>
    public static string Histogram(string title, IReadOnlyList<double> totals)
    {
        var spec = Base(title, 180);
        spec["data"] = new JsonObject { ["values"] = new JsonArray(totals.Select(t => (JsonNode)new JsonObject { ["total"] = Round(t) }).ToArray()) };
        spec["mark"] = new JsonObject { ["type"] = "bar", ["color"] = Blue, ["opacity"] = 0.85 };
        spec["encoding"] = new JsonObject
        {
            ["x"] = new JsonObject { ["field"] = "total", ["type"] = "quantitative", ["title"] = "case total (mean over seeds)",
                ["bin"] = new JsonObject { ["extent"] = new JsonArray(0, 100), ["step"] = 5 } },
            ["y"] = new JsonObject { ["aggregate"] = "count", ["type"] = "quantitative", ["title"] = "cases" },
        };
        return JsonSerializer.Serialize(spec, JsonOptions.Compact);
    }

    /// <summary>Box plots (min, quartiles, max) of case scores per dimension on a 0..100 axis.</summary>
    public static string BoxPlots(string title, IReadOnlyList<(string Label, IReadOnlyList<double> Values)> groups)
    {
        var spec = Base(title, groups.Count * 30 + 10);
        spec["data"] = new JsonObject
        {
            ["values"] = new JsonArray(groups.SelectMany(g => g.Values.Select(v => (JsonNode)new JsonObject { ["dimension"] = g.Label, ["score"] = Round(v) })).ToArray()),
        };
        spec["mark"] = new JsonObject { ["type"] = "boxplot", ["extent"] = "min-max", ["color"] = Blue, ["size"] = 16 };
        spec["encoding"] = new JsonObject
        {
            ["y"] = new JsonObject { ["field"] = "dimension", ["type"] = "nominal", ["sort"] = null, ["title"] = null },
            ["x"] = new JsonObject { ["field"] = "score", ["type"] = "quantitative", ["title"] = "case score (mean over seeds)",
                ["scale"] = new JsonObject { ["domain"] = new JsonArray(0, 100) }, ["axis"] = new JsonObject { ["values"] = new JsonArray(0, 25, 50, 75, 100) } },
        };
        return JsonSerializer.Serialize(spec, JsonOptions.Compact);
    }

    private static JsonObject Base(string title, int height) => new()
    {
        ["$schema"] = "https://vega.github.io/schema/vega-lite/v6.json",
        ["title"] = title,
        ["width"] = "container",
        ["height"] = height,
        ["padding"] = new JsonObject { ["left"] = 4, ["top"] = 4, ["right"] = 16, ["bottom"] = 4 },
        ["autosize"] = new JsonObject { ["type"] = "fit-x", ["contains"] = "padding" },
        ["config"] = new JsonObject
        {
            ["font"] = "system-ui, -apple-system, Segoe UI, sans-serif",
            ["view"] = new JsonObject { ["stroke"] = null },
            ["axis"] = new JsonObject { ["labelColor"] = "#374151", ["titleColor"] = "#374151", ["gridColor"] = "#e5e7eb" },
            ["title"] = new JsonObject { ["anchor"] = "start", ["fontSize"] = 14, ["color"] = "#111827" },
        },
    };

    private static JsonObject Field(string name, string type) => new() { ["field"] = name, ["type"] = type };

    private static double Round(double value) => Math.Round(value, 2);
}
