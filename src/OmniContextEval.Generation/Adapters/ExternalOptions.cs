namespace OmniContextEval.Generation.Adapters;

/// <summary>Limits for external generators.</summary>
/// <param name="Timeout">Per attempt: one process run (command) or one request (http).</param>
/// <param name="Retries">Further attempts after a failed one (0 = try once).</param>
/// <param name="Backoff">Wait before retry k (1-based): Backoff x 2^(k-1).</param>
/// <param name="BatchSize">Requests per process run (command); http sends one per request.</param>
/// <param name="Concurrency">Processes or requests in flight at once.</param>
public sealed record ExternalOptions(TimeSpan Timeout, int Retries = 2, TimeSpan? Backoff = null, int BatchSize = 8, int Concurrency = 2)
{
    public TimeSpan BackoffBase => Backoff ?? TimeSpan.FromMilliseconds(500);
    public TimeSpan DelayBefore(int retry) => BackoffBase * Math.Pow(2, retry - 1);
}
