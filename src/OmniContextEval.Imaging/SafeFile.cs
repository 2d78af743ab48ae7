using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
namespace OmniContextEval.Imaging;

/// <summary>
/// Opens an image file without ever blocking: <c>O_NONBLOCK</c> (a FIFO opens at once), <c>O_NOFOLLOW</c> (the last
/// component is not a symbolic link), then refuses anything that is not a regular file (FIFO, device, directory,
/// socket). Used for the files external generators name and for a run's outputs. Failures are
/// <see cref="ImageDecodeException"/>s naming the file (the name as the caller gives it: escape it first when it
/// comes from outside).
/// </summary>
public static class SafeFile
{
    private const int ORdOnly = 0, ONonBlock = 0x800, OCloExec = 0x80000;
    private const int AtEmptyPath = 0x1000, StatxType = 0x1, StatxSize = 0x200;
    private const int SIfMt = 0xF000, SIfReg = 0x8000, SIfDir = 0x4000, SIfLnk = 0xA000, SIfIfo = 0x1000, SIfChr = 0x2000, SIfBlk = 0x6000, SIfSock = 0xC000;
    private const int ELoop = 40;

    private static int ONoFollow => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    /// <summary>
    /// The regular file at <paramref name="path"/>, open for reading (the caller disposes the stream), and its size in
    /// bytes. <paramref name="name"/> is how errors name it.
    /// </summary>
    public static FileStream OpenRead(string path, string name, out long size)
    {
        if (!OperatingSystem.IsLinux()) return OpenPortable(path, name, out size);
        if (path.Contains('\0')) throw new ImageDecodeException(name, "the path contains a NUL character");
        var fd = Open(path, ORdOnly | ONonBlock | OCloExec | ONoFollow);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new ImageDecodeException(name, errno == ELoop ? "is a symbolic link (links are not followed)" : $"cannot open: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            var (mode, length) = Stat(fd, name);
            if ((mode & SIfMt) != SIfReg) throw new ImageDecodeException(name, $"is {Kind(mode)}, not a regular file");
            size = length;
            return new FileStream(handle, FileAccess.Read, 1);
        }
        catch { handle.Dispose(); throw; }
    }

    /// <summary>The bytes of the regular file at <paramref name="path"/>, at most <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadAll(string path, string name, long maxBytes)
    {
        using var stream = OpenRead(path, name, out var size);
        if (size > maxBytes) throw new ImageDecodeException(name, $"file of {size} bytes is larger than the limit of {maxBytes} bytes");
        var bytes = new byte[size];
        try { stream.ReadExactly(bytes); }
        catch (Exception e) when (e is IOException or EndOfStreamException) { throw new ImageDecodeException(name, $"cannot read the file: {e.Message}", e); }
        return bytes;
    }

    /// <summary>The canonical absolute path (every link resolved), or null when it does not resolve.</summary>
    public static string? Resolve(string path)
    {
        if (!OperatingSystem.IsLinux()) return Path.GetFullPath(path);
        var result = RealPath(path, IntPtr.Zero);
        if (result == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(result); }
        finally { Free(result); }
    }

    private static (int Mode, long Size) Stat(int fd, string name)
    {
        var buffer = new byte[256];
        if (Statx(fd, "", AtEmptyPath, StatxType | StatxSize, buffer) != 0)
            throw new ImageDecodeException(name, $"cannot stat: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        return (BitConverter.ToUInt16(buffer, 28), (long)BitConverter.ToUInt64(buffer, 40));
    }

    private static string Kind(int mode) => (mode & SIfMt) switch
    {
        SIfDir => "a directory",
        SIfIfo => "a FIFO",
        SIfChr => "a character device",
        SIfBlk => "a block device",
        SIfSock => "a socket",
        SIfLnk => "a symbolic link",
        _ => "not a regular file",
    };

    private static FileStream OpenPortable(string path, string name, out long size)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) throw new ImageDecodeException(name, "is a symbolic link (links are not followed)");
        if (!info.Exists) throw new ImageDecodeException(name, Directory.Exists(path) ? "is a directory, not a regular file" : "file not found");
        size = info.Length;
        return File.OpenRead(path);
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(string path, int flags);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, string path, int flags, int mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr RealPath(string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr pointer);
}
