using System.Net.Http.Headers;
using System.Text.Json;
using OmniContextEval.Core;

namespace OmniContextEval.Generation.Adapters;

/// <summary>
/// POSTs one <see cref="ExternalItem"/> per image to a URL (a JSON body with Content-Length, never chunked) and reads an
/// <see cref="ExternalResult"/> back: the image as base64 bytes, or a URL to GET it from (relative URLs resolve against
/// the endpoint). Each attempt has its own timeout, covering the whole body; failed attempts are retried with
/// exponential backoff; at most <see cref="ExternalOptions.Concurrency"/> requests are in flight. Bodies are streamed
/// and refused past <see cref="ExternalOptions.MaxAnswerBytes"/>. The last failure, escaped, is recorded for the request.
/// </summary>
public sealed class HttpImageGenerator : IImageGenerator, IDisposable
{
    private const int ErrorBodyKept = 500;
    private readonly Uri _endpoint;
    private readonly ExternalOptions _options;
    private readonly ImageLoading _loading;
    private readonly HttpClient _client = new() { Timeout = Timeout.InfiniteTimeSpan };

    public HttpImageGenerator(Uri endpoint, ExternalOptions options, ImageLoading? loading = null)
    {
        _endpoint = endpoint;
        _options = options;
        _loading = loading ?? ImageLoading.Bounded(options.MaxAnswerBytes);
        Identity = new("http", "http/1", Settings: endpoint.ToString());
    }

    public GeneratorIdentity Identity { get; }
    public int BatchSize => 1;
    public int Parallelism => _options.Concurrency;

    public async Task<IReadOnlyList<GenerationOutcome>> GenerateAsync(IReadOnlyList<GenerationRequest> batch, CancellationToken cancellation)
    {
        var outcomes = new List<GenerationOutcome>();
        foreach (var request in batch) outcomes.Add(await GenerateOneAsync(request, cancellation));
        return outcomes;
    }

    private async Task<GenerationOutcome> GenerateOneAsync(GenerationRequest request, CancellationToken cancellation)
    {
        var failure = "";
        for (var attempt = 0; attempt <= _options.Retries; attempt++)
        {
            if (attempt > 0) await Task.Delay(_options.DelayBefore(attempt), cancellation);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                var bytes = await FetchAsync(request, timeout.Token);
                return GenerationOutcome.Ok(_loading.LoadBytes(bytes, $"{_endpoint} (case {request.Case.Id} seed {request.Seed})"));
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                failure = $"timed out after {_options.Timeout.TotalSeconds:F0} s";
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or FormatException or HarnessException or NotSupportedException
                                          or IOException or InvalidOperationException or ArgumentException)
            {
                failure = PrintableText.Escape(e.Message);
            }
            failure = $"attempt {attempt + 1} of {_options.Retries + 1}: {failure}";
        }
        return GenerationOutcome.Failed($"{_endpoint} (case {request.Case.Id} seed {request.Seed}): {failure}");
    }

    private async Task<byte[]> FetchAsync(GenerationRequest request, CancellationToken cancellation)
    {
        // A byte-array body carries Content-Length; JsonContent would be sent chunked, which simple servers reject.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(ExternalItem.From(request), JsonOptions.Compact));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var post = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = content };
        var body = await SendAsync(post, "the response", cancellation);
        var answer = ParseAnswer(body);
        if (answer.Error is { } error) throw new HttpRequestException($"server error: {PrintableText.Escape(error)}");
        if (answer.Image is { } image) return image;
        if (answer.Url is { } url)
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(_endpoint, url));
            return await SendAsync(get, $"the image at {PrintableText.Escape(url, 200)}", cancellation);
        }
        throw new JsonException("the response has neither base64 nor url");
    }

    /// <summary>Sends and reads the body streamed, refusing it past the answer limit; a non-success status is an exception with the body's start, escaped.</summary>
    private async Task<byte[]> SendAsync(HttpRequestMessage message, string what, CancellationToken cancellation)
    {
        using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellation);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellation);
        if (!response.IsSuccessStatusCode)
        {
            var start = new byte[ErrorBodyKept];
            var read = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellation);
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}: {PrintableText.Escape(start.AsSpan(0, read))}");
        }
        return await BoundedRead.ReadAllAsync(stream, _options.MaxAnswerBytes, what, response.Content.Headers.ContentLength, cancellation);
    }

    private static AnswerJson.HttpAnswer ParseAnswer(byte[] body)
    {
        try { return AnswerJson.ReadHttpAnswer(body); }
        catch (JsonException e)
        {
            throw new JsonException($"the response is not the expected JSON ({PrintableText.Escape(e.Message)}): {PrintableText.Escape(body.AsSpan(0, Math.Min(body.Length, 4 * ErrorBodyKept)))}");
        }
    }

    public void Dispose() => _client.Dispose();
}
