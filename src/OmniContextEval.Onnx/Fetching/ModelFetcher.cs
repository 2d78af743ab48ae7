using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Onnx.Models;

namespace OmniContextEval.Onnx.Fetching;

/// <summary>
/// Downloads a published models folder (its <c>models.json</c> and the files it lists, as tools/export-models.py
/// writes them) into the local models folder. Each file is fetched into <c>FILE.part</c>, resumed with an HTTP
/// range request when a partial file exists, and accepted only when its SHA-256 equals the manifest's.
/// </summary>
public sealed class ModelFetcher(HttpClient http, IDownloadProgress? progress = null)
{
    /// <summary>Fetches every model of <paramref name="baseUrl"/> (or only those named) and merges them into the local manifest.</summary>
    public async Task<IReadOnlyList<ModelEntry>> FetchAsync(string folder, Uri baseUrl, IReadOnlyCollection<string> only, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(folder);
        var remote = await DownloadManifestAsync(baseUrl, cancel);
        var wanted = remote.Models.Where(m => only.Count == 0 || only.Contains(m.Name)).ToList();
        foreach (var name in only.Where(n => remote.Find(n) is null))
            throw new HarnessException($"model '{name}' is not published at {baseUrl} (published: {string.Join(", ", remote.Models.Select(m => m.Name))})", ExitCodes.UsageError);
        foreach (var entry in wanted)
        {
            var target = Path.Combine(folder, entry.File);
            if (File.Exists(target) && FileHashes.Sha256(target) == entry.Sha256)
                continue;
            await DownloadFileAsync(new Uri(baseUrl, entry.File), target, entry, cancel);
            foreach (var side in entry.Extra?.Values.Where(v => v.Contains('.')) ?? [])
                if (!File.Exists(Path.Combine(folder, side)))
                    await DownloadFileAsync(new Uri(baseUrl, side), Path.Combine(folder, side), null, cancel);
        }
        MergeManifest(folder, wanted);
        return wanted;
    }

    private async Task<ModelManifest> DownloadManifestAsync(Uri baseUrl, CancellationToken cancel)
    {
        var url = new Uri(baseUrl, ModelManifest.FileName);
        var text = await Guard(url, () => http.GetStringAsync(url, cancel));
        try
        {
            return JsonSerializer.Deserialize<ModelManifest>(text, JsonOptions.Indented) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new HarnessException($"{url}: not a models manifest ({e.Message})", ExitCodes.ModelError, e);
        }
    }

    /// <summary>Downloads into TARGET.part (resuming it), checks the SHA-256 when <paramref name="entry"/> is given, then renames.</summary>
    private async Task DownloadFileAsync(Uri url, string target, ModelEntry? entry, CancellationToken cancel)
    {
        var part = target + ".part";
        var have = File.Exists(part) ? new FileInfo(part).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (have > 0)
            request.Headers.Range = new RangeHeaderValue(have, null);
        using var response = await Guard(url, () => http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel));
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            have = -1;  // the partial file is complete or larger than the file: check it below
        else
        {
            if (!response.IsSuccessStatusCode)
                throw new HarnessException($"cannot download {url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}", ExitCodes.ModelError);
            var resumed = response.StatusCode == HttpStatusCode.PartialContent;
            if (!resumed) have = 0;
            var total = response.Content.Headers.ContentLength + (resumed ? have : 0);
            await using var source = await response.Content.ReadAsStreamAsync(cancel);
            await using var sink = new FileStream(part, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write);
            var buffer = new byte[1 << 20];
            var bytes = have;
            int read;
            while ((read = await Guard(url, () => source.ReadAsync(buffer, cancel).AsTask())) > 0)
            {
                await sink.WriteAsync(buffer.AsMemory(0, read), cancel);
                bytes += read;
                progress?.Report(Path.GetFileName(target), bytes, total);
            }
        }
        progress?.Done(Path.GetFileName(target));
        if (entry is not null)
        {
            string sha;
            await using (var stream = File.OpenRead(part))
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancel));
            if (sha != entry.Sha256)
            {
                File.Delete(part);
                throw new HarnessException($"model '{entry.Name}': downloaded {url} has sha256 {sha}, the manifest pins {entry.Sha256}; the partial file was deleted, fetch again", ExitCodes.ModelError);
            }
        }
        File.Move(part, target, overwrite: true);
    }

    private static void MergeManifest(string folder, IReadOnlyList<ModelEntry> fetched)
    {
        var existing = File.Exists(Path.Combine(folder, ModelManifest.FileName)) ? ModelManifest.Load(folder).Models : [];
        var merged = existing.Where(m => fetched.All(f => f.Name != m.Name)).Concat(fetched).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        var manifest = new ModelManifest(ModelManifest.CurrentSchemaVersion, merged);
        AtomicFile.WriteAllText(Path.Combine(folder, ModelManifest.FileName), JsonSerializer.Serialize(manifest, JsonOptions.Indented) + "\n");
    }

    /// <summary>Turns network failures into a message that says the network is the problem.</summary>
    private static async Task<T> Guard<T>(Uri url, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException { InnerException: TimeoutException })
        {
            throw new HarnessException($"cannot download {url}: {e.GetBaseException().Message} (no network access? on a machine without internet, run tools/export-models.py elsewhere and copy the folder, or point the harness at it)",
                ExitCodes.RuntimeUnavailable, e);
        }
    }
}
