package dev.loopkeeper.reporting;

import dev.loopkeeper.reporting.ReportPeriod.Granularity;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * The company's report of a calendar month, as an HTML email to {@code loopkeeper.reports.monthly.recipients}: NPS
 * with its margin and change, the loop's own numbers, revenue at risk and protected, and two charts as PNG images
 * (mail clients run no scripts). Sent by {@code bpmn/monthly-report.bpmn} on the first of each month.
 */
@Service
public class MonthlyReport {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReport.class);

    /** What was sent: the month, to whom, and the HTML (for tests and the log). */
    public record Sent(YearMonth month, List<String> recipients, String html) {}

    private final NpsTrend nps;
    private final LoopKpis kpis;
    private final RevenueProtection revenue;
    private final ReportSettings settings;
    private final ReportCounts counts;
    private final JavaMailSender mail;
    private final Clock clock;

    MonthlyReport(
            NpsTrend nps,
            LoopKpis kpis,
            RevenueProtection revenue,
            ReportSettings settings,
            ReportCounts counts,
            JavaMailSender mail,
            Clock clock) {
        this.nps = nps;
        this.kpis = kpis;
        this.revenue = revenue;
        this.settings = settings;
        this.counts = counts;
        this.mail = mail;
        this.clock = clock;
    }

    /** The month before today's, in the report's zone. */
    public Sent sendForLastMonth() {
        ZoneId zone = settings.monthly().zone();
        return send(YearMonth.from(LocalDate.now(clock.withZone(zone))).minusMonths(1));
    }

    public Sent send(YearMonth month) {
        ZoneId zone = settings.monthly().zone();
        ReportPeriod period = new ReportPeriod(month.atDay(1), month.atEndOfMonth(), zone, Granularity.MONTH);
        ReportPeriod year =
                new ReportPeriod(month.minusMonths(11).atDay(1), month.atEndOfMonth(), zone, Granularity.MONTH);
        ReportScope company = ReportScope.company(period);
        // sent once a month and kept in inboxes: counted up to this moment, not up to the last background round
        counts.countChanges();
        Nps score = nps.of(period);
        Nps.Change change = nps.change(period);
        LoopKpis.FollowUpRate followUp =
                kpis.followUpRate(company).get(kpis.followUpRate(company).size() - 1);
        LoopKpis.Spread toContact = kpis.timeToFirstContact(company);
        LoopKpis.Reachability reach = kpis.reachability(company);
        LoopKpis.Recovery recovery = kpis.detractorRecovery(company);
        long breaches = kpis.breachesByGroup(company).stream()
                .mapToLong(LoopKpis.Count::count)
                .sum();
        RevenueProtection.Point money = revenue.of(period).get(0);

        byte[] npsChart = ChartImage.bars(
                "NPS per month",
                nps.overall(year).stream()
                        .map(p -> new ChartImage.Bar(
                                p.bucket().label().substring(2),
                                p.nps().responses() == 0
                                        ? Double.NaN
                                        : Math.round(p.nps().score() * 10) / 10.0))
                        .toList());
        byte[] contactChart = ChartImage.bars(
                "Cases by time to first contact",
                kpis.timeToFirstContactBands(company).stream()
                        .map(c -> new ChartImage.Bar(c.key(), c.count()))
                        .toList());

        String html = "<html><body style=\"font-family:sans-serif\">"
                + "<h1>Loopkeeper: the loop in " + month + "</h1>"
                + "<p>Calendar month in " + esc(zone.getId()) + ".</p>"
                + "<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">"
                + row(
                        "NPS",
                        String.format(
                                "%+.1f ± %.1f (95 %%), %d responses%s",
                                score.score(),
                                score.marginOfError(),
                                score.responses(),
                                score.tooSmallToCompare() ? ", too small to compare" : ""))
                + row(
                        "Against the month before",
                        change.tooSmall()
                                ? "too small to compare"
                                : String.format("%+.1f points, %s", change.points(), change.verdict()))
                + row(
                        "Follow-up rate",
                        followUp.contacted() + " of " + followUp.needed() + " (" + percent(followUp.percent()) + ")")
                + row(
                        "Time to first contact",
                        "median " + duration(toContact.median()) + ", 90th percentile " + duration(toContact.p90()))
                + row("Unreachable", reach.unreachable() + " (" + percent(reach.unreachablePercent()) + ")")
                + row("SLA breaches", String.valueOf(breaches))
                + row(
                        "Detractors who came back passive or promoter",
                        recovery.recovered() + " of " + recovery.answered() + " re-surveyed ("
                                + percent(recovery.percent()) + ")")
                + row("Revenue at risk", money.totalAtRisk().toPlainString())
                + row("Revenue protected", money.protectedRevenue().toPlainString())
                + "</table>"
                + "<p><small>" + esc(revenue.formula()) + "</small></p>"
                + "<p><img src=\"cid:nps\" alt=\"NPS per month, the last 12 months\"></p>"
                + "<p><img src=\"cid:contact\" alt=\"Cases by time to first contact\"></p>"
                + "</body></html>";
        List<String> recipients = settings.monthly().recipients().stream()
                .filter(r -> !r.isBlank())
                .toList();
        if (recipients.isEmpty()) {
            log.info("The monthly report of {} has no recipients (loopkeeper.reports.monthly.recipients)", month);
            return new Sent(month, recipients, html);
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.monthly().from());
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject("Loopkeeper: the loop in " + month);
            helper.setText(html, true);
            helper.addInline("nps", new ByteArrayResource(npsChart), "image/png");
            helper.addInline("contact", new ByteArrayResource(contactChart), "image/png");
            mail.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("The monthly report of " + month + " could not be written", e);
        }
        return new Sent(month, recipients, html);
    }

    private static String row(String label, String value) {
        return "<tr><th align=\"left\">" + esc(label) + "</th><td>" + esc(value) + "</td></tr>";
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String percent(Double value) {
        return value == null ? "–" : String.format("%.1f %%", value);
    }

    private static String duration(Duration d) {
        if (d == null) {
            return "–";
        }
        return d.toDays() > 0
                ? d.toDays() + " d " + d.toHoursPart() + " h"
                : d.toHours() + " h " + d.toMinutesPart() + " min";
    }
}
