package dev.loopkeeper.bench;

import dev.loopkeeper.sharedkernel.persistence.SearchText;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * N cases of N/4 customers, written with batched inserts straight into our tables (seeding is not what is measured):
 * nine in ten closed, one in ten open with a Contact task in one of 20 groups (the tasklist's projection and the
 * groups that take part, as the task listener writes them). Names come from 60 first and 80 last names, so a full
 * name is about one customer in 4 800; each customer has an email, a phone and an external id of their own.
 */
final class CaseSeed {

    static final int GROUPS = 20;
    static final String AGENT = "bench-case-agent";
    /** A word in half of the cases' comments. */
    static final String COMMON_WORD = "router";

    private static final String[] FIRST = names("Ada Ahmed Aisha Alba Amir Ana Anna Ben Carla Chen Chloe Dan David "
            + "Elena Emma Eva Fatima Felix Grace Hana Hannah Ines Ivan Jan Jonas John Julia Kai Karl Lea Leo Liam "
            + "Lucia Lukas Maria Marta Mateo Mia Mila Nadia Noah Nora Olga Oliver Omar Paula Pedro Priya Ravi Rosa "
            + "Sam Sara Sofia Tom Uma Vera Yara Yuki Zoe");
    private static final String[] LAST = names("Abe Alvarez Bauer Becker Bianchi Brown Costa Dahl Diaz Dubois "
            + "Eriksen Evans Fischer Fontaine Garcia Gomez Gruber Haddad Hansen Horvat Ito Jansen Jensen Kaya Khan "
            + "Kim Klein Kowalski Lang Larsen Lee Lopez Lund Martin Meyer Moreau Muller Murphy Nagy Navarro Ng "
            + "Novak Nowak Okafor Olsen Ortiz Patel Perez Petrov Popescu Quinn Ramos Reyes Rossi Ruiz Sato Schmidt "
            + "Schulz Silva Smith Sousa Suzuki Tanaka Torres Varga Vargas Vogel Wagner Walsh Wang Weber Wilson Wolf "
            + "Wong Yilmaz Young Zhang Ziegler");

    record Seeded(int customers, String name, long casesOfName, String phone, String phoneAsStored) {}

    private CaseSeed() {}

    static String group(int n) {
        return "bench-case-group-%02d".formatted(n);
    }

    static Seeded seed(JdbcTemplate jdbc, int cases) {
        // a reused database (BenchDatabase) may hold these very rows: the same random draws then name the same
        // customer and count the same cases, without writing anything
        Integer present =
                jdbc.queryForObject("select count(*) from follow_up_case where source = 'bench-cases'", Integer.class);
        boolean write = present == null || present == 0;
        if (!write && present != cases) {
            throw new IllegalStateException(
                    "The reused database holds " + present + " seeded cases, not " + cases + ": seed a new one");
        }
        Random random = new Random(14);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int customers = Math.max(1, cases / 4);
        String[] names = new String[customers];
        String[] phones = new String[customers];
        List<Object[]> customerRows = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            names[c] = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            phones[c] = "+44 20 %04d %04d".formatted(c / 10_000, c % 10_000);
            String externalId = "BC-" + c;
            String email = names[c].toLowerCase().replace(' ', '.') + c + "@example.com";
            customerRows.add(new Object[] {
                UUID.randomUUID().toString(),
                externalId,
                names[c],
                email,
                phones[c],
                "PHONE",
                "standard",
                Timestamp.from(now),
                Timestamp.from(now),
                SearchText.of(names[c], externalId, email, phones[c])
            });
            if (customerRows.size() == 5000 || c == customers - 1) {
                if (write) {
                    jdbc.batchUpdate(
                            "insert into customer (id, external_id, name, email, phone, preferred_channel, tier, "
                                    + "created_at, updated_at, version, search_text) "
                                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                            customerRows);
                }
                customerRows.clear();
            }
        }
        int target = random.nextInt(customers);
        String wanted = names[target];
        long ofName = 0;
        List<Object[]> caseRows = new ArrayList<>();
        List<Object[]> tasks = new ArrayList<>();
        List<Object[]> participants = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            int c = random.nextInt(customers);
            if (names[c].equals(wanted)) {
                ofName++;
            }
            String caseId = UUID.randomUUID().toString();
            boolean open = random.nextInt(10) == 0;
            int score = random.nextInt(11);
            Timestamp opened = Timestamp.from(now.minusSeconds(random.nextInt(365 * 86400)));
            String email = names[c].toLowerCase().replace(' ', '.') + c + "@example.com";
            String comment = "Seeded comment " + i + " about the " + (random.nextBoolean() ? "bill" : "router");
            caseRows.add(new Object[] {
                caseId,
                open ? "OPEN" : "CLOSED",
                open ? null : "RESOLVED",
                score <= 6 ? "DETRACTOR" : score <= 8 ? "PASSIVE" : "PROMOTER",
                score,
                comment,
                "BC-" + c,
                names[c],
                email,
                phones[c],
                "PHONE",
                opened,
                open ? null : new Timestamp(opened.getTime() + 86_400_000L),
                "EMEA",
                "Broadband",
                "bench-cases",
                SearchText.of(names[c], "BC-" + c, email, phones[c], comment)
            });
            String group = group(1 + random.nextInt(GROUPS));
            participants.add(new Object[] {caseId, "group", group, opened});
            if (open) {
                String assignee = random.nextInt(10) == 0
                        ? (random.nextInt(20) == 0 ? AGENT : "agent-" + random.nextInt(200))
                        : null;
                tasks.add(new Object[] {
                    UUID.randomUUID().toString(),
                    "bench-" + caseId,
                    "closed-loop",
                    caseId,
                    caseId,
                    "Task_ContactCustomer",
                    "Contact customer",
                    group,
                    assignee,
                    Timestamp.from(now.plusSeconds(random.nextInt(60 * 86400) - 30 * 86400)),
                    opened
                });
            }
            if (caseRows.size() == 5000 || i == cases - 1) {
                if (!write) {
                    caseRows.clear();
                    participants.clear();
                    tasks.clear();
                    continue;
                }
                jdbc.batchUpdate(
                        "insert into follow_up_case (id, status, closed_as, segment, score, comment, "
                                + "customer_external_id, customer_name, customer_email, customer_phone, "
                                + "preferred_channel, opened_at, closed_at, region, product, source, search_text, "
                                + "version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                        caseRows);
                jdbc.batchUpdate(
                        "insert into case_participant (case_id, kind, participant, joined_at) values (?, ?, ?, ?)",
                        participants);
                if (!tasks.isEmpty()) {
                    jdbc.batchUpdate(
                            "insert into open_task (id, process_instance_id, process_key, business_key, case_id, "
                                    + "task_key, name, candidate_group, assignee, due_at, created_at) "
                                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            tasks);
                }
                caseRows.clear();
                participants.clear();
                tasks.clear();
            }
        }
        if (write) {
            jdbc.execute("analyze table follow_up_case, open_task, case_participant, customer");
        }
        // the number as a caller inside the UK gives it: 020 instead of +44 20
        return new Seeded(
                customers, wanted, ofName, "020 " + phones[target].substring("+44 20 ".length()), phones[target]);
    }

    private static String[] names(String all) {
        return all.split(" ");
    }
}
