package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.audit.AuditAction;
import dev.loopkeeper.sharedkernel.audit.Audited;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case list's query as CSV: every row the query finds (not the page on screen), written as the database
 * returns them, so an export of a million cases holds one row at a time. Times are ISO-8601 in UTC, for
 * spreadsheets and other tools; a cell that a spreadsheet would run as a formula is quoted with a leading '.
 */
@Service
public class CaseExport {

    static final List<String> HEADER = List.of(
            "case_id",
            "state",
            "closed_as",
            "customer_external_id",
            "customer_name",
            "customer_email",
            "customer_phone",
            "score",
            "segment",
            "region",
            "product",
            "holder",
            "next_due",
            "opened_at",
            "closed_at",
            "comment");

    private final CaseSearch search;
    private final ApplicationEventPublisher events;

    CaseExport(CaseSearch search, ApplicationEventPublisher events) {
        this.search = search;
        this.events = events;
    }

    @Transactional
    public void write(Actor actor, CaseQuery query, ZoneId zone, Sort sort, OutputStream out) {
        events.publishEvent(
                Audited.of(actor.userId(), AuditAction.CASE_EXPORT, "cases").detail(filters(query)));
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(line(HEADER));
            search.each(actor, query, zone, sort, row -> {
                try {
                    writer.write(line(cells(row)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The query's filters for the audit trail. Not its search text: that may be a customer's name, and the trail keeps
     * no personal data of customers (it outlives their erasure).
     */
    static String filters(CaseQuery query) {
        Map<String, List<String>> filters = new LinkedHashMap<>(CaseQueryAddress.parameters(query));
        boolean searched = filters.remove("q") != null;
        String said = filters.entrySet().stream()
                .map(f -> f.getKey() + "=" + String.join("|", f.getValue()))
                .collect(Collectors.joining(" "));
        return (said.isEmpty() ? "all cases" : said) + (searched ? " and a text search" : "");
    }

    private static List<String> cells(CaseRow r) {
        return Arrays.asList(
                r.caseId().toString(),
                r.state().key(),
                r.closedAs() == null ? "" : r.closedAs().key(),
                r.customerExternalId(),
                r.customerName(),
                r.customerEmail(),
                r.customerPhone(),
                String.valueOf(r.score()),
                r.segment().key(),
                r.region(),
                r.product(),
                r.holder(),
                iso(r.nextDue()),
                iso(r.openedAt()),
                iso(r.closedAt()),
                r.comment());
    }

    private static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** One CSV line, formula-safe: the writer of every export (the case list's, the reports' tables). */
    public static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    /** RFC 4180 quoting, and no formulas: =, +, - and @ at the start are defused (OWASP's CSV injection advice). */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("[+-]?[0-9 ().]+")
                ? "'" + value
                : value;
        return v.matches("(?s).*[\",\r\n'].*") || v.startsWith(" ") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
