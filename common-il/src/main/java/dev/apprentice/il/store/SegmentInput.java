package dev.apprentice.il.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.avro.file.SeekableInput;

/**
 * A segment file seen only up to a given length, so a read stops at the last flushed block even
 * while the writer appends more, and a reader never trips over a torn tail it already measured.
 */
final class SegmentInput implements SeekableInput {

    private final FileChannel channel;
    private final long length;
    private long position;

    /** Opens {@code file}, showing at most its first {@code limit} bytes. */
    SegmentInput(Path file, long limit) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        length = Math.min(limit, channel.size());
    }

    @Override
    public void seek(long p) {
        position = p;
    }

    @Override
    public long tell() {
        return position;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= length) {
            return -1;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, length - position)), position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
