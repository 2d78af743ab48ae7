namespace OmniContextEval.Onnx.Fetching;

/// <summary>Hears download progress: bytes so far and the total (null when the server does not say).</summary>
public interface IDownloadProgress
{
    void Report(string file, long bytes, long? total);
    void Done(string file);
}
