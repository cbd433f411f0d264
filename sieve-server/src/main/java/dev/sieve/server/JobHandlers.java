package dev.sieve.server;

import dev.sieve.alerts.SubjectData;
import dev.sieve.channels.customer.ColumnMapping;
import dev.sieve.channels.customer.CustomerRecord;
import dev.sieve.channels.text.TextDecoding;
import dev.sieve.channels.customer.CustomerFileException;
import dev.sieve.channels.customer.CustomerFileReader;
import dev.sieve.store.JobStore;
import dev.sieve.store.Role;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/jobs} (a customer file, screened in the background) and {@code GET /v1/jobs/{id}}
 * (progress and results, paged). A job is seen only by its agency.
 */
final class JobHandlers {
    /** Customer files submitted as jobs may be larger than JSON requests. */
    static final int MAX_FILE = 64 * 1024 * 1024;

    private final JobStore jobs;
    private final JobRunner runner;
    private final Auth auth;

    JobHandlers(JobStore jobs, JobRunner runner, Auth auth) {
        this.jobs = jobs;
        this.runner = runner;
        this.auth = auth;
    }

    void register(RouteTable routes) {
        routes.post("/v1/jobs", this::submit);
        routes.get("/v1/jobs/{id}", this::status);
    }

    private void submit(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        String fileName = Params.fileName(ctx.queryParam("filename"));
        List<String> columns = ctx.queryParams("column");
        try {
            ColumnMapping.parse(columns);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("column", "parameter 'column': " + e.getMessage());
        }
        Character delimiter = null;
        String d = ctx.queryParam("delimiter");
        if (d != null && !d.isEmpty()) {
            String sep = d.equalsIgnoreCase("tab") ? "\t" : d;
            if (sep.length() != 1 || sep.charAt(0) == '\n' || sep.charAt(0) == '"') {
                throw ApiException.badRequest("delimiter", "parameter 'delimiter': one character such as ; or tab, got '" + d + "'");
            }
            delimiter = sep.charAt(0);
        }
        String dateFormat = ctx.queryParam("date_format");
        if (dateFormat != null && (dateFormat.isBlank() || dateFormat.contains("\n"))) {
            throw ApiException.badRequest("date_format", "parameter 'date_format': a pattern such as dd/MM/yyyy");
        }
        java.nio.charset.Charset given = null;
        if (ctx.queryParam("encoding") != null) {
            try {
                given = TextDecoding.named(ctx.queryParam("encoding"));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("encoding", "parameter 'encoding': " + e.getMessage());
            }
        }
        String monitorText = Params.blankToNull(ctx.queryParam("monitor"));
        boolean monitor = switch (monitorText == null ? "false" : monitorText) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("monitor", "parameter 'monitor': true or false, not '" + monitorText + "'");
        };
        JobOptions options = new JobOptions(columns, delimiter, dateFormat, monitor);
        byte[] body = ApiJson.body(ctx, MAX_FILE);
        if (body.length == 0) throw ApiException.badRequest(null, "the request body is empty; send the customer file");
        String text;
        try {
            // strictly: a name is never screened with replacement characters in it
            text = TextDecoding.detectAndDecode(body, given, fileName).text();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("encoding", e.getMessage());
        }
        long total = 0;
        try (CustomerFileReader check = new CustomerFileReader(fileName, new StringReader(text), options.readerOptions())) {
            // read through once now: a file that cannot be read is refused, not queued, and progress has a whole
            CustomerRecord r;
            while ((r = check.next()) != null) {
                total++;
                // a monitored subject is kept under the bank's own id for it: every row needs one
                String idProblem = !monitor ? null : r.idGiven() ? SubjectData.externalIdProblem(r.id()) : "is missing";
                if (idProblem != null) {
                    throw ApiException.badRequest("monitor", fileName + ", line " + r.line() + ": the customer id " + idProblem
                            + "; a monitored subject is kept under its id (a column customer_id or id, or column=id=HEADER)");
                }
            }
        } catch (CustomerFileException e) {
            throw ApiException.badRequest(null, e.getMessage());
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // the file's own fault (a quote never closed, a row the parser cannot take): a client error naming it
            throw ApiException.badRequest(null, fileName + ": " + e.getMessage());
        }
        JobStore.Job job = jobs.create(caller.actor(), fileName, options.encode(), text, total);
        runner.submit(job.id());
        ctx.status(202).header("Location", "/v1/jobs/" + job.id());
        ApiJson.send(ctx, view(job, List.of(), 0));
    }

    private void status(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        String id = ctx.pathParam("id");
        JobStore.Job job = jobs.job(id).filter(j -> j.agency().equals(caller.agency()))
                .orElseThrow(() -> ApiException.notFound("no job " + id));
        long after = Params.integer(ctx.queryParam("after"), "after", 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer(ctx.queryParam("limit"), "limit", 1000, 1, 10_000);
        List<Object> results = new ArrayList<>();
        List<JobStore.Row> rows = jobs.results(id, after, limit);
        for (JobStore.Row r : rows) {
            try {
                results.add(ApiJson.MAPPER.readTree(r.body()));
            } catch (IOException e) {
                results.add(r.body());
            }
        }
        ApiJson.send(ctx, view(job, results, rows.isEmpty() ? after : rows.getLast().row()));
    }

    private static Object view(JobStore.Job j, List<Object> results, long nextAfter) {
        return Views.map("id", j.id(), "status", j.status(), "file", j.fileName(), "rows_done", j.rowsDone(),
                "rows_total", j.rowsTotal(),
                "problems", j.problems(), "alerts", j.alerts(), "error", j.error(), "created_at", j.createdAt(),
                "updated_at", j.updatedAt(), "results", results, "next_after", nextAfter);
    }
}
