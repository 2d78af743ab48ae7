using OmniContextEval.Onnx.Models;

namespace OmniContextEval.Onnx.Sessions;

/// <summary>
/// Opens each model of a registry once and hands the same session to every caller (sessions are thread-safe
/// for every run). Owns the sessions it opened.
/// </summary>
public sealed class ModelSessionPool(ModelRegistry registry, SessionSettings settings) : IDisposable
{
    private readonly Dictionary<string, ModelSession> open = new();
    private readonly Lock gate = new();

    public ModelRegistry Registry { get; } = registry;
    public SessionSettings Settings { get; } = settings;

    /// <summary>True when the manifest lists the model (its file is checked on first use).</summary>
    public bool Has(string name) => Registry.Contains(name);

    /// <summary>The session for <paramref name="name"/>, opened and verified on first use.</summary>
    public ModelSession Get(string name)
    {
        lock (gate)
        {
            if (!open.TryGetValue(name, out var session))
                open[name] = session = ModelSession.Open(Registry, Registry.Get(name), Settings);
            return session;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var session in open.Values)
                session.Dispose();
            open.Clear();
        }
    }
}
