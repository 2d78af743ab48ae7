using System.Runtime.InteropServices;

namespace OmniContextEval.Metrics.Fid;

/// <summary>
/// OpenBLAS's LAPACK <c>dsyevd</c> and BLAS <c>dgemm</c> (Fortran ABI), when the library can be loaded:
/// <c>$OMNICTX_OPENBLAS</c> (a path) or <c>libopenblas.so.0</c> (Debian: libopenblas0-pthread). They make FID from
/// 2048-d statistics take about a second; without them <see cref="FrechetDistance"/> uses MathNet.Numerics' managed
/// solver (same arithmetic form, much slower at d = 2048). Matrices are column-major; symmetric ones are their own transpose.
/// </summary>
internal static class OpenBlas
{
    private delegate void DsyevdFn(ref byte jobz, ref byte uplo, ref int n, double[] a, ref int lda, double[] w,
                                   double[] work, ref int lwork, int[] iwork, ref int liwork, ref int info, nint jobzLength, nint uploLength);

    private delegate void DgemmFn(ref byte transa, ref byte transb, ref int m, ref int n, ref int k, ref double alpha, double[] a, ref int lda,
                                  double[] b, ref int ldb, ref double beta, double[] c, ref int ldc, nint transaLength, nint transbLength);

    private static readonly Lazy<(DsyevdFn Syevd, DgemmFn Gemm)?> Functions = new(Load);

    public static bool Available => Functions.Value is not null;

    /// <summary>Where the library came from, for reports; null when not loaded.</summary>
    public static string? Source { get; private set; }

    /// <summary>Eigenvalues (ascending) and, when <paramref name="vectors"/>, eigenvectors written over <paramref name="matrix"/> (columns).</summary>
    public static double[] SymmetricEigen(double[] matrix, int n, bool vectors)
    {
        var syevd = Functions.Value!.Value.Syevd;
        byte jobz = (byte)(vectors ? 'V' : 'N'), uplo = (byte)'L';
        int lda = n, info = 0, lwork = -1, liwork = -1;
        var w = new double[n];
        var workQuery = new double[1];
        var iworkQuery = new int[1];
        syevd(ref jobz, ref uplo, ref n, matrix, ref lda, w, workQuery, ref lwork, iworkQuery, ref liwork, ref info, 1, 1);
        lwork = (int)workQuery[0];
        liwork = iworkQuery[0];
        syevd(ref jobz, ref uplo, ref n, matrix, ref lda, w, new double[lwork], ref lwork, new int[liwork], ref liwork, ref info, 1, 1);
        if (info != 0)
            throw new InvalidOperationException($"dsyevd failed (info {info}) on a {n}x{n} matrix");
        return w;
    }

    /// <summary>C = op(A) op(B) for n x n matrices; op is transpose when the flag is set.</summary>
    public static double[] Multiply(double[] a, bool transposeA, double[] b, bool transposeB, int n)
    {
        var gemm = Functions.Value!.Value.Gemm;
        byte ta = (byte)(transposeA ? 'T' : 'N'), tb = (byte)(transposeB ? 'T' : 'N');
        int size = n;
        double one = 1, zero = 0;
        var c = new double[(long)n * n];
        gemm(ref ta, ref tb, ref size, ref size, ref size, ref one, a, ref size, b, ref size, ref zero, c, ref size, 1, 1);
        return c;
    }

    private static (DsyevdFn, DgemmFn)? Load()
    {
        string[] candidates = Environment.GetEnvironmentVariable("OMNICTX_OPENBLAS") is { Length: > 0 } custom
            ? [custom]
            : ["libopenblas.so.0", "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0"];
        foreach (var path in candidates)
            if (NativeLibrary.TryLoad(path, out var handle)
                && NativeLibrary.TryGetExport(handle, "dsyevd_", out var syevd)
                && NativeLibrary.TryGetExport(handle, "dgemm_", out var gemm))
            {
                Source = path;
                return (Marshal.GetDelegateForFunctionPointer<DsyevdFn>(syevd), Marshal.GetDelegateForFunctionPointer<DgemmFn>(gemm));
            }
        return null;
    }
}
