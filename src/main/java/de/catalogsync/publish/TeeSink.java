package de.catalogsync.publish;

import java.util.List;

import de.catalogsync.job.KillPoints;
import de.catalogsync.publish.MergedCatalogue.Header;
import de.catalogsync.publish.MergedCatalogue.LocalService;
import de.catalogsync.publish.MergedCatalogue.Service;
import de.catalogsync.publish.MergedCatalogue.Sink;

/** Writes all formats in one pass over the database. */
final class TeeSink implements Sink {

    private final List<Sink> sinks;

    TeeSink(List<Sink> sinks) {
        this.sinks = sinks;
    }

    @Override
    public void begin(Header header) throws Exception {
        for (Sink s : sinks) {
            s.begin(header);
        }
    }

    private long services;

    @Override
    public void service(Service service) throws Exception {
        for (Sink s : sinks) {
            s.service(service);
        }
        KillPoints.reached("publish", ++services);
    }

    @Override
    public void localService(LocalService service) throws Exception {
        for (Sink s : sinks) {
            s.localService(service);
        }
    }

    @Override
    public void end() throws Exception {
        for (Sink s : sinks) {
            s.end();
        }
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (Sink s : sinks) {
            try {
                s.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
