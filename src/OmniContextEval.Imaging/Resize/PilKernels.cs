namespace OmniContextEval.Imaging.Resize;

/// <summary>
/// Pillow 9.4's resampling coefficients (<c>precompute_coeffs</c> in libImaging/Resample.c): the filter support
/// grows with the downscale factor (antialiasing), each output's weights are normalised to sum to one, and the
/// 8-bit path rounds them to 22-bit fixed point.
/// </summary>
internal static class PilKernels
{
    /// <summary>Fixed-point fraction bits of the 8-bit path (32 - 8 - 2).</summary>
    public const int PrecisionBits = 22;

    /// <summary>
    /// Weights (double) for outputs <paramref name="first"/> .. first + count - 1 of a resize from
    /// <paramref name="inSize"/> to <paramref name="outSize"/> samples over the whole input.
    /// </summary>
    public static ResampleKernel<double> Create(int inSize, int outSize, PilFilter filter, int first = 0, int count = -1)
    {
        if (count < 0) count = outSize - first;
        var scale = (double)inSize / outSize;
        var filterScale = Math.Max(scale, 1.0);
        var support = PilFilterFunctions.Support(filter) * filterScale;
        var stride = (int)Math.Ceiling(support) * 2 + 1;
        var starts = new int[count];
        var counts = new int[count];
        var weights = new double[count * stride];
        var inverseScale = 1.0 / filterScale;
        for (var i = 0; i < count; i++)
        {
            var center = (first + i + 0.5) * scale;
            var xmin = Math.Max((int)(center - support + 0.5), 0);
            var xmax = Math.Min((int)(center + support + 0.5), inSize) - xmin;
            var w = weights.AsSpan(i * stride, stride);
            var total = 0.0;
            for (var x = 0; x < xmax; x++)
            {
                w[x] = PilFilterFunctions.Evaluate(filter, (x + xmin - center + 0.5) * inverseScale);
                total += w[x];
            }
            if (total != 0.0)
                for (var x = 0; x < xmax; x++)
                    w[x] /= total;
            starts[i] = xmin;
            counts[i] = xmax;
        }
        return new ResampleKernel<double>(starts, counts, weights, stride);
    }

    /// <summary>The 8-bit path's coefficients: each weight times 2^22, rounded half away from zero.</summary>
    public static ResampleKernel<int> ToFixedPoint(ResampleKernel<double> kernel)
    {
        var fixedPoint = new int[kernel.Weights.Length];
        for (var i = 0; i < fixedPoint.Length; i++)
        {
            var scaled = kernel.Weights[i] * (1 << PrecisionBits);
            fixedPoint[i] = kernel.Weights[i] < 0 ? (int)(-0.5 + scaled) : (int)(0.5 + scaled);
        }
        return new ResampleKernel<int>(kernel.Start, kernel.Count, fixedPoint, kernel.Stride);
    }
}
