package org.medins;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps a native object alive while calls use it: any number of threads may use it at once,
 * and close() waits for them, so a handle closed by one thread never frees memory another
 * thread is reading. Using it after close() throws IllegalStateException.
 */
final class Guard {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final String what;
    private Runnable release;
    private boolean closed;

    Guard(String what, Runnable release) {
        this.what = what;
        this.release = release;
    }

    <T> T read(Supplier<T> body) {
        return read(body, () -> what + " is closed");
    }

    /** As {@link #read(Supplier)}, with the message of the exception thrown after close(). */
    <T> T read(Supplier<T> body, Supplier<String> closedMessage) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(closedMessage.get());
            }
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Exclusive use: for calls that change the native object. */
    <T> T write(Supplier<T> body) {
        lock.writeLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(what + " is closed");
            }
            return body.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean isClosed() {
        lock.readLock().lock();
        try {
            return closed;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Release the native object once; later calls do nothing. */
    void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                Runnable r = release;
                release = null;
                if (r != null) {
                    r.run();
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
