using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// A read-only view of a request body that fails with <see cref="TooLargeException"/> once more than
/// <c>limit</c> bytes have arrived, so a body without Content-Length cannot grow past the limit.
/// </summary>
internal sealed class LengthLimitedStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw new TooLargeException();
        }

        return read;
    }

    /// <summary>The body passed the limit (answered 413).</summary>
    internal sealed class TooLargeException : IOException
    {
        public TooLargeException()
            : base("The request body is larger than the limit.")
        {
        }
    }
}
