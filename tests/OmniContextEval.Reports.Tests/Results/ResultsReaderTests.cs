using OmniContextEval.Core;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Reports.Tests.Results;

public class ResultsReaderTests
{
    [Fact]
    public void Round_trips_results()
    {
        using var temp = new TempFolder();
        var folder = SyntheticScoring.ScoredRun(temp, "run", 0);
        var read = ResultsReader.Read(folder);
        Assert.Equal(RunResults.CurrentSchemaVersion, read.SchemaVersion);
        Assert.Equal("run", read.RunId);
        Assert.Equal(16, read.Cases.Count);
        Assert.Equal(Core.Scoring.ScoringSpecLoader.Default().Sha256, read.Spec.Sha256);
        Assert.Equal("synthetic", read.Provenance.Generator.Name);
        Assert.Equal(12.5, read.Provenance.TimingsSeconds["generate"]);
    }

    [Fact]
    public void Another_schema_version_is_incompatible()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(SyntheticScoring.ScoredRun(temp, "run", 0), ResultsFiles.Results);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"));
        var error = Assert.Throws<HarnessException>(() => ResultsReader.Read(file));
        Assert.Equal(ExitCodes.IncompatibleResults, error.ExitCode);
        Assert.Contains("schema version 2", error.Message);
    }

    [Fact]
    public void Truncated_json_is_invalid_input_naming_the_file()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(SyntheticScoring.ScoredRun(temp, "run", 0), ResultsFiles.Results);
        var text = File.ReadAllText(file);
        File.WriteAllText(file, text[..(text.Length / 2)]);
        var error = Assert.Throws<HarnessException>(() => ResultsReader.Read(file));
        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Contains("truncated", error.Message);
        Assert.Contains(file, error.Message);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e999")]
    public void A_number_beyond_double_range_is_invalid_input_naming_the_file_and_field(string number)
    {
        using var temp = new TempFolder();
        var file = Path.Combine(SyntheticScoring.ScoredRun(temp, "run", 0), ResultsFiles.Results);
        var text = File.ReadAllText(file);
        var at = text.IndexOf("\"mean\": ", text.IndexOf("\"total\": {", StringComparison.Ordinal), StringComparison.Ordinal) + "\"mean\": ".Length;
        var end = text.IndexOfAny([',', '\n', '}'], at);
        File.WriteAllText(file, text[..at] + number + text[end..]);

        var error = Assert.Throws<HarnessException>(() => ResultsReader.Read(file));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Contains(file, error.Message);
        Assert.True(error.Message.Contains(".total.mean") && error.Message.Contains("not finite"), error.Message);
        Assert.Contains("not finite", error.Message);
    }

    [Fact]
    public void A_json_file_that_is_not_results_is_invalid_input()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "other.json");
        File.WriteAllText(file, "{\"hello\": 1}");
        var error = Assert.Throws<HarnessException>(() => ResultsReader.Read(file));
        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Contains("schemaVersion", error.Message);
    }

    [Fact]
    public void A_missing_field_is_invalid_input()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "results.json");
        File.WriteAllText(file, "{\"schemaVersion\": 1, \"runId\": \"x\"}");
        var error = Assert.Throws<HarnessException>(() => ResultsReader.Read(file));
        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
    }

    [Fact]
    public void A_folder_without_results_is_invalid_input()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<HarnessException>(() => ResultsReader.Read(temp.Path));
        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Contains("results.json", error.Message);
    }
}
