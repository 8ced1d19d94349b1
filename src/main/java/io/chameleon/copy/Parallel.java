package io.chameleon.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N threads running one worker each. The first failure of any kind (an OutOfMemoryError too)
 * is kept, tells the others to stop, and is rethrown to the caller: a dead worker never passes
 * for a finished one.
 */
public final class Parallel {
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** One thread's work; {@code index} is 0..n-1. */
    public interface Worker {
        void run(int index, Parallel parallel) throws Exception;
    }

    public static void run(int threads, String name, Worker worker) throws Exception {
        Parallel p = new Parallel();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < Math.max(1, threads); i++) {
            int index = i;
            Thread t = new Thread(() -> {
                try {
                    worker.run(index, p);
                } catch (Throwable e) {
                    p.failure.compareAndSet(null, e);
                }
            }, name + "-" + (i + 1));
            started.add(t);
            t.start();
        }
        for (Thread t : started) {
            t.join();
        }
        Throwable f = p.failure.get();
        if (f instanceof Exception e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException(name + " worker failed: " + f, f);
        }
    }

    /** True once any worker failed: the others stop taking work. */
    public boolean failed() {
        return failure.get() != null;
    }
}
