package dev.loopkeeper.demo;

import dev.loopkeeper.intake.CustomerDetails;
import dev.loopkeeper.intake.ResponseSubmission;
import dev.loopkeeper.sharedkernel.Channel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * The made-up customers and what they said: the same every time (a fixed random seed), so screenshots and the
 * README can name them. Customers answer more than once, scores follow a plausible NPS mix, comments speak of
 * the themes the case screen highlights, and each region and product has its own.
 */
final class DemoHistory {

    /** The source of the seeded responses, so they can be told from real ones. */
    static final String SOURCE = "demo-survey";

    /** One response, and how its case is to go. */
    record Story(ResponseSubmission response, Script script, String theme) {}

    /** How a case goes after intake. */
    enum Script {
        /** Reached within the SLA, resolved, the loop closed. */
        RESOLVED,
        /** Reached, resolved as systemic and linked to an improvement action: it waits for the fix. */
        SYSTEMIC,
        /** Nobody got to it in time: the SLA breached, a supervisor gave it more time, then it was resolved. */
        BREACHED_THEN_RESOLVED,
        /** Nobody got to it: breached, waiting in the escalation queue. */
        BREACHED,
        /** Nobody answered on any channel. */
        UNREACHABLE,
        /** One unanswered call: waiting for the customer's reply or the next try. */
        NO_ANSWER,
        /** Recent: still with the team. */
        FRESH,
        /** A promoter: the process thanks them, or a colleague does. */
        PROMOTER;

        /**
         * Whether the case may still be open when the demo starts, so that a detractor's new response would join it
         * (a systemic case waits for its fix: only the billing fix is announced).
         */
        boolean leavesCaseOpen() {
            return this == SYSTEMIC || this == BREACHED || this == NO_ANSWER || this == FRESH;
        }
    }

    private static final String[] FIRST = {
        "John", "Maria", "Ahmed", "Sofia", "Lukas", "Emma", "Chen", "Aisha", "Pedro", "Hannah", "Oliver", "Yuki",
        "Fatima", "Liam", "Elena", "Noah", "Priya", "Jonas", "Chloe", "Mateo", "Anna", "Ravi", "Lea", "Tom", "Grace",
        "Ivan", "Nora", "Samuel", "Ines", "Kai"
    };
    private static final String[] LAST = {
        "Smith",
        "Lopez",
        "Khan",
        "Rossi",
        "Becker",
        "Dubois",
        "Wang",
        "Okafor",
        "Silva",
        "Schmidt",
        "Brown",
        "Tanaka",
        "Haddad",
        "Murphy",
        "Garcia",
        "Novak",
        "Patel",
        "Weber",
        "Martin",
        "Fernandez",
        "Kowalski",
        "Ng",
        "Meyer"
    };

    private record Region(String name, double share, String phonePrefix, String zone, String[] locations) {}

    private static final List<Region> REGIONS = List.of(
            new Region("EMEA", 0.35, "+34 6", "Europe/Madrid", new String[] {"Madrid", "Barcelona", "Lisbon"}),
            new Region("UK", 0.2, "+44 7", "Europe/London", new String[] {"London", "Manchester"}),
            new Region("DACH", 0.15, "+49 15", "Europe/Berlin", new String[] {"Berlin", "Munich", "Vienna"}),
            new Region("US", 0.2, "+1 212 ", "America/New_York", new String[] {"New York", "Chicago", "Austin"}),
            new Region("APAC", 0.1, "+65 8", "Asia/Singapore", new String[] {"Singapore", "Sydney"}));

    private static final String[] PRODUCTS = {"Broadband", "Mobile", "TV", "Energy"};

    /** Comments by theme; the theme decides the root cause of a resolution. */
    static final Map<String, String[]> DETRACTOR = Map.of(
            "billing",
            new String[] {
                "I was charged twice for the same month and nobody can tell me why.",
                "My bill went up without any notice. Third time this year.",
                "Still waiting for the refund I was promised three weeks ago."
            },
            "reliability",
            new String[] {
                "The internet drops every evening around eight. Useless for working from home.",
                "Outage for two days and no information at all.",
                "The connection keeps disconnecting since the last update."
            },
            "waiting",
            new String[] {
                "Waited 45 minutes on the hotline and then the call was cut.",
                "The technician was four hours late and did not call ahead.",
                "It took two weeks to get an installation date."
            },
            "communication",
            new String[] {
                "Nobody called me back as promised. I had to explain everything again.",
                "Three different answers from three different agents.",
                "I was told my case was closed, but nothing was fixed."
            });

    static final String[] PASSIVE = {
        "Works fine, but the app is slow and confusing.",
        "Service is ok. The price is a bit high for what you get.",
        "Installation took longer than expected, otherwise fine.",
        "Good coverage, but the support chat takes long to answer."
    };
    static final String[] PROMOTER = {
        "Brilliant support from Marta, solved it in minutes.",
        "Fast, friendly and helpful. Never had an outage.",
        "Great value and the technician was very kind.",
        "Switched last year and never looked back."
    };

