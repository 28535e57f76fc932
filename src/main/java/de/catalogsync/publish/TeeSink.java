package de.catalogsync.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import de.catalogsync.job.KillPoints;
import de.catalogsync.publish.MergedCatalogue.Header;
import de.catalogsync.publish.MergedCatalogue.LocalService;
import de.catalogsync.publish.MergedCatalogue.Service;
import de.catalogsync.publish.MergedCatalogue.Sink;

/**
 * Writes all formats in one pass over the database, each format on a thread of its own: serialising XML, JSON and
 * CSV costs more than reading the rows, and a second core then shares it. Each writer's queue holds only a few
 * services (they are immutable and shared by all writers), so memory does not grow with the catalogue. A writer's
 * failure surfaces at the next call, or at {@link #end()} at the latest.
 */
final class TeeSink implements Sink {

    /** Services a writer may lag behind the reader: a service of a key offered in many areas is large. */
    static final int QUEUE = 4;

    private final List<Writer> writers = new ArrayList<>();
    private long services;

    TeeSink(List<Sink> sinks) {
        for (Sink sink : sinks) {
            Writer writer = new Writer(sink);
            writers.add(writer);
            writer.thread.start();
        }
    }

    @Override
    public void begin(Header header) throws Exception {
        send(sink -> sink.begin(header));
    }

    @Override
    public void service(Service service) throws Exception {
        send(sink -> sink.service(service));
        KillPoints.reached("publish", ++services);
    }

    @Override
    public void localService(LocalService service) throws Exception {
        send(sink -> sink.localService(service));
    }

    /**
     * Returns once every format has been written completely. Every writer must first have written all services
     * without failure: only then does any of them finish (and rename) its file, so that a failure in one format
     * never leaves the other formats published from a newer catalogue than it.
     */
    @Override
    public void end() throws Exception {
        CountDownLatch drained = new CountDownLatch(writers.size());
        send(sink -> drained.countDown());
        while (!drained.await(100, TimeUnit.MILLISECONDS)) {
            rethrow();
            for (Writer w : writers) {
                if (!w.thread.isAlive()) {
                    throw new IllegalStateException("the " + w.thread.getName() + " thread ended early");
                }
            }
        }
        rethrow();
        send(Sink::end);
        send(null);
        for (Writer w : writers) {
            w.thread.join();
        }
        rethrow();
    }

    @Override
    public void close() throws Exception {
        for (Writer w : writers) {
            if (w.thread.isAlive()) {
                w.failure = w.failure != null ? w.failure : new IllegalStateException("publish ended early");
                w.thread.interrupt();
                w.thread.join();
            }
        }
        Exception first = null;
        for (Writer w : writers) {
            try {
                w.sink.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private interface Event {
        void applyTo(Sink sink) throws Exception;
    }

    /** Hands the event to every writer; null tells them to stop. */
    private void send(Event event) throws Exception {
        for (Writer w : writers) {
            while (!w.queue.offer(event == null ? STOP : event, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!w.thread.isAlive()) {
                    throw new IllegalStateException("the " + w.thread.getName() + " thread ended early");
                }
            }
        }
        rethrow();
    }

    private static final Event STOP = sink -> {
    };

    private void rethrow() throws Exception {
        for (Writer w : writers) {
            Exception failure = w.failure;
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static final class Writer implements Runnable {

        final Sink sink;
        final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE);
        final Thread thread;
        volatile Exception failure;

        Writer(Sink sink) {
            this.sink = sink;
            this.thread = new Thread(this, "publish-" + sink.getClass().getSimpleName());
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                for (Event e = queue.take(); e != STOP; e = queue.take()) {
                    e.applyTo(sink);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure = e;
            } catch (Error e) {
                failure = new IllegalStateException(thread.getName() + " failed: " + e, e);
            }
        }
    }
}
