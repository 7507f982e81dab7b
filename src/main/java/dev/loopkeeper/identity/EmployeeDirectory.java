package dev.loopkeeper.identity;

import dev.loopkeeper.identity.domain.DirectoryEntries;
import dev.loopkeeper.identity.domain.DirectoryEntry;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.Reason;
import dev.loopkeeper.sharedkernel.Refusal;
import dev.loopkeeper.sharedkernel.Words;
import dev.loopkeeper.sharedkernel.audit.AuditAction;
import dev.loopkeeper.sharedkernel.audit.Audited;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff, locations, teams and processes customers praise by name, each with the manager who hears of it. Process
 * owners and admins keep it, on the directory screen or by importing a CSV file.
 */
@Service
@Transactional(readOnly = true)
public class EmployeeDirectory {

    /** The columns of an import, in the order the screen documents them; {@code aliases} and {@code location} may be empty. */
    public static final List<String> CSV_COLUMNS = List.of("kind", "name", "aliases", "location", "manager");

    /** What an import did: rows added and changed, or, if any row was refused, the reasons and nothing stored. */
    public record Imported(int added, int changed, List<Reason> refused) {

        /** What is wrong, in English. */
        public List<String> problems() {
            return refused.stream().map(Reason::message).toList();
        }
    }

    private final DirectoryEntries entries;
    private final Directory directory;
    private final ApplicationEventPublisher events;

    EmployeeDirectory(DirectoryEntries entries, Directory directory, ApplicationEventPublisher events) {
        this.entries = entries;
        this.directory = directory;
        this.events = events;
    }

