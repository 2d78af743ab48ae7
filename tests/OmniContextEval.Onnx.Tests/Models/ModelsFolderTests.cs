using OmniContextEval.Core;
using OmniContextEval.Onnx.Models;

namespace OmniContextEval.Onnx.Tests.Models;

public class ModelsFolderTests
{
    [Fact]
    public void Command_line_value_wins_over_everything()
    {
        Assert.Equal(Path.GetFullPath("some/models"), ModelsFolder.Resolve("some/models"));
    }

    [Fact]
    public void Default_folder_is_omnictx_models_under_the_user_cache()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var expectedRoot = string.IsNullOrEmpty(cache)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : cache;
        Assert.Equal(Path.Combine(expectedRoot, "omnictx", "models"), ModelsFolder.DefaultFolder);
    }

    [Fact]
    public void Default_folder_follows_XDG_CACHE_HOME_and_the_environment_variable_wins_over_it()
    {
        var cache = Path.GetFullPath("xdg-cache");
        var models = Path.GetFullPath("env-models");
        Assert.Equal(Path.Combine(cache, "omnictx", "models"),
            ModelsFolder.Resolve(null, name => name == "XDG_CACHE_HOME" ? cache : null));
        Assert.Equal(models, ModelsFolder.Resolve(null, name => name switch
        {
            "XDG_CACHE_HOME" => cache,
            ModelsFolder.EnvironmentVariable => models,
            _ => null,
        }));
    }

    [Fact]
    public void Resolving_an_existing_folder_rejects_one_that_does_not_exist()
    {
        var absent = Path.Combine(Path.GetTempPath(), $"omnictx-no-models-{Guid.NewGuid():N}");
        var error = Assert.Throws<ModelsFolderNotFoundException>(() => ModelsFolder.ResolveExisting(absent));
        Assert.Equal(absent, error.Folder);
    }
}
