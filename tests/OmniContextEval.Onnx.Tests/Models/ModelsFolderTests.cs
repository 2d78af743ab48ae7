using OmniContextEval.Onnx.Models;

namespace OmniContextEval.Onnx.Tests.Models;

public class ModelsFolderTests
{
    [Fact]
    public void Command_line_value_wins_over_everything()
    {
        Assert.Equal(Path.GetFullPath("some/models"), ModelsFolder.Resolve("some/models"));
        Assert.Equal("--models", ModelsFolder.Describe("some/models"));
    }

    [Fact]
    public void Default_folder_is_omnictx_models_under_the_user_cache()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var expectedRoot = string.IsNullOrEmpty(cache)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : cache;
        Assert.Equal(Path.Combine(expectedRoot, "omnictx", "models"), ModelsFolder.DefaultFolder);
    }
}
