namespace OmniContextEval.Onnx.Sessions;

/// <summary>
/// One named float32 input of a multi-input run (<see cref="ModelSession.RunInPlace(IReadOnlyList{SessionInput})"/>):
/// values in C order and their shape, batch axis first. The run reads <paramref name="Values"/> in place (no copy);
/// the array must not change until the run returns.
/// </summary>
/// <param name="Name">The input's name as the manifest lists it.</param>
public sealed record SessionInput(string Name, float[] Values, long[] Shape);