    /** How long before the seed's moment the customer who did not pick up answered the survey. */
    private static final Duration UNANSWERED_CALL_AGO = Duration.ofHours(4);

    private final Random random = new Random(14);
    private final List<Person> people = new ArrayList<>();
    private final Person notReachedYet = new Person(
            new CustomerDetails(
                    "CUST-19001",
                    "Noor Haddad",
                    "noor.haddad@example.com",
                    "+44 77009001",
                    Channel.PHONE,
                    "standard",
                    new BigDecimal(900)),
            REGIONS.get(1),
            "London",
            PRODUCTS[0]);

    private final Person chargedTwice = new Person(
            new CustomerDetails(
                    "CUST-19002",
                    "Lena Vogel",
                    "lena.vogel@example.com",
                    "+49 15112002",
                    Channel.EMAIL,
                    "gold",
                    new BigDecimal(4_200)),
            REGIONS.get(2),
            "Berlin",
            PRODUCTS[1]);

    /**
     * The survey team, who send themselves the survey tool's test: a customer of the draw may have an open case that
     * the test would join (so it did on a draw of 2026-12-05), leaving no case closed without follow-up.
     */
    private final Person surveyTeam = new Person(
            new CustomerDetails(
                    "CUST-19003",
                    "Survey Team",
                    "survey-team@example.com",
                    null,
                    Channel.EMAIL,
                    "standard",
                    BigDecimal.ZERO),
            REGIONS.get(0),
            "Madrid",
            PRODUCTS[0]);

    private record Person(CustomerDetails details, Region region, String location, String product) {}

