package dev.loopkeeper.survey;

import dev.loopkeeper.intake.CustomerAudience;
import dev.loopkeeper.intake.CustomerDetails;
import dev.loopkeeper.intake.CustomerProfile;
import dev.loopkeeper.intake.CustomerSearch;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.survey.domain.Invitations;
import dev.loopkeeper.survey.domain.SurveyInvitation;
import dev.loopkeeper.survey.domain.SurveyRun;
import dev.loopkeeper.survey.domain.SurveyRuns;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Surveys to a list of customers (a CSV file, or the lines an API client sends): a run whose invitations the
 * {@link SurveyPostman} sends in the background, a batch per round, under the same rules as any survey. A run shows
 * its progress and can be paused and resumed.
 */
@Service
public class SurveyLists {

    /** The columns of a list; only {@code external_id} and {@code email} are required. */
    public static final List<String> COLUMNS =
            List.of("external_id", "name", "email", "phone", "preferred_channel", "tier", "language");

    static final int MAX_PROBLEMS = 20;
    /** The most customers a query may send one run to; a larger audience is split by narrowing the query. */
    public static final int MAX_AUDIENCE = 50_000;

    private static final int INSERT_BATCH = 500;

    private final SurveyRuns runs;
    private final CustomerSearch customers;
    private final Invitations invitations;
    private final Validator validator;
    private final SurveySettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SurveyLists(
            SurveyRuns runs,
            CustomerSearch customers,
            Invitations invitations,
            Validator validator,
            SurveySettings settings,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.runs = runs;
        this.customers = customers;
        this.invitations = invitations;
        this.validator = validator;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Reads a CSV list (comma or semicolon, a header row naming {@link #COLUMNS}) and starts a run over it.
     *
     * @throws InvalidSurveyList naming the lines that are wrong; nothing is stored then
     */
    public SurveyRunView start(String name, String touchpoint, InputStream csv, String createdBy) {
        return start(name, touchpoint, read(touchpoint, csv), createdBy);
    }

    /** How many customers a run over the audience would ask, before the survey rules skip any. */
    public long count(CustomerAudience audience) {
        return customers.count(audience);
    }

    /**
     * Starts a run over the customers the query finds, in the default language; the survey rules (quiet period, open
     * case, unsubscribed) are asked for each when it is sent, as for a list.
     *
     * @throws InvalidSurveyList if the query finds nobody, or more than {@link #MAX_AUDIENCE}
     */
    public SurveyRunView start(String name, String touchpoint, CustomerAudience audience, String createdBy) {
        List<CustomerProfile> found = customers.members(audience, MAX_AUDIENCE + 1);
        if (found.size() > MAX_AUDIENCE) {
            throw new InvalidSurveyList(List.of(
                    "the query finds more than " + MAX_AUDIENCE + " customers; narrow it and send several runs"));
        }
        return start(
                name,
                touchpoint,
                found.stream()
                        .map(c -> new SurveyRequest(
                                new CustomerDetails(
                                        c.externalId(),
                                        c.name(),
                                        c.email(),
                                        c.phone(),
                                        c.preferredChannel(),
                                        c.tier(),
                                        null),
                                touchpoint,
                                null))
                        .toList(),
                createdBy);
    }

    /** Starts a run over these customers; each is validated as {@code POST /api/surveys} would. */
    public SurveyRunView start(String name, String touchpoint, List<SurveyRequest> customers, String createdBy) {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add("name: 1 to 200 characters");
        }
        for (int i = 0; i < customers.size() && problems.size() < MAX_PROBLEMS; i++) {
            for (ConstraintViolation<SurveyRequest> v : validator.validate(customers.get(i))) {
                problems.add("line " + (i + 2) + ": " + v.getPropertyPath() + " " + v.getMessage());
            }
        }
        if (customers.isEmpty()) {
            problems.add("the list has no customers");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSurveyList(problems.stream().limit(MAX_PROBLEMS).toList());
        }
        Instant now = clock.instant();
        SurveyRun run =
                transaction.execute(tx -> runs.save(new SurveyRun(name, touchpoint, customers.size(), createdBy, now)));
        // One transaction per batch of rows: a list of 10k does not hold one long transaction; the run is paused
        // while the rows go in, so the postman never sends half a list that then fails
        transaction.executeWithoutResult(
                tx -> runs.findById(run.getId()).orElseThrow().pause());
        for (int from = 0; from < customers.size(); from += INSERT_BATCH) {
            List<SurveyRequest> part = customers.subList(from, Math.min(customers.size(), from + INSERT_BATCH));
            transaction.executeWithoutResult(tx -> invitations.saveAll(part.stream()
                    .map(r -> new SurveyInvitation(recipient(r), touchpoint, run.getId(), now, now))
                    .toList()));
        }
        transaction.executeWithoutResult(
                tx -> runs.findById(run.getId()).orElseThrow().resume());
        return progress(run.getId()).orElseThrow();
    }

    public Optional<SurveyRunView> progress(UUID runId) {
        return runs.findById(runId).map(this::view);
    }

    /** The latest runs, newest first. */
    public List<SurveyRunView> latest() {
        return runs.findTop50ByOrderByCreatedAtDesc().stream().map(this::view).toList();
    }

    /** Stops sending the run's invitations after the batch in flight; nothing is lost. */
    public Optional<SurveyRunView> pause(UUID runId) {
        return change(runId, SurveyRun::pause);
    }

    public Optional<SurveyRunView> resume(UUID runId) {
        return change(runId, SurveyRun::resume);
    }

    private Optional<SurveyRunView> change(UUID runId, java.util.function.Consumer<SurveyRun> change) {
        boolean found = Boolean.TRUE.equals(transaction.execute(tx -> runs.findById(runId)
                .map(run -> {
                    change.accept(run);
                    return true;
                })
                .orElse(false)));
        return found ? progress(runId) : Optional.empty();
    }

    private SurveyRunView view(SurveyRun run) {
        Map<InvitationStatus, Long> counts = new EnumMap<>(InvitationStatus.class);
        for (InvitationStatus status : InvitationStatus.values()) {
            long count = invitations.countByRunIdAndStatus(run.getId(), status);
            if (count > 0) {
                counts.put(status, count);
            }
        }
        return new SurveyRunView(
                run.getId(),
                run.getName(),
                run.getTouchpoint(),
                run.getTotal(),
                run.isPaused(),
                run.getCreatedBy(),
                run.getCreatedAt(),
                counts);
    }

    private SurveyInvitation.Recipient recipient(SurveyRequest r) {
        CustomerDetails c = r.customer();
        return new SurveyInvitation.Recipient(
                c.externalId(),
                c.name(),
                c.email(),
                c.phone(),
                c.preferredChannel(),
                c.tier(),
                r.language() == null || r.language().isBlank() ? settings.defaultLanguage() : r.language());
    }

    private static List<SurveyRequest> read(String touchpoint, InputStream csv) {
        String text;
        try {
            text = new String(csv.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(CSVFormat.RFC4180
                        .builder()
                        .setDelimiter(delimiter(text))
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true)
                        .setTrim(true)
                        .get())
                .get()) {
            if (!parser.getHeaderNames().contains("external_id")
                    || !parser.getHeaderNames().contains("email")) {
                throw new InvalidSurveyList(List.of("the header row must name external_id and email (columns: "
                        + String.join(", ", COLUMNS) + ")"));
            }
            List<SurveyRequest> requests = new ArrayList<>();
            for (CSVRecord row : parser) {
                requests.add(new SurveyRequest(
                        new CustomerDetails(
                                value(row, "external_id"),
                                value(row, "name"),
                                value(row, "email"),
                                value(row, "phone"),
                                channel(value(row, "preferred_channel")),
                                value(row, "tier"),
                                null),
                        touchpoint,
                        value(row, "language")));
            }
            return requests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException malformed) {
            throw new InvalidSurveyList(List.of("not a CSV list: " + malformed.getMessage()));
        }
    }

    /** Lists come with commas; spreadsheet programs in many countries write semicolons. */
    private static char delimiter(String text) {
        String header = text.lines().findFirst().orElse("");
        return header.chars().filter(c -> c == ';').count()
                        > header.chars().filter(c -> c == ',').count()
                ? ';'
                : ',';
    }

    private static String value(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    private static Channel channel(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Channel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidSurveyList(List.of("preferred_channel: phone, email or sms, not " + value));
        }
    }
}
