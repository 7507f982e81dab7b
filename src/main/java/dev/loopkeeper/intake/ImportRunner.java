package dev.loopkeeper.intake;

import dev.loopkeeper.intake.domain.ImportJobRows;
import dev.loopkeeper.intake.domain.ImportJobRows.Job;
import dev.loopkeeper.intake.domain.ImportJobRows.Problem;
import dev.loopkeeper.intake.domain.ImportJobRows.Progress;
import dev.loopkeeper.sharedkernel.web.ApiInput;
import dev.loopkeeper.sharedkernel.web.FieldProblem;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs CSV imports, on every node, one at a time per node. A node takes a waiting import with a lease in the job's
 * row, then works through the file in batches: each batch is one transaction that first renews the lease (locking the
 * job's row, so no other node can take the import meanwhile), stores its rows and moves the job's progress on. A
 * batch commits whole or not at all; a node that stops loses its lease, and the next node goes on from the last
 * committed batch. A batch fails whole only on a database error; it is then taken one row per transaction, so a row
 * the database refuses is reported, not allowed to stop the file.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    /** A batch opens at most this many cases: each starts a process, and a batch should stay a few seconds long. */
    static final int CASES_PER_BATCH = CaseIntake.BATCH_TRANSACTION;

    /** Another node took the import over: this one stops without writing. */
    static final class LostLease extends RuntimeException {
        LostLease(UUID job) {
            super("Import " + job + " is held by another node now");
        }
    }

    private final ImportJobRows jobs;
    private final CsvImports imports;
    private final Intake intake;
    private final IntakeTransactions transactions;
    private final ApiInput input;
    private final IntakeSettings settings;
    private final Clock clock;
    private final String node;

    ImportRunner(
            ImportJobRows jobs,
            CsvImports imports,
            Intake intake,
            IntakeTransactions transactions,
            ApiInput input,
            IntakeSettings settings,
            Clock clock) {
        this.jobs = jobs;
        this.imports = imports;
        this.intake = intake;
        this.transactions = transactions;
        this.input = input;
        this.settings = settings;
        this.clock = clock;
        this.node = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Scheduled(fixedDelayString = "${loopkeeper.intake.imports.poll:PT2S}", initialDelayString = "PT3S")
    void runWaiting() {
        for (UUID id : jobs.waiting(clock.instant())) {
            Instant now = clock.instant();
            if (jobs.claim(id, node, now, now.plus(settings.imports().lease()))) {
                run(id);
            }
        }
    }

    void run(UUID id) {
        Job job = jobs.find(id).orElseThrow();
        log.info(
                "Import {} of {} ({}) runs on {} from row {} of {}",
                id,
                job.fileName(),
                job.source(),
                node,
                job.rowsDone(),
                job.rowsTotal());
        int[] problemsLeft = {ImportJobRows.MOST_PROBLEMS - jobs.problemCount(id)};
        try (InputStream in = jobs.file(id);
                CsvRows csv = CsvRows.open(in, job.source(), imports.mappingOf(job), input)) {
            for (int skipped = 0; skipped < job.rowsDone() && csv.hasNext(); skipped++) {
                csv.next();
            }
            List<CsvRows.Row> batch = new ArrayList<>();
            int recent = 0;
            while (csv.hasNext()) {
                CsvRows.Row row = csv.next();
                batch.add(row);
                if (row.valid() && !row.submission().respondedAt().isBefore(job.historyBefore())) {
                    recent++;
                }
                if (batch.size() == settings.imports().batchSize() || recent == CASES_PER_BATCH) {
                    commit(job, batch, problemsLeft);
                    batch.clear();
                    recent = 0;
                }
            }
            commit(job, batch, problemsLeft);
            transactions.run("the end of import " + id, () -> {
                renew(job);
                jobs.finish(id, ImportJobRows.DONE, null, clock.instant());
                jobs.deleteFile(id);
                return null;
            });
            log.info("Import {} done", id);
        } catch (LostLease lost) {
            log.warn(lost.getMessage());
        } catch (RuntimeException | java.io.IOException failed) {
            log.error("Import {} failed", id, failed);
            jobs.finish(id, ImportJobRows.FAILED, String.valueOf(failed.getMessage()), clock.instant());
        }
    }

    private void commit(Job job, List<CsvRows.Row> rows, int[] problemsLeft) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            transactions.run(rows.size() + " rows of import " + job.id(), () -> {
                store(job, rows, problemsLeft);
                return null;
            });
        } catch (LostLease lost) {
            throw lost;
        } catch (RuntimeException failed) {
            log.warn("A batch of import {} failed ({}); taking its rows one by one", job.id(), failed.toString());
            for (CsvRows.Row row : rows) {
                try {
                    transactions.run("row " + row.line() + " of import " + job.id(), () -> {
                        store(job, List.of(row), problemsLeft);
                        return null;
                    });
                } catch (LostLease lost) {
                    throw lost;
                } catch (RuntimeException refused) {
                    transactions.run("row " + row.line() + " of import " + job.id(), () -> {
                        renew(job);
                        jobs.advance(job.id(), new Progress(1, 0, 0, 0, 1));
                        problems(
                                job,
                                List.of(new Problem(row.line(), "", "could not be stored: " + refused)),
                                problemsLeft);
                        return null;
                    });
                }
            }
        }
    }

    /** One batch, inside its transaction: the lease first, then history, then cases, then the progress. */
    private void store(Job job, List<CsvRows.Row> rows, int[] problemsLeft) {
        renew(job);
        List<ResponseSubmission> history = new ArrayList<>();
        List<ResponseSubmission> recent = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int refused = 0;
        for (CsvRows.Row row : rows) {
            if (!row.valid()) {
                refused++;
                for (FieldProblem p : row.problems()) {
                    problems.add(new Problem(row.line(), p.field(), p.message()));
                }
            } else if (row.submission().respondedAt().isBefore(job.historyBefore())) {
                history.add(row.submission());
            } else {
                recent.add(row.submission());
            }
        }
        int storedHistory = history.isEmpty() ? 0 : intake.keepAsHistory(history);
        int cases = recent.isEmpty()
                ? 0
                : (int) intake.receive(recent).stream()
                        .filter(IntakeResult::created)
                        .count();
        int valid = history.size() + recent.size();
        jobs.advance(
                job.id(),
                new Progress(rows.size(), storedHistory + cases, cases, valid - storedHistory - cases, refused));
        problems(job, problems, problemsLeft);
    }

    private void problems(Job job, List<Problem> problems, int[] problemsLeft) {
        List<Problem> kept = problems.subList(0, Math.max(0, Math.min(problems.size(), problemsLeft[0])));
        jobs.addProblems(job.id(), kept);
        problemsLeft[0] -= kept.size();
    }

    private void renew(Job job) {
        if (!jobs.renew(job.id(), node, clock.instant().plus(settings.imports().lease()))) {
            throw new LostLease(job.id());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException unknown) {
            return "node";
        }
    }
}
