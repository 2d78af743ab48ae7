using System.Net.Http.Json;
using System.Text.Json;
using OmniContextEval.Core;

namespace OmniContextEval.Generation.Adapters;

/// <summary>
/// POSTs one <see cref="ExternalItem"/> per image to a URL and reads an <see cref="ExternalResult"/> back: the image as
/// base64 bytes, or a URL to GET it from (relative URLs resolve against the endpoint). Each attempt has its own
/// timeout; failed attempts are retried with exponential backoff; at most <see cref="ExternalOptions.Concurrency"/>
/// requests are in flight. The last failure is recorded for the request.
/// </summary>
public sealed class HttpImageGenerator : IImageGenerator, IDisposable
{
    private readonly Uri _endpoint;
    private readonly ExternalOptions _options;
    private readonly ImageLoading _loading;
    private readonly HttpClient _client = new() { Timeout = Timeout.InfiniteTimeSpan };

    public HttpImageGenerator(Uri endpoint, ExternalOptions options, ImageLoading? loading = null)
    {
        _endpoint = endpoint;
        _options = options;
        _loading = loading ?? ImageLoading.Default;
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
            catch (Exception e) when (e is HttpRequestException or JsonException or FormatException or HarnessException or NotSupportedException)
            {
                failure = e.Message;
            }
            failure = $"attempt {attempt + 1} of {_options.Retries + 1}: {failure}";
        }
        return GenerationOutcome.Failed($"{_endpoint}: {failure}");
    }

    private async Task<byte[]> FetchAsync(GenerationRequest request, CancellationToken cancellation)
    {
        using var response = await _client.PostAsJsonAsync(_endpoint, ExternalItem.From(request), JsonOptions.Compact, cancellation);
        var body = await response.Content.ReadAsStringAsync(cancellation);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}: {(body.Length > 500 ? body[..500] : body)}");
        var result = JsonSerializer.Deserialize<ExternalResult>(body, JsonOptions.Compact)
            ?? throw new JsonException("empty response body");
        if (result.Error is not null) throw new HttpRequestException($"server error: {result.Error}");
        if (result.Base64 is not null) return Convert.FromBase64String(result.Base64);
        if (result.Url is not null) return await _client.GetByteArrayAsync(new Uri(_endpoint, result.Url), cancellation);
        throw new JsonException("the response has neither base64 nor url");
    }

    public void Dispose() => _client.Dispose();
}
