using OmniContextEval.Core;
using OmniContextEval.Suites.Paths;
using OmniContextEval.Suites.Tests.Validation;

namespace OmniContextEval.Suites.Tests.Paths;

public sealed class SuitePathsTests : IDisposable
{
    private readonly TempSuite _suite = new();

    public void Dispose() => _suite.Dispose();

    [Theory]
    [InlineData("pool/a.png", null)]
    [InlineData("", "is empty")]
    [InlineData("pool\\a.png", "backslash")]
    [InlineData("/abs/a.png", "is absolute")]
    [InlineData("pool/../../a.png", "leaves the suite folder")]
    [InlineData("..", "leaves the suite folder")]
    public void Syntax_problems(string path, string? expected)
    {
        var problem = SuitePaths.SyntaxProblem(path);
        if (expected is null) Assert.Null(problem);
        else Assert.Contains(expected, problem);
    }

    [Fact]
    public void Symlinked_folder_inside_the_suite_is_accepted()
    {
        Directory.CreateSymbolicLink(Path.Combine(_suite.Folder, "alias"), Path.Combine(_suite.Folder, "pool"));
        Assert.NotNull(SuitePaths.TryResolve(_suite.Folder, "alias/characters/cat.png", out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Symlinked_folder_leading_outside_is_refused()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"omnictx-outside-{Guid.NewGuid():N}");
        Directory.CreateDirectory(outside);
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(_suite.Folder, "pool", "linked"), outside);
            Assert.Null(SuitePaths.TryResolve(_suite.Folder, "pool/linked/x.png", out var problem));
            Assert.Contains("outside the suite folder", problem);
        }
        finally { Directory.Delete(outside); }
    }

    [Fact]
    public void Suite_resolve_path_throws_harness_exception()
    {
        _suite.WriteCase(TempSuite.ValidCase());
        var suite = Suite.Load(_suite.Folder);
        Assert.Equal(Path.Combine(suite.Folder, "pool/characters/cat.png"), suite.ResolvePath("pool/characters/cat.png"));
        var e = Assert.Throws<HarnessException>(() => suite.ResolvePath("../x.png"));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
    }
}