    DemoHistory() {
        for (int i = 0; i < 140; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i * 7 + i / FIRST.length) % LAST.length];
            Region region = region();
            String tier = pick(0.7, "standard", 0.2, "gold", 0.1, "platinum");
            boolean hasEmail = random.nextDouble() < 0.9;
            boolean hasPhone = random.nextDouble() < 0.9 || !hasEmail;
            String phone = region.phonePrefix()
                    + String.format("%08d", random.nextInt(100_000_000)).substring(0, 7);
            people.add(new Person(
                    new CustomerDetails(
                            "CUST-" + (10_400 + i * 13),
                            first + " " + last,
                            hasEmail ? (first + "." + last + i).toLowerCase() + "@example.com" : null,
                            hasPhone ? phone : null,
                            hasPhone && random.nextDouble() < 0.6
                                    ? Channel.PHONE
                                    : hasEmail ? Channel.EMAIL : Channel.PHONE,
                            tier,
                            new BigDecimal(200 + random.nextInt(tier.equals("standard") ? 2_000 : 12_000))),
                    region,
                    region.locations()[random.nextInt(region.locations().length)],
                    PRODUCTS[random.nextInt(PRODUCTS.length)]));
        }
    }

    /**
     * About {@code perDay} responses a day over the days before today, oldest first, each with how its case goes.
     * John Smith answers several times, so the README's search for "John" finds cases in every state.
     */
    List<Story> stories(Instant now, int days, double perDay) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Story> stories = new ArrayList<>();
        for (int ago = days; ago >= 0; ago--) {
            LocalDate day = today.minusDays(ago);
            int count = (int) Math.round(perDay * (0.6 + random.nextDouble() * 0.8));
            if (day.getDayOfWeek().getValue() >= 6) {
                count = count / 3;
            }
            for (int i = 0; i < count; i++) {
                Person person = ago % 11 == 3 && i == 0 ? people.get(0) : people.get(random.nextInt(people.size()));
                stories.add(story(person, day, ago));
            }
        }
        // older unanswered calls have had their retry or breached by now, and a weekend's few answers may hold no
        // new one: a customer who answered a few hours ago did not pick up, so the demo always has a case waiting
        // for a reply or the retry. Hours, not a day: at a random hour yesterday the call's 24-hour SLA had run out
        // by the seed's time of day on some runs (2026-12-01 11:35 UTC), and the case waited for a supervisor
        // instead. Someone of their own, with a phone and an email: a customer of the draw may still have an open
        // case, which the answer would join instead of opening one (so it was, on some days), and with one channel
        // only the loop would have none left to retry on
        String theme = theme();
        stories.add(new Story(
                response(notReachedYet, now.minus(UNANSWERED_CALL_AGO), 4, comment(4, theme)),
                Script.NO_ANSWER,
                theme));
        // the survey tool's own test a week ago: touchpoint "test", which the policy gives no follow-up
        ResponseSubmission probe =
                response(surveyTeam, today.minusDays(7), 5, "Testing the new survey link, please ignore");
        stories.add(new Story(
                new ResponseSubmission(
                        probe.source(),
                        probe.sourceEventId(),
                        probe.respondedAt(),
                        probe.score(),
                        probe.comment(),
                        probe.customer(),
                        probe.properties(),
                        "test"),
                Script.FRESH,
                theme));
        // the billing fix is announced to the customers waiting for it, so one always waits: charged twice two months
        // ago, her case linked to the action (the draw alone left nobody waiting on some days, 2026-12-01 among them)
        stories.add(new Story(
                response(chargedTwice, today.minusDays(60), 2, DETRACTOR.get("billing")[0]),
                Script.SYSTEMIC,
                "billing"));
        stories.sort(Comparator.comparing(s -> s.response().respondedAt()));
        return stories;
    }

    /** Older answers, from before Loopkeeper: history without cases, for the customers' score over time. */
    List<ResponseSubmission> past(LocalDate today, int days) {
        List<ResponseSubmission> past = new ArrayList<>();
        for (Person person : people) {
            // John Smith, whom the README looks up, always has one: his customer page shows history on any day
            if (random.nextDouble() < 0.5 || person == people.get(0)) {
                LocalDate day = today.minusDays(days + 30 + random.nextInt(300));
                int score = score();
                past.add(response(person, day, score, comment(score, theme())));
            }
        }
        return past;
    }

    private Story story(Person person, LocalDate day, int ago) {
        int score = score();
        String theme = theme();
        Script script;
        if (score >= 9) {
            script = Script.PROMOTER;
        } else if (ago <= 1) {
            script = Script.FRESH;
        } else {
            double r = random.nextDouble();
            script = r < 0.5
                    ? Script.RESOLVED
                    : r < 0.62
                            ? Script.SYSTEMIC
                            : r < 0.72
                                    ? Script.BREACHED_THEN_RESOLVED
                                    : r < 0.8 ? Script.BREACHED : r < 0.9 ? Script.UNREACHABLE : Script.NO_ANSWER;
            if (ago > 30 && (script == Script.BREACHED || script == Script.NO_ANSWER)) {
                script = Script.RESOLVED;
            }
        }
        // John Smith, for whom the README's journey opens a case by hand, has none left open: a detractor's new case
        // would join it (so it did on 2026-12-01, his case waiting for a fix)
        if (person == people.get(0) && script.leavesCaseOpen()) {
            script = Script.RESOLVED;
        }
        return new Story(response(person, day, score, comment(score, theme)), script, theme);
    }

    private ResponseSubmission response(Person person, LocalDate day, int score, String comment) {
        ZoneId zone = ZoneId.of(person.region().zone());
        Instant at = day.atTime(8 + random.nextInt(10), random.nextInt(60))
                .atZone(zone)
                .toInstant();
        return response(person, at, score, comment);
    }

    private ResponseSubmission response(Person person, Instant at, int score, String comment) {
        LocalDate day = LocalDate.ofInstant(at, ZoneId.of(person.region().zone()));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("region", person.region().name());
        properties.put("location", person.location());
        properties.put("product", person.product());
        return new ResponseSubmission(
                SOURCE,
                "demo-" + day + "-" + person.details().externalId() + "-" + Math.abs(random.nextInt()),
                at,
                score,
                comment,
                person.details(),
                properties);
    }

    private String comment(int score, String theme) {
        if (score >= 9) {
            return PROMOTER[random.nextInt(PROMOTER.length)];
        }
        if (score >= 7) {
            return PASSIVE[random.nextInt(PASSIVE.length)];
        }
        String[] options = DETRACTOR.get(theme);
        return options[random.nextInt(options.length)];
    }

    /** About 30 % detractors, 25 % passives, 45 % promoters. */
    private int score() {
        double r = random.nextDouble();
        if (r < 0.3) {
            return random.nextInt(7);
        }
        return r < 0.55 ? 7 + random.nextInt(2) : 9 + random.nextInt(2);
    }

    private String theme() {
        List<String> themes = List.copyOf(new TreeSet<>(DETRACTOR.keySet()));
        return themes.get(random.nextInt(themes.size()));
    }

    private Region region() {
        double r = random.nextDouble();
        double sum = 0;
        for (Region region : REGIONS) {
            sum += region.share();
            if (r < sum) {
                return region;
            }
        }
        return REGIONS.get(0);
    }

    private String pick(double a, String first, double b, String second, double c, String third) {
        double r = random.nextDouble() * (a + b + c);
        return r < a ? first : r < a + b ? second : third;
    }

    /** A moment after the given one, within working minutes. */
    Instant after(Instant at, Duration least, Duration most) {
        long span = Math.max(1, most.minus(least).toMinutes());
        return at.plus(least).plus(Duration.ofMinutes(random.nextLong(span)));
    }

    double chance() {
        return random.nextDouble();
    }

    static Instant utcNoon(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }
}
