package dev.loopkeeper.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopkeeper.intake.domain.ImportJobRows;
import dev.loopkeeper.intake.domain.ImportJobRows.Job;
import dev.loopkeeper.intake.domain.ResponseRows;
import dev.loopkeeper.sharedkernel.web.ApiInput;
import dev.loopkeeper.sharedkernel.web.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Responses from CSV files: a survey tool's export or our own layout. A file is previewed first, row by row, with
 * nothing stored; then imported in the background ({@link ImportRunner}) by whichever node takes it, with progress
 * anyone can read. Rows are idempotent on their source and response id, so the same file again changes nothing;
 * rows older than {@code loopkeeper.intake.history-after} are kept as history without opening cases.
 */
@Service
public class CsvImports {

    /** One row the import will refuse, and why. */
    public record RowProblem(int line, String column, String message) {}

    /**
     * What importing the file would do. {@code unreadable} says why the file cannot be imported at all (it is not
     * CSV); {@code importedBefore} names the earlier import of the same file, if there was one.
     */
    public record Preview(
            String source,
            String fileName,
            String sha256,
            long bytes,
            Instant historyBefore,
            int rows,
            int cases,
            int history,
            int already,
            int refused,
            List<RowProblem> problems,
            String unreadable,
            ImportJob importedBefore) {

        public boolean importable() {
            return unreadable == null && rows > 0;
        }
    }

    /** An import as the import screen shows it; its progress is the job's own row, so any node can tell it. */
    public record ImportJob(
            UUID id,
            String source,
            String fileName,
            String status,
            int rowsTotal,
            int rowsDone,
            int stored,
            int cases,
            int already,
            int refused,
            String createdBy,
            Instant createdAt,
            Instant finishedAt,
            String failure) {

        public double progress() {
            return rowsTotal == 0 ? 1 : Math.min(1, (double) rowsDone / rowsTotal);
        }

        public boolean finished() {
            return ImportJobRows.DONE.equals(status) || ImportJobRows.FAILED.equals(status);
        }
    }

    static final int PREVIEW_PROBLEMS = 100;

