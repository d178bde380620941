package dev.apprentice.il.store;

import java.nio.file.Path;

/**
 * One segment file as the store knows it: how much of it holds whole, flushed blocks and how big it
 * is on disk (larger only when a read-only store found a torn tail it may not repair).
 *
 * @param number its sequence number, from 1
 * @param path the file
 * @param readableBytes the length up to the end of its last whole block; reads stop there
 * @param bytesOnDisk the file's size when last measured
 */
record Segment(int number, Path path, long readableBytes, long bytesOnDisk) {
}
