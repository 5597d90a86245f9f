// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A real file channel whose writes and forces can be made to fail, as on a full disk: with {@link #failing} set,
 * a write puts half of the bytes in the file and then throws, so the ledger must cut the partial line off again.
 */
final class SwitchableChannel extends FileChannel {

    /** Set to make writes fail. */
    volatile boolean failing;
    private final FileChannel real;

    SwitchableChannel(FileChannel real) {
        this.real = real;
    }

    private void check() throws IOException {
        if (failing) {
            throw new IOException("No space left on device");
        }
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        if (failing && src.remaining() > 1) {
            ByteBuffer half = src.duplicate();
            half.limit(half.position() + src.remaining() / 2);
            real.write(half, position); // a partial line reaches the file
            check();
        }
        return real.write(src, position);
    }

    @Override
    public void force(boolean metaData) throws IOException {
        check();
        real.force(metaData);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return real.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        check();
        return real.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        check();
        return real.write(srcs, offset, length);
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        real.truncate(size);
        return this;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        check();
        return real.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return real.read(dst, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return real.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