    private final ImportJobRows jobs;
    private final ResponseRows responses;
    private final ApiInput input;
    private final IntakeSettings settings;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CsvImports(
            ImportJobRows jobs,
            ResponseRows responses,
            ApiInput input,
            IntakeSettings settings,
            ObjectMapper json,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jobs = jobs;
        this.responses = responses;
        this.input = input;
        this.settings = settings;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The sources with a saved column mapping, and Delighted's. */
    public List<String> knownSources() {
        Set<String> sources = new TreeSet<>(jobs.mappedSources());
        sources.add(settings.delighted().source());
        return List.copyOf(sources);
    }

    public Duration defaultHistoryAfter() {
        return settings.historyAfter();
    }

    /** The largest file the import screen takes ({@code loopkeeper.intake.imports.max-file-size}). */
    public long maxFileBytes() {
        return settings.imports().maxFileSize().toBytes();
    }

    public List<String> header(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CsvRows.header(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping saved for the source (as far as this header has its columns), else one guessed from the header. */
    public ColumnMapping mappingFor(String source, List<String> header) {
        return jobs.mapping(source)
                .map(this::readMapping)
                .map(saved -> saved.within(header))
                .filter(saved -> saved.missing().isEmpty())
                .orElseGet(
                        () -> ColumnMapping.guess(header, settings.delighted().properties()));
    }

    /** Reads the whole file as the import would, storing nothing. */
    public Preview preview(String source, String fileName, Path file, ColumnMapping mapping, Duration historyAfter) {
        Count count = new Count(source, clock.instant().minus(historyAfter));
        String unreadable = null;
        String sha = "";
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha256());
                CsvRows csv = CsvRows.open(in, source, mapping, input)) {
            List<String> absent = csv.absentColumns();
            if (!absent.isEmpty()) {
                unreadable = "The file has no column " + String.join(", ", absent) + " of those the mapping names";
            }
            while (absent.isEmpty() && csv.hasNext()) {
                count.add(csv.next());
            }
            in.transferTo(java.io.OutputStream.nullOutputStream());
            sha = HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (UncheckedIOException | IllegalStateException | IOException notCsv) {
            unreadable = "The file cannot be read as CSV after line " + (count.rows + 1) + ": "
                    + (notCsv.getCause() != null ? notCsv.getCause().getMessage() : notCsv.getMessage());
        }
        count.lookUp();
        Optional<ImportJob> before =
                sha.isEmpty() ? Optional.empty() : jobs.sameFile(source, sha).map(CsvImports::view);
        return new Preview(
                source,
                fileName,
                sha,
                size(file),
                count.historyBefore,
                count.rows,
                count.cases,
                count.history,
                count.already,
                count.refused,
                List.copyOf(count.problems),
                unreadable,
                before.orElse(null));
    }

    /**
     * Queues the previewed file for import: the file goes into the database (any node may run the import, also after
     * a restart), and the mapping is saved for the source's next file.
     *
     * @throws IllegalArgumentException for a file that cannot be imported (not CSV, or no rows)
     */
    public UUID start(Preview preview, Path file, ColumnMapping mapping, String user) {
        if (!preview.importable() || !mapping.missing().isEmpty()) {
            throw new IllegalArgumentException(
                    preview.unreadable() != null
                            ? preview.unreadable()
                            : !mapping.missing().isEmpty()
                                    ? "Map a column to each of " + mapping.missing()
                                    : "The file has no rows");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            jobs.insert(new Job(
                    id,
                    preview.source(),
                    preview.fileName(),
                    preview.sha256(),
                    preview.bytes(),
                    writeMapping(mapping),
                    preview.historyBefore(),
                    ImportJobRows.QUEUED,
                    preview.rows(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    user,
                    now,
                    null,
                    null,
                    null,
                    null,
                    null));
            try (InputStream in = Files.newInputStream(file)) {
                byte[] part;
                int partNo = 0;
                while ((part = in.readNBytes(ImportJobRows.PART_SIZE)).length > 0) {
                    jobs.insertPart(id, partNo++, part);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jobs.saveMapping(preview.source(), writeMapping(mapping), now, user);
        });
        return id;
    }

    /** The latest imports, newest first. */
    public List<ImportJob> latest() {
        return jobs.latest(20).stream().map(CsvImports::view).toList();
    }

    public Optional<ImportJob> job(UUID id) {
        return jobs.find(id).map(CsvImports::view);
    }

    /** The rows the import refused (the first 1,000 problems), in file order. */
    public List<RowProblem> problemsOf(UUID id) {
        return jobs.problems(id, ImportJobRows.MOST_PROBLEMS).stream()
                .map(p -> new RowProblem(p.row(), p.field(), p.message()))
                .toList();
    }

    static ImportJob view(Job job) {
        return new ImportJob(
                job.id(),
                job.source(),
                job.fileName(),
                job.status(),
                job.rowsTotal(),
                job.rowsDone(),
                job.stored(),
                job.cases(),
                job.already(),
                job.refused(),
                job.createdBy(),
                job.createdAt(),
                job.finishedAt(),
                job.failure());
    }

    /** A preview's tally; rows already stored are looked up a thousand at a time. */
    private final class Count {

        final String source;
        final Instant historyBefore;
        int rows;
        int cases;
        int history;
        int already;
        int refused;
        final List<RowProblem> problems = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final java.util.Map<String, Boolean> pending = new java.util.LinkedHashMap<>();

        Count(String source, Instant historyBefore) {
            this.source = source;
            this.historyBefore = historyBefore;
        }

        void add(CsvRows.Row row) {
            rows++;
            if (!row.valid()) {
                refused++;
                for (FieldProblem p : row.problems()) {
                    if (problems.size() < PREVIEW_PROBLEMS) {
                        problems.add(new RowProblem(row.line(), p.field(), p.message()));
                    }
                }
                return;
            }
            ResponseSubmission s = row.submission();
            if (!seen.add(s.sourceEventId())) {
                already++;
                return;
            }
            boolean old = s.respondedAt().isBefore(historyBefore);
            if (old) {
                history++;
            } else {
                cases++;
            }
            pending.put(s.sourceEventId(), old);
            if (pending.size() == 1000) {
                lookUp();
            }
        }

        void lookUp() {
            if (pending.isEmpty()) {
                return;
            }
            for (String stored : responses.casesOf(source, pending.keySet()).keySet()) {
                if (pending.get(stored)) {
                    history--;
                } else {
                    cases--;
                }
                already++;
            }
            pending.clear();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ColumnMapping readMapping(String text) {
        try {
            return json.readValue(text, ColumnMapping.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A saved column mapping cannot be read", e);
        }
    }

    String writeMapping(ColumnMapping mapping) {
        try {
            return json.writeValueAsString(mapping);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ColumnMapping mappingOf(Job job) {
        return readMapping(job.mapping());
    }
}
