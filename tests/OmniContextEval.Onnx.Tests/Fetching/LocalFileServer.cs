using System.Net;
using System.Net.Sockets;

namespace OmniContextEval.Onnx.Tests.Fetching;

/// <summary>A loopback HTTP server for one folder that honours "Range: bytes=N-" and records the requests it saw.</summary>
public sealed class LocalFileServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly string folder;

    public LocalFileServer(string folder)
    {
        this.folder = folder;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/models/");
        listener.Prefixes.Add(BaseUrl.ToString());
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }
    public List<string> Requests { get; } = [];

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception) { return; }
            var name = context.Request.Url!.AbsolutePath["/models/".Length..];
            var range = context.Request.Headers["Range"];
            lock (Requests) Requests.Add($"{name} {range}".Trim());
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                context.Response.StatusCode = 404;
                context.Response.Close();
                continue;
            }
            var bytes = await File.ReadAllBytesAsync(path);
            var from = range is { } r && r.StartsWith("bytes=") ? long.Parse(r[6..].TrimEnd('-')) : 0;
            if (from > 0)
            {
                context.Response.StatusCode = 206;
                context.Response.AddHeader("Content-Range", $"bytes {from}-{bytes.Length - 1}/{bytes.Length}");
            }
            context.Response.ContentLength64 = bytes.Length - from;
            await context.Response.OutputStream.WriteAsync(bytes.AsMemory((int)from));
            context.Response.Close();
        }
    }

    public void Dispose() => listener.Close();
}
