namespace OmniContextEval.Generation.Adapters;

/// <summary>Limits for external generators.</summary>
/// <param name="Timeout">Per attempt: one process run (command) or one request (http). It holds whatever the command
/// does: at the deadline the command's whole process group is killed.</param>
/// <param name="Retries">Further attempts after a failed one (0 = try once).</param>
/// <param name="Backoff">Wait before retry k (1-based): Backoff x 2^(k-1).</param>
/// <param name="BatchSize">Requests per process run (command); http sends one per request.</param>
/// <param name="Concurrency">Processes or requests in flight at once.</param>
/// <param name="MaxAnswerBytes">Bytes, per answer: an HTTP response body, a command's stdout, an image file. A larger
/// answer fails its request as soon as the limit is passed; nothing larger is ever held in memory.</param>
public sealed record ExternalOptions(TimeSpan Timeout, int Retries = 2, TimeSpan? Backoff = null, int BatchSize = 8, int Concurrency = 2,
    long MaxAnswerBytes = ExternalOptions.DefaultMaxAnswerBytes)
{
    /// <summary>64 MiB: several times the largest plausible image (a 2048x2048 PNG of pure noise is 12 MiB, 16 MiB as base64).</summary>
    public const long DefaultMaxAnswerBytes = 64L * 1024 * 1024;

    public TimeSpan BackoffBase => Backoff ?? TimeSpan.FromMilliseconds(500);
    public TimeSpan DelayBefore(int retry) => BackoffBase * Math.Pow(2, retry - 1);
}
