using System.Net;
using System.Text;
using OmniContextEval.Generation.Adapters;
using OmniContextEval.Generation.Running;
using OmniContextEval.Generation.Tests.TestSupport;
using OmniContextEval.Imaging.Codecs;

namespace OmniContextEval.Generation.Tests.Adapters;

public class HttpImageGeneratorTests
{
    private static readonly byte[] Png = PngEncoder.Encode(SyntheticCases.Disc(32, 32, 0));

    private static async Task<GenerationSummary> Run(TestServer server, SuiteFolder suite, ExternalOptions options, int[] seeds)
    {
        using var generator = new HttpImageGenerator(server.Endpoint, options);
        return await new GenerationRunner(generator, new OutputLayout(TestPaths.NewTempDir(), "http")).RunAsync(suite.Cases, suite.Directory, seeds);
    }

    private static readonly ExternalOptions Fast = new(TimeSpan.FromSeconds(10), Retries: 2, Backoff: TimeSpan.FromMilliseconds(20), Concurrency: 2);

    [Fact]
    public async Task Base64_and_url_answers_are_both_accepted_within_the_concurrency_limit()
    {
        var calls = 0;
        using var server = new TestServer(async (request, response, server) =>
        {
            if (request.HttpMethod == "GET") { await server.Reply(response, 200, Png, "image/png"); return; }
            await Task.Delay(50);
            var json = Interlocked.Increment(ref calls) % 2 == 0
                ? $"{{\"base64\":\"{Convert.ToBase64String(Png)}\"}}"
                : "{\"url\":\"/images/a.png\"}";
            await server.Reply(response, 200, Encoding.UTF8.GetBytes(json), "application/json");
        });
        var summary = await Run(server, new SuiteFolder(4), Fast with { Concurrency = 3 }, [0, 1]);
        Assert.Equal((8, 0), (summary.Generated, summary.Problems.Count));
        Assert.InRange(server.MaxInFlight, 1, 3);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff()
    {
        var calls = 0;
        using var server = new TestServer(async (request, response, server) =>
        {
            if (Interlocked.Increment(ref calls) <= 2) { await server.Reply(response, 503, "busy"u8.ToArray(), "text/plain"); return; }
            await server.Reply(response, 200, Encoding.UTF8.GetBytes($"{{\"base64\":\"{Convert.ToBase64String(Png)}\"}}"), "application/json");
        });
        var summary = await Run(server, new SuiteFolder(1), Fast with { Concurrency = 1 }, [0]);
        Assert.Equal(1, summary.Generated);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Timeouts_garbage_and_non_images_are_recorded_per_request()
    {
        using var server = new TestServer(async (request, response, server) =>
        {
            var body = await new StreamReader(request.InputStream).ReadToEndAsync();
            if (body.Contains("\"caseId\":\"case-00\"")) { await Task.Delay(6000); await server.Reply(response, 200, "{}"u8.ToArray(), "application/json"); }
            else if (body.Contains("\"caseId\":\"case-01\"")) await server.Reply(response, 200, "<html>oops</html>"u8.ToArray(), "text/html");
            else await server.Reply(response, 200, Encoding.UTF8.GetBytes($"{{\"base64\":\"{Convert.ToBase64String("GIF89a"u8.ToArray())}\"}}"), "application/json");
        });
        // The timeout leaves the two quick answers room on a loaded machine (300 ms did not, under CI load).
        var summary = await Run(server, new SuiteFolder(3), Fast with { Timeout = TimeSpan.FromMilliseconds(2000), Retries = 1 }, [0]);
        Assert.Equal(3, summary.Failed);
        Assert.Contains("timed out", summary.Problems.Single(p => p.CaseId == "case-00").Error);
        Assert.Contains("attempt 2 of 2", summary.Problems.Single(p => p.CaseId == "case-01").Error);
        Assert.Contains("not a PNG", summary.Problems.Single(p => p.CaseId == "case-02").Error);
    }
}

/// <summary>An HttpListener on 127.0.0.1 with a free port, answering every request with a handler.</summary>
internal sealed class TestServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private int _inFlight;

    public TestServer(Func<HttpListenerRequest, HttpListenerResponse, TestServer, Task> handler)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20000, 60000);
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try { _listener.Start(); Endpoint = new Uri($"http://127.0.0.1:{port}/generate"); break; }
            catch (HttpListenerException) when (attempt < 20) { }
        }
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); } catch (Exception) { return; }
                _ = Task.Run(async () =>
                {
                    var now = Interlocked.Increment(ref _inFlight);
                    lock (_listener) MaxInFlight = Math.Max(MaxInFlight, now);
                    try { await handler(context.Request, context.Response, this); }
                    catch (Exception) { }
                });
            }
        });
    }

    public Uri Endpoint { get; } = null!;
    public int MaxInFlight { get; private set; }

    /// <summary>Sends the answer; the request stops counting as in flight just before, so a client's next request cannot overlap it.</summary>
    public async Task Reply(HttpListenerResponse response, int status, byte[] body, string type)
    {
        Interlocked.Decrement(ref _inFlight);
        response.StatusCode = status;
        response.ContentType = type;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    public void Dispose() => _listener.Close();
}
