package dev.loopkeeper.sharedkernel.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.LoopkeeperApplication;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.RealMariaDb;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.TaskChanged;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.casework.ui.TaskBroadcaster;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlert;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.ui.NavigationBadge;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two app nodes on one MariaDB, as docker-compose runs them: this test's context is node 1, a second Spring context
 * on the same database is node 2. What node 2 does reaches the screens of node 1 within a few seconds, once.
 */
@LoopkeeperTest
@ActiveProfiles({"demo", "test", "mariadb"})
class LiveUpdatesAcrossNodesMariaDbIT {

    /** A poll is a second; a few of them is what a user on the other node waits at most. */
    static final Duration FEW_SECONDS = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(LiveUpdatesAcrossNodesMariaDbIT.class);

    record Ping(String word) {}

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        RealMariaDb.register(registry);
        registry.add("loopkeeper.live.poll", () -> POLL);
    }

    /** The default, which the test profile slows down for the other tests. */
    static final String POLL = "PT1S";

    static ConfigurableApplicationContext node2;

    @BeforeAll
    static void startNode2(@Autowired Environment node1, @Autowired LiveFeed feed) {
        // written before node 2 starts: a node that starts reads from the newest row on, it replays nothing
        feed.record("ping", new Ping("before node 2 started"));
        node2 = new SpringApplicationBuilder(LoopkeeperApplication.class)
                // a node as it runs, with its own Tomcat: Vaadin and the security chains need a web context
                .web(WebApplicationType.SERVLET)
                .profiles("demo", "test", "mariadb")
                // arguments, so that they beat the mariadb profile's own URL
                .run(
                        "--spring.datasource.url=" + node1.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + node1.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + node1.getProperty("spring.datasource.password"),
                        "--loopkeeper.live.poll=" + POLL,
                        "--server.port=0");
    }

    @AfterAll
    static void stopNode2() {
        if (node2 != null) {
            node2.close();
        }
    }

    @Autowired
    TaskBroadcaster broadcaster;

    @Autowired
    LiveFeed feed;

    @Autowired
    Taskwork taskwork;

    @Autowired
    List<NavigationBadge> badges;

    final List<TaskChanged> heardOnNode1 = new CopyOnWriteArrayList<>();
    final List<String> pingsOnNode1 = new CopyOnWriteArrayList<>();
    final List<com.vaadin.flow.shared.Registration> registrations = new CopyOnWriteArrayList<>();

    final Actor fiona = new Actor("fiona", Set.of("frontline", "team-emea"));

    @AfterEach
    void unregister() {
        registrations.forEach(com.vaadin.flow.shared.Registration::remove);
    }

    @Test
    void aCaseOpenedClaimedAndClosedOnNode2ReachesTheTasklistsOfNode1() {
        registrations.add(broadcaster.register(heardOnNode1::add));

        UUID caseId = node2.getBean(CaseIntake.class)
                .receive(TestResponses.withScore(2))
                .caseId();
        String task = node2.getBean(Casework.class)
                .find(caseId)
                .orElseThrow()
                .openTasks()
                .get(0)
                .taskId();
        within(FEW_SECONDS, () -> heard(task, TaskChanged.Change.OPENED));

        long claimed = System.nanoTime();
        node2.getBean(Taskwork.class).claim(task, fiona);
        within(FEW_SECONDS, () -> heard(task, TaskChanged.Change.ASSIGNED));
        log.info("A claim on node 2 reached node 1 after {} ms", (System.nanoTime() - claimed) / 1_000_000);
        assertThat(heardOnNode1)
                .filteredOn(change -> change.taskId().equals(task))
                .last()
                .extracting(TaskChanged::assignee, TaskChanged::caseId)
                .containsExactly("fiona", caseId);

        node2.getBean(Taskwork.class)
                .completeTask(task, Map.of(Vars.CHANNEL_USED, "phone", Vars.CONTACT_OUTCOME, "reached"), fiona);
        within(FEW_SECONDS, () -> heard(task, TaskChanged.Change.CLOSED));
    }

    @Test
    void anAlertStoredOnNode2MovesTheAlertsBadgeOnNode1() {
        NavigationBadge alertsOfNode1 = badges.stream()
                .filter(badge -> badge.path().equals("alerts"))
                .findFirst()
                .orElseThrow();
        AtomicInteger told = new AtomicInteger();
        registrations.add(alertsOfNode1.onChange(told::incrementAndGet));

        // to a user the directory does not know: stored in the app, emailed to nobody
        node2.getBean(Outreach.class)
                .alertStaff(StaffAlert.toUser(
                        "someone-elsewhere",
                        DeliveryKey.ofCase(UUID.randomUUID(), "live-test"),
                        "live-test",
                        "Heard across nodes",
                        "An alert stored on node 2"));

        within(FEW_SECONDS, () -> told.get() == 1);
    }

    @Test
    void aChangeOnNode1ReachesItsOwnScreensOnceNotAgainThroughTheTable() throws InterruptedException {
        registrations.add(broadcaster.register(heardOnNode1::add));
        List<TaskChanged> heardOnNode2 = new CopyOnWriteArrayList<>();
        registrations.add(node2.getBean(TaskBroadcaster.class).register(heardOnNode2::add));
        UUID caseId = node2.getBean(CaseIntake.class)
                .receive(TestResponses.withScore(3))
                .caseId();
        String task = node2.getBean(Casework.class)
                .find(caseId)
                .orElseThrow()
                .openTasks()
                .get(0)
                .taskId();
        within(FEW_SECONDS, () -> heard(task, TaskChanged.Change.OPENED));

        taskwork.claim(task, fiona);

        assertThat(count(heardOnNode1, task, TaskChanged.Change.ASSIGNED)).isEqualTo(1);
        within(FEW_SECONDS, () -> count(heardOnNode2, task, TaskChanged.Change.ASSIGNED) == 1);
        // three more polls of both nodes: nobody hears it twice
        Thread.sleep(3_000);
        assertThat(count(heardOnNode1, task, TaskChanged.Change.ASSIGNED)).isEqualTo(1);
        assertThat(count(heardOnNode2, task, TaskChanged.Change.ASSIGNED)).isEqualTo(1);
        assertThat(count(heardOnNode2, task, TaskChanged.Change.OPENED)).isEqualTo(1);
    }

    @Test
    void aTransactionThatCommitsAfterALaterOneIsStillHeardAndARolledBackOneNever() throws Exception {
        registrations.add(feed.subscribe("ping", Ping.class, ping -> pingsOnNode1.add(ping.word())));
        LiveFeed feedOfNode2 = node2.getBean(LiveFeed.class);
        TransactionTemplate transactionOfNode2 = node2.getBean(TransactionTemplate.class);

        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> transactionOfNode2.executeWithoutResult(tx -> {
            feedOfNode2.record("ping", new Ping("slow"));
            written.countDown();
            await(mayCommit);
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        transactionOfNode2.executeWithoutResult(tx -> {
            feedOfNode2.record("ping", new Ping("rolled back"));
            tx.setRollbackOnly();
        });
        feedOfNode2.record("ping", new Ping("quick"));

        within(FEW_SECONDS, () -> pingsOnNode1.contains("quick"));
        Thread.sleep(1_500);
        mayCommit.countDown();
        slow.get(10, TimeUnit.SECONDS);

        within(FEW_SECONDS, () -> pingsOnNode1.contains("slow"));
        assertThat(pingsOnNode1).containsExactly("quick", "slow");
    }

    @Test
    void aNodeThatStartsHearsNothingFromBeforeItStarted() {
        List<String> pingsOnNode2 = new CopyOnWriteArrayList<>();
        registrations.add(node2.getBean(LiveFeed.class).subscribe("ping", Ping.class, p -> pingsOnNode2.add(p.word())));

        feed.record("ping", new Ping("after node 2 started"));

        within(FEW_SECONDS, () -> pingsOnNode2.contains("after node 2 started"));
        assertThat(pingsOnNode2).containsExactly("after node 2 started");
    }

    /** Waits for the condition, polling every 50 ms, and fails if it does not come true in time. */
    private static void within(Duration time, BooleanSupplier condition) {
        long until = System.nanoTime() + time.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("not within %s", time).isLessThan(until);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private boolean heard(String task, TaskChanged.Change change) {
        return count(heardOnNode1, task, change) > 0;
    }

    private static long count(List<TaskChanged> heard, String task, TaskChanged.Change change) {
        return heard.stream()
                .filter(c -> c.taskId().equals(task) && c.change() == change)
                .count();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
