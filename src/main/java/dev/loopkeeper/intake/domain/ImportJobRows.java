package dev.loopkeeper.intake.domain;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.sql.Types;
import java.time.Instant;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** CSV imports: their jobs, their files in parts, the rows they refused, and the column mappings per source. */
@Repository
public class ImportJobRows {

    public record Job(
            UUID id,
            String source,
            String fileName,
            String fileSha256,
            long fileBytes,
            String mapping,
            Instant historyBefore,
            String status,
            int rowsTotal,
            int rowsDone,
            int stored,
            int cases,
            int already,
            int refused,
            String createdBy,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            String leaseOwner,
            Instant leaseUntil,
            String failure) {}

    public record Problem(int row, String field, String message) {}

    /** What one batch of rows did, added to the job's counters with its progress. */
    public record Progress(int rows, int stored, int cases, int already, int refused) {}

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final int PART_SIZE = 1 << 20;
    public static final int MOST_PROBLEMS = 1000;

    private static final String COLUMNS = "id, source, file_name, file_sha256, file_bytes, mapping, history_before, "
            + "status, rows_total, rows_done, stored, cases, already, refused, created_by, created_at, started_at, "
            + "finished_at, lease_owner, lease_until, failure";

    private final NamedParameterJdbcTemplate jdbc;

    ImportJobRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Job job) {
        jdbc.update(
                "insert into import_job (" + COLUMNS + ") values (:id, :source, :fileName, :sha, :bytes, :mapping, "
                        + ":historyBefore, :status, :rowsTotal, 0, 0, 0, 0, 0, :createdBy, :createdAt, null, null, null, null, "
                        + "null)",
                new MapSqlParameterSource("id", job.id().toString())
                        .addValue("source", job.source())
                        .addValue("fileName", job.fileName())
                        .addValue("sha", job.fileSha256())
                        .addValue("bytes", job.fileBytes())
                        .addValue("mapping", job.mapping())
                        .addValue("historyBefore", Utc.of(job.historyBefore()))
                        .addValue("status", job.status())
                        .addValue("rowsTotal", job.rowsTotal())
                        .addValue("createdBy", job.createdBy())
                        .addValue("createdAt", Utc.of(job.createdAt())));
    }

    public void insertPart(UUID job, int partNo, byte[] data) {
        jdbc.update(
                "insert into import_file_part (job_id, part_no, data) values (:job, :part, :data)",
                new MapSqlParameterSource("job", job.toString())
                        .addValue("part", partNo)
                        .addValue("data", data, Types.BLOB));
    }

    /** The file as it was uploaded, read one part at a time. */
    public InputStream file(UUID job) {
        List<Integer> parts = jdbc.queryForList(
                "select part_no from import_file_part where job_id = :job order by part_no",
                new MapSqlParameterSource("job", job.toString()),
                Integer.class);
        var iterator = parts.iterator();
        return new SequenceInputStream(new Enumeration<InputStream>() {
            @Override
            public boolean hasMoreElements() {
                return iterator.hasNext();
            }

            @Override
            public InputStream nextElement() {
                if (!iterator.hasNext()) {
                    throw new NoSuchElementException();
                }
                byte[] data = jdbc.queryForObject(
                        "select data from import_file_part where job_id = :job and part_no = :part",
                        new MapSqlParameterSource("job", job.toString()).addValue("part", iterator.next()),
                        (rs, n) -> rs.getBytes(1));
                return new ByteArrayInputStream(data);
            }
        });
    }

    public void deleteFile(UUID job) {
        jdbc.update(
                "delete from import_file_part where job_id = :job", new MapSqlParameterSource("job", job.toString()));
    }

    public Optional<Job> find(UUID id) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from import_job where id = :id",
                        new MapSqlParameterSource("id", id.toString()),
                        JOB)
                .stream()
                .findFirst();
    }

    public List<Job> latest(int count) {
        return jdbc.query("select " + COLUMNS + " from import_job order by created_at desc limit " + count, JOB);
    }

    public Optional<Job> sameFile(String source, String sha256) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from import_job where source = :source and file_sha256 = :sha "
                                + "and status <> 'failed' order by created_at desc",
                        new MapSqlParameterSource("source", source).addValue("sha", sha256),
                        JOB)
                .stream()
                .findFirst();
    }

    /** Jobs that wait for a node: queued, or running on a node whose lease ran out (it stopped or died). */
    public List<UUID> waiting(Instant now) {
        return jdbc
                .queryForList(
                        "select id from import_job where status in ('queued', 'running') "
                                + "and (lease_until is null or lease_until < :now) order by created_at",
                        new MapSqlParameterSource("now", Utc.of(now)),
                        String.class)
                .stream()
                .map(UUID::fromString)
                .toList();
    }

    /** Takes the job for this node unless another holds an unexpired lease; true if taken. */
    public boolean claim(UUID id, String owner, Instant now, Instant until) {
        return jdbc.update(
                        "update import_job set status = 'running', lease_owner = :owner, lease_until = :until, "
                                + "started_at = coalesce(started_at, :now) where id = :id and status in ('queued', 'running') "
                                + "and (lease_until is null or lease_until < :now)",
                        new MapSqlParameterSource("owner", owner)
                                .addValue("until", Utc.of(until))
                                .addValue("now", Utc.of(now))
                                .addValue("id", id.toString()))
                == 1;
    }

    /**
     * Renews the lease, first thing in a batch's transaction: it locks the job's row, so that no other node can take
     * the job while the batch runs, and it fails if another already did.
     */
    public boolean renew(UUID id, String owner, Instant until) {
        return jdbc.update(
                        "update import_job set lease_until = :until where id = :id and lease_owner = :owner "
                                + "and status = 'running'",
                        new MapSqlParameterSource("until", Utc.of(until))
                                .addValue("id", id.toString())
                                .addValue("owner", owner))
                == 1;
    }

    public void advance(UUID id, Progress progress) {
        jdbc.update(
                "update import_job set rows_done = rows_done + :rows, stored = stored + :stored, "
                        + "cases = cases + :cases, already = already + :already, refused = refused + :refused "
                        + "where id = :id",
                new MapSqlParameterSource("rows", progress.rows())
                        .addValue("stored", progress.stored())
                        .addValue("cases", progress.cases())
                        .addValue("already", progress.already())
                        .addValue("refused", progress.refused())
                        .addValue("id", id.toString()));
    }

    public void finish(UUID id, String status, String failure, Instant now) {
        jdbc.update(
                "update import_job set status = :status, failure = :failure, finished_at = :now, lease_owner = null, "
                        + "lease_until = null where id = :id",
                new MapSqlParameterSource("status", status)
                        .addValue("failure", failure, Types.VARCHAR)
                        .addValue("now", Utc.of(now))
                        .addValue("id", id.toString()));
    }

    public void addProblems(UUID job, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "insert into import_problem (job_id, row_no, field, message) values (:job, :row, :field, :message)",
                problems.stream()
                        .map(p -> new MapSqlParameterSource("job", job.toString())
                                .addValue("row", p.row())
                                .addValue("field", cut(p.field(), 200))
                                .addValue("message", cut(p.message(), 1000)))
                        .toArray(MapSqlParameterSource[]::new));
    }

    public int problemCount(UUID job) {
        Integer count = jdbc.queryForObject(
                "select count(*) from import_problem where job_id = :job",
                new MapSqlParameterSource("job", job.toString()),
                Integer.class);
        return count == null ? 0 : count;
    }

    public List<Problem> problems(UUID job, int limit) {
        return jdbc.query(
                "select row_no, field, message from import_problem where job_id = :job order by row_no " + "limit "
                        + limit,
                new MapSqlParameterSource("job", job.toString()),
                (rs, n) -> new Problem(rs.getInt(1), rs.getString(2), rs.getString(3)));
    }

    public Optional<String> mapping(String source) {
        return jdbc
                .queryForList(
                        "select mapping from import_mapping where source = :source",
                        new MapSqlParameterSource("source", source),
                        String.class)
                .stream()
                .findFirst();
    }

    public List<String> mappedSources() {
        return jdbc.queryForList(
                "select source from import_mapping order by source", new MapSqlParameterSource(), String.class);
    }

    public void saveMapping(String source, String mapping, Instant now, String by) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("source", source)
                .addValue("mapping", mapping)
                .addValue("now", Utc.of(now))
                .addValue("by", by);
        if (jdbc.update(
                        "update import_mapping set mapping = :mapping, updated_at = :now, updated_by = :by "
                                + "where source = :source",
                        parameters)
                == 0) {
            jdbc.update(
                    "insert into import_mapping (source, mapping, updated_at, updated_by) "
                            + "values (:source, :mapping, :now, :by)",
                    parameters);
        }
    }

    private static String cut(String text, int length) {
        return text == null ? "" : text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static final RowMapper<Job> JOB = (rs, n) -> new Job(
            UUID.fromString(rs.getString("id")),
            rs.getString("source"),
            rs.getString("file_name"),
            rs.getString("file_sha256"),
            rs.getLong("file_bytes"),
            rs.getString("mapping"),
            Utc.read(rs, "history_before"),
            rs.getString("status"),
            rs.getInt("rows_total"),
            rs.getInt("rows_done"),
            rs.getInt("stored"),
            rs.getInt("cases"),
            rs.getInt("already"),
            rs.getInt("refused"),
            rs.getString("created_by"),
            Utc.read(rs, "created_at"),
            Utc.read(rs, "started_at"),
            Utc.read(rs, "finished_at"),
            rs.getString("lease_owner"),
            Utc.read(rs, "lease_until"),
            rs.getString("failure"));
}
