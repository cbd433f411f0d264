package dev.sieve.server;

import dev.sieve.alerts.Monitor;
import dev.sieve.alerts.SubjectData;
import dev.sieve.channels.Verdict;
import dev.sieve.channels.customer.CustomerFileException;
import dev.sieve.channels.customer.CustomerFileReader;
import dev.sieve.channels.customer.CustomerRecord;
import dev.sieve.model.Match;
import dev.sieve.screening.ScreeningService;
import dev.sieve.store.Actor;
import dev.sieve.store.JobStore;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs screening jobs one after another on a background platform thread at low OS priority (see
 * {@link Background}), so that a long job does not slow the screenings answered meanwhile. Each chunk of
 * results is committed with the job's progress; on start, jobs left queued or running by a previous
 * server are resumed after their last committed row, so no row is screened twice into the results and
 * none is lost.
 */
final class JobRunner implements AutoCloseable {
    static final int CHUNK = 500;

    private static final long STOP_WAIT_MILLIS = 30_000;
    private final JobStore jobs;
    private final ScreeningService screening;
    private final Monitor monitor;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private Thread worker;

    JobRunner(JobStore jobs, ScreeningService screening, Monitor monitor) {
        this.jobs = jobs;
        this.screening = screening;
        this.monitor = monitor;
    }

    void start() {
        for (JobStore.Job j : jobs.unfinished()) queue.add(j.id());
        worker = Background.thread("sieve-jobs", () -> {
            while (!closed) {
                try {
                    String id = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (id != null) run(id, Integer.MAX_VALUE);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the database failed mid-job (or another server wrote the same rows first): what was
                    // committed stays, and the job resumes from there when it is run again
                    org.slf4j.LoggerFactory.getLogger(JobRunner.class).error("job interrupted", e);
                }
            }
        });
        worker.start();
    }

    void submit(String id) {
        queue.add(id);
    }

    /**
     * Works on one job for at most {@code maxChunks} chunks (all when {@link Integer#MAX_VALUE}); returns
     * whether the job is finished.
     */
    boolean run(String id, int maxChunks) {
        JobStore.Job job = jobs.job(id).orElse(null);
        if (job == null || job.status().equals("done") || job.status().equals("failed")) return true;
        Actor actor = new Actor(job.agency(), job.keyId());
        try {
            CustomerFileReader.Options options = JobOptions.decode(job.columns()).readerOptions();
            try (CustomerFileReader reader = new CustomerFileReader(job.fileName(), new StringReader(jobs.input(id)), options)) {
                long done = job.rowsDone();
                boolean enrol = JobOptions.decode(job.columns()).monitor();
                List<CustomerRecord> pending = new ArrayList<>(CHUNK);
                int chunks = 0;
                CustomerRecord r;
                while ((r = reader.next()) != null) {
                    if (r.row() <= done) continue; // committed before the job stopped
                    pending.add(r);
                    if (pending.size() == CHUNK) {
                        save(id, actor, pending, enrol);
                        pending.clear();
                        if (++chunks >= maxChunks || closed) return false; // resumes after the last chunk saved
                    }
                }
                if (!pending.isEmpty()) save(id, actor, pending, enrol);
            }
            jobs.finish(actor, id, "done", null);
            return true;
        } catch (CustomerFileException | IllegalArgumentException e) {
            jobs.finish(actor, id, "failed", e.getMessage());
            return true;
        } catch (IOException e) {
            jobs.finish(actor, id, "failed", "cannot read the file: " + e.getMessage());
            return true;
        }
    }

    /**
     * Screens a chunk of rows and commits their results with the job's progress. With {@code enrol}, the rows
     * that can be screened are enrolled as the agency's monitored subjects first (stored with their alerts in one
     * transaction): a job that dies between the two enrols the chunk again when resumed, which keeps unchanged
     * subjects as they are and raises no alert twice.
     */
    private void save(String id, Actor actor, List<CustomerRecord> chunk, boolean enrol) {
        List<Monitor.Enrollee> enrollees = new ArrayList<>();
        if (enrol) {
            for (CustomerRecord r : chunk) if (r.problem() == null) enrollees.add(new Monitor.Enrollee(r.id(), SubjectData.of(r.query())));
        }
        java.util.Iterator<Monitor.Enrolment> enrolled = enrollees.isEmpty() ? java.util.Collections.emptyIterator()
                : monitor.enrolAll(actor, enrollees, false).iterator();
        List<JobStore.Row> rows = new ArrayList<>(chunk.size());
        long problems = 0;
        long alerts = 0;
        for (CustomerRecord r : chunk) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("row", r.row());
            result.put("customer_id", r.id());
            if (r.query() != null) result.put("name", r.query().name());
            if (!r.warnings().isEmpty()) result.put("warnings", r.warnings());
            if (r.problem() != null) {
                result.put("verdict", Verdict.COULD_NOT_SCREEN.label());
                result.put("problem", r.problem());
                problems++;
            } else {
                List<Match> matches;
                if (enrol) {
                    Monitor.Enrolment e = enrolled.next();
                    matches = e.matches();
                    result.put("subject_version", e.subject().version());
                    result.put("alerts_raised", e.raised().stream().map(dev.sieve.alerts.Alert::id).toList());
                } else {
                    // the agency's exemptions cover what they may, as in a single screening
                    matches = dev.sieve.exemptions.Coverage.ofScreening(monitor.exemptions().visibleTo(actor.agency()),
                            screening.screen(r.query(), actor.agency()).matches(), java.time.LocalDate.now(java.time.ZoneOffset.UTC));
                }
                result.put("verdict", matches.isEmpty() ? "clear" : "hit");
                result.put("matches", matches);
                if (!matches.isEmpty()) alerts++;
            }
            rows.add(new JobStore.Row(r.row(), ApiJson.write(result)));
        }
        jobs.saveChunk(id, rows, chunk.getLast().row(), problems, alerts);
    }

    /**
     * Stops after the chunk being screened is saved (the job resumes from there at the next start). The worker
     * is not interrupted: an interrupt inside a database write closes H2's file channel, and with it the
     * embedded databank for every other user of the store.
     */
    @Override
    public void close() {
        closed = true;
        Thread t = worker;
        if (t == null) return;
        try {
            t.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