    /**
     * The entries a comment names. A person's name counts only as a whole word written with a capital letter, as
     * names are written, so "will" or "grace" in a sentence do not praise Will or Grace; a location, team or process
     * counts as whole words in any case ("the installation team").
     */
    public List<Mention> namedIn(String text) {
        List<Mention> named = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return named;
        }
        for (DirectoryEntry entry : entries.findAll()) {
            for (String name : entry.names()) {
                if (entry.getKind() == EntryKind.EMPLOYEE ? mentions(text, name) : mentionsAnyCase(text, name)) {
                    named.add(new Mention(
                            entry.getId(),
                            entry.getKind(),
                            entry.getName(),
                            entry.getLocation(),
                            name,
                            entry.getManagerUserId()));
                    break;
                }
            }
        }
        return named;
    }

    /** Every entry, by kind and name. */
    public List<DirectoryListing> entries() {
        return entries.findAllByOrderByKindAscNameAsc().stream()
                .map(EmployeeDirectory::listing)
                .toList();
    }

    /**
     * Adds an entry (no id) or changes one.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    @Transactional
    public DirectoryListing save(Actor actor, DirectoryListing listing) {
        requireKeeper(actor);
        List<Reason> problems = problems(listing);
        if (!problems.isEmpty()) {
            throw new Refusal(
                    String.join("; ", problems.stream().map(Reason::message).toList()),
                    problems.stream()
                            .map(Reason::words)
                            .reduce((first, next) -> Words.of("identity.directory.refused.and", first, next))
                            .orElseThrow());
        }
        DirectoryEntry entry;
        if (listing.id() == null) {
            entry = entries.save(new DirectoryEntry(
                    listing.kind(),
                    listing.name().strip(),
                    blankToNull(listing.aliases()),
                    blankToNull(listing.location()),
                    listing.managerUserId().strip()));
        } else {
            entry = entries.findById(listing.id())
                    .orElseThrow(() -> new IllegalArgumentException("No directory entry " + listing.id()));
            entry.change(
                    listing.kind(),
                    listing.name().strip(),
                    blankToNull(listing.aliases()),
                    blankToNull(listing.location()),
                    listing.managerUserId().strip());
        }
        events.publishEvent(Audited.of(actor.userId(), AuditAction.DIRECTORY_CHANGE, entry.getId())
                .detail((listing.id() == null ? "added " : "changed ") + listing.kind() + " "
                        + listing.name().strip()));
        return listing(entry);
    }

    @Transactional
    public void remove(Actor actor, UUID entryId) {
        requireKeeper(actor);
        entries.deleteById(entryId);
        events.publishEvent(Audited.of(actor.userId(), AuditAction.DIRECTORY_CHANGE, entryId)
                .detail("removed"));
    }

    /**
     * Reads a CSV file with the header {@link #CSV_COLUMNS} (comma or semicolon separated, UTF-8 with or without a
     * byte-order mark) and adds its rows, or changes the entry of the same kind and name. All or nothing: a file with
     * a refused row stores none, and says what is wrong with each.
     */
    @Transactional
    public Imported importCsv(Actor actor, InputStream csv) {
        requireKeeper(actor);
        Map<Integer, DirectoryListing> rows = new LinkedHashMap<>();
        List<Reason> problems = new ArrayList<>();
        try (CSVParser parser = parser(csv)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.strip().toLowerCase(Locale.ROOT))
                    .toList();
            if (!header.containsAll(List.of("kind", "name", "manager"))) {
                String columns = String.join(", ", CSV_COLUMNS);
                return new Imported(
                        0,
                        0,
                        List.of(Reason.of(
                                "The first line must name the columns " + columns,
                                "identity.directory.refused.header",
                                columns)));
            }
            int line = 1;
            for (CSVRecord record : parser) {
                line++;
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    cells.put(header.get(i), record.get(i));
                }
                try {
                    DirectoryListing listing = new DirectoryListing(
                            null,
                            EntryKind.of(cells.get("kind")),
                            cells.getOrDefault("name", ""),
                            cells.get("aliases"),
                            cells.get("location"),
                            cells.getOrDefault("manager", ""));
                    List<Reason> wrong = problems(listing);
                    if (wrong.isEmpty()) {
                        rows.put(line, listing);
                    } else {
                        for (Reason problem : wrong) {
                            problems.add(atLine(line, problem));
                        }
                    }
                } catch (Refusal badKind) {
                    problems.add(atLine(line, new Reason(badKind.getMessage(), badKind.words())));
                }
            }
        } catch (IOException | UncheckedIOException unreadable) {
            return new Imported(
                    0,
                    0,
                    List.of(Reason.of(
                            "The file is not CSV: " + unreadable.getMessage(),
                            "identity.directory.refused.not-csv",
                            unreadable.getMessage())));
        }
        if (!problems.isEmpty()) {
            return new Imported(0, 0, problems);
        }
        int added = 0;
        int changed = 0;
        for (DirectoryListing row : rows.values()) {
            var existing =
                    entries.findByKindAndNameIgnoreCase(row.kind(), row.name().strip());
            if (existing.isPresent()) {
                save(actor, withId(row, existing.get().getId()));
                changed++;
            } else {
                save(actor, row);
                added++;
            }
        }
        return new Imported(added, changed, List.of());
    }

    static boolean mentions(String text, String name) {
        if (name.isBlank() || !Character.isUpperCase(name.codePointAt(0))) {
            return false;
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])")
                .matcher(text)
                .find();
    }

    static boolean mentionsAnyCase(String text, String name) {
        if (name.isBlank()) {
            return false;
        }
        return Pattern.compile(
                        "(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text)
                .find();
    }

    private List<Reason> problems(DirectoryListing listing) {
        List<Reason> problems = new ArrayList<>();
        if (listing.kind() == null) {
            problems.add(Reason.of("kind is required", "identity.directory.refused.kind-required"));
        }
        if (listing.name() == null || listing.name().isBlank()) {
            problems.add(Reason.of("name is required", "identity.directory.refused.name-required"));
        } else if (listing.name().strip().length() > 200) {
            problems.add(Reason.of("name may have at most 200 characters", "identity.directory.refused.name-long"));
        }
        if (listing.aliases() != null && listing.aliases().length() > 500) {
            problems.add(
                    Reason.of("aliases may have at most 500 characters", "identity.directory.refused.aliases-long"));
        }
        if (listing.location() != null && listing.location().length() > 200) {
            problems.add(
                    Reason.of("location may have at most 200 characters", "identity.directory.refused.location-long"));
        }
        if (listing.managerUserId() == null || listing.managerUserId().isBlank()) {
            problems.add(Reason.of("manager is required", "identity.directory.refused.manager-required"));
        } else if (!directory.isUser(listing.managerUserId().strip())) {
            String manager = listing.managerUserId().strip();
            problems.add(
                    Reason.of("manager names no user: " + manager, "identity.directory.refused.no-manager", manager));
        }
        return problems;
    }

    private static Reason atLine(int line, Reason problem) {
        return new Reason(
                "line " + line + ": " + problem.message(),
                Words.of("identity.directory.refused.line", line, problem.words()));
    }

    private static void requireKeeper(Actor actor) {
        if (!actor.isIn(Groups.PROCESS_OWNERS) && !actor.isIn(Groups.ADMINS)) {
            throw new AccessDeniedException("Only process owners and admins keep the directory");
        }
    }

    private static CSVParser parser(InputStream raw) throws IOException {
        var in = new BufferedInputStream(
                BOMInputStream.builder().setInputStream(raw).get());
        in.mark(1 << 16);
        int commas = 0;
        int semicolons = 0;
        for (int i = 0, b; i < (1 << 16) - 1 && (b = in.read()) != -1 && b != '\n'; i++) {
            commas += b == ',' ? 1 : 0;
            semicolons += b == ';' ? 1 : 0;
        }
        in.reset();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(semicolons > commas ? ';' : ',')
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .get();
        return CSVParser.builder()
                .setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                .setFormat(format)
                .get();
    }

    private static DirectoryListing withId(DirectoryListing listing, UUID id) {
        return new DirectoryListing(
                id, listing.kind(), listing.name(), listing.aliases(), listing.location(), listing.managerUserId());
    }

    private static DirectoryListing listing(DirectoryEntry e) {
        return new DirectoryListing(
                e.getId(), e.getKind(), e.getName(), e.getAliases(), e.getLocation(), e.getManagerUserId());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
