using System.Diagnostics;
using System.Text;
using OmniContextEval.Generation.Adapters;
using OmniContextEval.Generation.Running;
using OmniContextEval.Generation.Tests.TestSupport;
using OmniContextEval.Imaging.Codecs;
using OmniContextEval.Testing;
using Xunit.Abstractions;

namespace OmniContextEval.Generation.Tests.Adapters;

/// <summary>Misbehaving servers on a loopback port: each ends in a named, recorded failure, in bounded time and memory.</summary>
[Collection(ProcessIsolation.Name)]
public class HttpImageGeneratorFaultTests(ITestOutputHelper output)
{
    private const int AnswerMiB = 300;
    private static readonly ExternalOptions Once = new(TimeSpan.FromSeconds(30), Retries: 0, Concurrency: 1);

    private static async Task<GenerationSummary> Run(TestServer server, SuiteFolder suite, ExternalOptions options)
    {
        using var generator = new HttpImageGenerator(server.Endpoint, options);
        return await new GenerationRunner(generator, new OutputLayout(TestPaths.NewTempDir(), "http"))
            .RunAsync(suite.Cases, suite.Directory, [0]).WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>A JSON answer whose base64 string goes on for <see cref="AnswerMiB"/> MiB, sent chunked (no length) or with its length announced.</summary>
    private static async Task SendHuge(HttpListenerResponseLike response, bool announce)
    {
        var head = "{\"base64\":\""u8.ToArray();
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)'A');
        if (announce) response.Inner.ContentLength64 = head.Length + (long)AnswerMiB * chunk.Length + 2;
        else response.Inner.SendChunked = true;
        response.Inner.ContentType = "application/json";
        try
        {
            await response.Inner.OutputStream.WriteAsync(head);
            for (var i = 0; i < AnswerMiB; i++) await response.Inner.OutputStream.WriteAsync(chunk);
            await response.Inner.OutputStream.WriteAsync("\"}"u8.ToArray());
            response.Inner.Close();
        }
        catch (Exception) { response.Inner.Abort(); } // the client stopped reading
    }

    [Theory]
    [InlineData(false, "the response is larger than the answer limit of 67108864 bytes")]
    [InlineData(true, "the response (314572813 bytes announced) is larger than the answer limit of 67108864 bytes")]
    public async Task A_300_MB_answer_fails_its_case_with_bounded_memory(bool announce, string expected)
    {
        using var server = new TestServer(async (request, response, _) => await SendHuge(new(response), announce));
        var suite = new SuiteFolder(1);
        var clock = Stopwatch.StartNew();
        var (summary, growth) = await MemoryProbe.Measure(() => Run(server, suite, Once));
        output.WriteLine($"{AnswerMiB} MB answer ({(announce ? "Content-Length" : "chunked")}): {clock.Elapsed.TotalSeconds:F1} s, " +
                         $"allocated {growth.AllocatedMiB:F0} MiB, working set +{growth.WorkingSetMiB:F0} MiB (bound {MemoryProbe.BoundMiB} MiB)");
        var error = Assert.Single(summary.Problems).Error!;
        Assert.Contains("(case case-00 seed 0)", error);
        Assert.Contains(expected, error);
        Assert.InRange(growth.AllocatedMiB, 0, MemoryProbe.BoundMiB);
        Assert.InRange(growth.WorkingSetMiB, double.MinValue, MemoryProbe.BoundMiB);
    }

    [Fact]
    public async Task Requests_carry_a_content_length_and_are_not_chunked()
    {
        var png = PngEncoder.Encode(SyntheticCases.Disc(32, 32, 0));
        var seen = new List<(long Length, string? Encoding, string Body)>();
        using var server = new TestServer(async (request, response, server) =>
        {
            var body = await new StreamReader(request.InputStream).ReadToEndAsync();
            lock (seen) seen.Add((request.ContentLength64, request.Headers["Transfer-Encoding"], body));
            await server.Reply(response, 200, Encoding.UTF8.GetBytes($"{{\"base64\":\"{Convert.ToBase64String(png)}\"}}"), "application/json");
        });
        var summary = await Run(server, new SuiteFolder(2), Once);
        Assert.Equal(2, summary.Generated);
        Assert.Equal(2, seen.Count);
        Assert.All(seen, r =>
        {
            Assert.Null(r.Encoding);
            Assert.Equal(Encoding.UTF8.GetByteCount(r.Body), r.Length);
            Assert.Contains("\"caseId\":\"case-0", r.Body);
        });
    }

    [Theory]
    [InlineData(500, "random")]
    [InlineData(200, "random")]
    [InlineData(200, "{\"error\":\"\\u001b[2J\\u001b]0;pwned\\u0007 \\u202e gpu lost\"}")]
    public async Task Garbage_answers_are_escaped_and_cut(int status, string body)
    {
        var bytes = body == "random" ? RandomBytes(2000) : Encoding.UTF8.GetBytes(body);
        using var server = new TestServer(async (request, response, server) => await server.Reply(response, status, bytes, "application/octet-stream"));
        var error = Assert.Single((await Run(server, new SuiteFolder(1), Once)).Problems).Error!;
        output.WriteLine(error[..Math.Min(error.Length, 300)]);
        Assert.Contains("(case case-00 seed 0)", error);
        Assert.All(error, c => Assert.False(char.IsControl(c) || c == '\uFFFD' || c == '\u202E', $"raw U+{(int)c:X4} in the message"));
        Assert.InRange(error.Length, 1, 4000);
    }

    [Theory]
    [InlineData("null", "not an object")]
    [InlineData("{\"base64\": null}", "neither base64 nor url")]
    [InlineData("{\"base64\": \"@@@\"}", "not valid base64")]
    [InlineData("[1,2]", "not an object")]
    public async Task Odd_json_is_a_named_failure(string body, string expected)
    {
        using var server = new TestServer(async (request, response, server) => await server.Reply(response, 200, Encoding.UTF8.GetBytes(body), "application/json"));
        var error = Assert.Single((await Run(server, new SuiteFolder(1), Once)).Problems).Error!;
        Assert.Contains(expected, error);
        Assert.DoesNotContain("Exception", error);
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}

/// <summary>Wraps the listener's response so a theory can pass it to <see cref="HttpImageGeneratorFaultTests"/>'s senders.</summary>
internal readonly record struct HttpListenerResponseLike(System.Net.HttpListenerResponse Inner);
