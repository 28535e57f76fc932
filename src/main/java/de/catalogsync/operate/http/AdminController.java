package de.catalogsync.operate.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import de.catalogsync.config.CatalogProperties;
import de.catalogsync.config.SourceFormat;
import de.catalogsync.config.SourceProperties;
import de.catalogsync.importing.DryRun;
import de.catalogsync.job.CatalogJobs;
import de.catalogsync.merge.ImportOutcome;
import de.catalogsync.operate.RunQueue;
import de.catalogsync.operate.RunResult;
import de.catalogsync.operate.RunService;
import de.catalogsync.operate.ServeProperties;
import de.catalogsync.operate.UsageException;

/** The admin API: manual imports and dry runs of uploaded exports, syncs, and the run history. */
@RestController
@RequestMapping("/api/admin")
@ConditionalOnProperty(name = "catalog.serve.enabled", havingValue = "true")
public class AdminController {

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);
    private static final int REJECTS_SHOWN = 1000;

    private final RunService runs;
    private final RunQueue queue;
    private final CatalogJobs jobs;
    private final Job catalogSyncJob;
    private final CatalogProperties catalog;
    private final ServeProperties serve;
    private final JdbcTemplate jdbc;

    public AdminController(RunService runs, RunQueue queue, CatalogJobs jobs, Job catalogSyncJob,
                           CatalogProperties catalog, ServeProperties serve, JdbcTemplate jdbc) {
        this.runs = runs;
        this.queue = queue;
        this.jobs = jobs;
        this.catalogSyncJob = catalogSyncJob;
        this.catalog = catalog;
        this.serve = serve;
        this.jdbc = jdbc;
    }

    public record RunStarted(long runId, String url, String status) {
    }

    public record StateCounts(String state, String status, long read, long imported, long rejected, String reason) {

        static StateCounts of(ImportOutcome o) {
            return new StateCounts(o.state(), o.status().name(), o.read(), o.imported(), o.rejected(), o.reason());
        }
    }

    public record RunView(long id, String job, String status, LocalDateTime start, LocalDateTime end,
                          List<StateCounts> states, Long mergedServices, List<String> failures, Long overtakenBy) {

        static RunView of(RunResult r) {
            return new RunView(r.executionId(), r.jobName(), r.status().name(), r.start(), r.end(),
                    r.outcomes().stream().map(StateCounts::of).toList(), r.mergedServices(), r.failures(),
                    r.overtakenBy());
        }
    }

    public record RejectView(String state, String file, long line, String reason, String message, String raw) {
    }

    public record RunDetail(RunView run, List<RejectView> rejects, long rejectsTotal) {
    }

    public record ValidationReport(String state, long read, long valid, long rejected, Map<String, Long> rejectsByReason,
                                   List<RejectView> firstRejects) {
    }

    @PostMapping("/imports")
    ResponseEntity<RunStarted> importFile(@RequestParam("state") String state, @RequestPart("file") MultipartFile file,
                                          @RequestParam(name = "acceptShrink", defaultValue = "false") boolean acceptShrink)
            throws Exception {
        SourceProperties source = source(state);
        Path stored = store(source, file);
        JobExecution execution = queue.submit(jobs.importJob(source.withLocation(stored)),
                runs.acceptShrink(runs.manualImport(source.land().name(), stored, LocalDate.now()),
                        acceptShrink ? source.land().name() : null));
        return accepted(execution);
    }

    @PostMapping("/validations")
    ValidationReport validate(@RequestParam("state") String state, @RequestPart("file") MultipartFile file)
            throws IOException {
        SourceProperties source = source(state);
        Path stored = store(source, file);
        try {
            DryRun.Report report = DryRun.run(source, stored, 100);
            Map<String, Long> byReason = new java.util.TreeMap<>();
            report.rejectsByReason().forEach((reason, n) -> byReason.put(reason.name(), n));
            return new ValidationReport(report.state(), report.read(), report.valid(), report.rejected(), byReason,
                    report.firstRejects().stream().map(r -> new RejectView(state, file.getOriginalFilename() == null
                            ? "upload" : sanitize(file.getOriginalFilename()), r.provenance().line(), r.reason().name(),
                            r.message(), r.rawText())).toList());
        } finally {
            Files.deleteIfExists(stored);
        }
    }

    @PostMapping("/sync")
    ResponseEntity<RunStarted> sync() throws Exception {
        runs.checkConfiguration();
        return accepted(queue.submit(catalogSyncJob, runs.manualSync(LocalDate.now())));
    }

    @GetMapping("/runs")
    List<RunView> recent(@RequestParam(name = "limit", defaultValue = "20") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new UsageException("limit must be between 1 and 1000");
        }
        return runs.recent(limit).stream().map(RunView::of).toList();
    }

    @GetMapping("/runs/{id}")
    RunDetail run(@PathVariable("id") long id) {
        RunResult result = runs.result(id);
        long instance = runs.execution(id).getJobInstance().getInstanceId();
        List<RejectView> rejects = jdbc.query("""
                select state, source_file, source_line, reason, message, raw_text from reject
                where job_instance_id = ? order by state, seq fetch first %d rows only""".formatted(REJECTS_SHOWN),
                (rs, i) -> new RejectView(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), instance);
        Long total = jdbc.queryForObject("select count(*) from reject where job_instance_id = ?", Long.class, instance);
        return new RunDetail(RunView.of(result), rejects, total == null ? 0 : total);
    }

    @PostMapping("/runs/{id}/restart")
    ResponseEntity<RunStarted> restart(@PathVariable("id") long id) throws Exception {
        JobExecution failed = runs.prepareRestart(id);
        Job job = runs.jobFor(failed.getJobInstance().getJobName(), failed.getJobParameters());
        return accepted(queue.submit(job, failed.getJobParameters()));
    }

    @PostMapping("/runs/{id}/stop")
    ResponseEntity<RunStarted> stop(@PathVariable("id") long id) throws Exception {
        runs.stop(id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new RunStarted(id, url(id), "STOPPING"));
    }

    private SourceProperties source(String state) {
        try {
            return catalog.source(state);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Keeps the upload under a name of our own making: the client's file name never becomes a path, so
     * "../../etc/passwd" cannot place or overwrite anything.
     */
    private Path store(SourceProperties source, MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new UsageException("the uploaded file is empty");
        }
        Path dir = serve.upload().dir().toAbsolutePath().normalize();
        Files.createDirectories(dir);
        String extension = source.format() == SourceFormat.XZUFI ? ".xml" : ".csv";
        Path target = dir.resolve(source.land().name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + extension);
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, target);
        }
        log.info("upload for {} ({} bytes, sent as \"{}\") stored as {}", source.land().name(), file.getSize(),
                sanitize(String.valueOf(file.getOriginalFilename())), target);
        return target;
    }

    private static String sanitize(String name) {
        return name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
    }

    private static ResponseEntity<RunStarted> accepted(JobExecution execution) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", url(execution.getId()))
                .body(new RunStarted(execution.getId(), url(execution.getId()), execution.getStatus().name()));
    }

    private static String url(long id) {
        return "/api/admin/runs/" + id;
    }
}
