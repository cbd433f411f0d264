package dev.sieve.match.util;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A small pool of reusable, costly objects (scratch arrays, ICU transliterators). Not a ThreadLocal:
 * the server runs every request on a new virtual thread, so a per-thread object would be built again
 * for every request (a megabyte of scratch arrays each time, and young collections every second).
 * Take, use on one thread, give back; at most {@code max} idle objects are kept.
 */
public final class ObjectPool<T> {
    private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final Supplier<T> factory;
    private final int max;

    public ObjectPool(Supplier<T> factory, int max) {
        this.factory = factory;
        this.max = max;
    }

    public T take() {
        T t = idle.poll();
        if (t == null) return factory.get();
        idleCount.decrementAndGet();
        return t;
    }

    public void give(T t) {
        if (idleCount.incrementAndGet() <= max) idle.offer(t);
        else idleCount.decrementAndGet();
    }
}
