using OmniContextEval.Imaging.Npy;

namespace OmniContextEval.Imaging.Preprocessing;

/// <summary>What <see cref="TensorExport.Write"/> wrote: the NCHW shape and summary statistics of the tensor.</summary>
/// <param name="Shape">[1, 3, H, W].</param>
/// <param name="Min">Smallest element (tensor units).</param>
/// <param name="Max">Largest element (tensor units).</param>
/// <param name="Mean">Mean over all elements, accumulated in double.</param>
public sealed record TensorExportResult(string Image, string Mode, string Output, int[] Shape, double Min, double Max, double Mean);

/// <summary>
/// Decodes an image, preprocesses it with a named mode and writes the exact network input as a float32 NumPy
/// <c>.npy</c> file (shape [1, 3, H, W]), so it can be compared with a Python pipeline's tensor.
/// </summary>
public static class TensorExport
{
    public static TensorExportResult Write(string imagePath, string mode, string outputPath, DecodeOptions? options = null)
    {
        var preprocessor = Preprocessor.Get(mode);
        var image = ImageDecoder.Decode(imagePath, options);
        var (data, shape) = preprocessor.CreateBatch([image]);
        NpyWriter.WriteFloat32(outputPath, data, shape);
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        foreach (var v in data)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            sum += v;
        }
        return new TensorExportResult(imagePath, preprocessor.Name, Path.GetFullPath(outputPath), shape, min, max, sum / data.Length);
    }
}
