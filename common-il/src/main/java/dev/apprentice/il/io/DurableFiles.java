package dev.apprentice.il.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a crash leaves either the old content or the new one, never a torn mix:
 * content is written to a fresh file, forced to disk, renamed into place, and the directory entry
 * forced as well. Append-only logs get whole lines: each line is forced to disk before the
 * append returns, and a line torn by a crash is ended before the next one is written, so that the
 * reader loses at most the torn line.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    /** Writes a new file (which must not exist yet) and forces its content to disk. */
    public static void writeNew(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** Replaces (or creates) {@code file} atomically with {@code content}. */
    public static void replace(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".tmp-" + file.getFileName(), "");
        try {
            Files.delete(tmp);
            writeNew(tmp, content);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Appends {@code line} and a line feed to {@code file} (created if missing) and forces them to
     * disk. When the file does not end with a line feed (a crash tore its last line) one is written
     * first, so the new line never continues the torn one.
     */
    public static void appendLine(Path file, byte[] line) throws IOException {
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer last = ByteBuffer.allocate(1);
            boolean endsTorn = size > 0 && ch.read(last, size - 1) == 1 && last.get(0) != '\n';
            ByteBuffer buf = ByteBuffer.allocate(line.length + 2);
            if (endsTorn) {
                buf.put((byte) '\n');
            }
            buf.put(line).put((byte) '\n').flip();
            long position = size;
            while (buf.hasRemaining()) {
                position += ch.write(buf, position);
            }
            ch.force(true);
        }
        if (created) {
            fsyncDirectory(file.toAbsolutePath().getParent());
        }
    }

    /** Forces a directory's entries (creations, renames) to disk. */
    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
