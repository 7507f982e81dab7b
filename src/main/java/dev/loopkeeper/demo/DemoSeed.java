package dev.loopkeeper.demo;

import dev.loopkeeper.casework.CaseQuery;
import dev.loopkeeper.casework.CaseSearch;
import dev.loopkeeper.casework.CaseSummary;
import dev.loopkeeper.casework.CaseTimeline;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.casework.ContactReport;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.insight.ImprovementProcess;
import dev.loopkeeper.insight.Improvements;
import dev.loopkeeper.insight.NewImprovement;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sla.Escalations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo's history once, on the demo profile's first start: about three hundred responses over the last 90
 * days through the real intake, and what the team did with them through the real services and the real process,
 * each step at its own moment (the engine clock is set to it). Some cases were resolved in time, some linked to
 * improvement actions (one fix announced), some breached and escalated, some never reached, some still open.
 *
 * <p>It runs before the job executor starts and while {@link DemoSeedGate} holds every request, so nothing else
 * sees the moved clock; it puts the clock back when it is done. The table {@code demo_seed} remembers that it ran;
 * a database with cases already is left as it is. {@code loopkeeper.demo.seed=false} skips it.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "loopkeeper.demo.seed", havingValue = "true", matchIfMissing = true)
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class DemoSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    static final String ID = "history";
    static final int DAYS = 90;
    static final double PER_DAY = 4.2;
    /** When the billing fix was implemented; it is verified two days later and announced to those waiting for it. */
    static final Duration FIX_IMPLEMENTED_AGO = Duration.ofDays(33);

    private static final Actor FIONA = new Actor("fiona", Set.of(Groups.FRONTLINE, "team-emea"));
    private static final Actor FRANK = new Actor("frank", Set.of(Groups.FRONTLINE, "team-emea"));
    private static final Actor SAM = new Actor("sam", Set.of(Groups.SUPERVISORS));
    private static final Actor PAULA = new Actor("paula", Set.of(Groups.PROCESS_OWNERS));
    private static final Map<String, String> ROOT_CAUSES = Map.of(
            "billing", "billing",
            "reliability", "service-failure",
            "waiting", "delivery-delay",
            "communication", "communication");

    private final CaseIntake intake;
    private final Casework casework;
    private final Taskwork taskwork;
    private final Escalations escalations;
    private final Improvements improvements;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcTemplate jdbc;
    private final DemoSeedGate gate;
    private final TaskService tasks;
    private final CaseTimeline timeline;
    private final CaseSearch cases;

    DemoSeed(
            CaseIntake intake,
            Casework casework,
            Taskwork taskwork,
            Escalations escalations,
            Improvements improvements,
            RuntimeService runtime,
            ManagementService management,
            JdbcTemplate jdbc,
            DemoSeedGate gate,
            TaskService tasks,
            CaseTimeline timeline,
            CaseSearch cases) {
        this.tasks = tasks;
        this.timeline = timeline;
        this.cases = cases;
        this.intake = intake;
        this.casework = casework;
        this.taskwork = taskwork;
        this.escalations = escalations;
        this.improvements = improvements;
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
        this.gate = gate;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer seeded = jdbc.queryForObject("select count(*) from demo_seed where id = ?", Integer.class, ID);
        if (seeded != null && seeded > 0) {
            log.info("Demo history: seeded before, nothing to do");
            return;
        }
        if (cases.count(SAM, CaseQuery.all(), ZoneOffset.UTC) > 0) {
            log.info("Demo history: the database has cases already; not seeding (loopkeeper.demo.seed)");
            return;
        }
        Instant started = Instant.now();
        jdbc.update(
                "insert into demo_seed (id, started_at, responses) values (?, ?, 0)",
                ID,
                LocalDateTime.ofInstant(started, ZoneOffset.UTC));
        gate.close();
        try {
            int responses = seed(LocalDate.ofInstant(started, ZoneOffset.UTC), started);
            jdbc.update(
                    "update demo_seed set finished_at = ?, responses = ? where id = ?",
                    LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC),
                    responses,
                    ID);
            log.info(
                    "Demo history: {} responses seeded in {} s",
                    responses,
                    Duration.between(started, Instant.now()).toSeconds());
        } catch (RuntimeException failed) {
            log.error("Demo history: seeding failed; the demo starts with what was seeded", failed);
        } finally {
            ClockUtil.reset();
            gate.open();
        }
    }

    /** A step of the history at its moment. */
    private record Step(Instant at, int order, Runnable action) {}

    private int seed(LocalDate today, Instant now) {
        DemoHistory history = new DemoHistory();
        List<DemoHistory.Story> stories = history.stories(now, DAYS, PER_DAY);
        at(now.minus(Duration.ofDays(DAYS + 1)));
        int past = intake.keepAsHistory(history.past(today, DAYS));
        log.info(
                "Demo history: {} earlier responses kept as history; now {} responses of the last {} days",
                past,
                stories.size(),
                DAYS);

        Map<String, UUID> actions = actions(now);
        PriorityQueue<Step> steps =
                new PriorityQueue<>(Comparator.comparing(Step::at).thenComparing(Step::order));
        int[] order = {0};
        Consumer<Step> plan = steps::add;
        Map<UUID, DemoHistory.Story> opened = new HashMap<>();
        for (DemoHistory.Story story : stories) {
            Instant arrives =
                    history.after(story.response().respondedAt(), Duration.ofMinutes(1), Duration.ofMinutes(30));
            if (arrives.isAfter(now)) {
                arrives = now.minusSeconds(60);
            }
            Instant at = arrives;
            plan.accept(new Step(at, order[0]++, () -> {
                at(at);
                UUID caseId = intake.receive(story.response()).caseId();
                opened.put(caseId, story);
                advance(caseId, at.plusSeconds(60));
                script(caseId, story, history, actions, now, plan, order);
                if (opened.size() % 50 == 0) {
                    log.info("Demo history: {} of {} responses", opened.size(), stories.size());
                }
            }));
        }
        // the billing fix: implemented and verified a month ago, announced to every customer waiting for it
        Instant implemented = now.minus(FIX_IMPLEMENTED_AGO);
        plan.accept(new Step(implemented, order[0]++, () -> completeAction(actions.get("billing"), implemented)));
        int notThrough = 0;
        while (!steps.isEmpty()) {
            Step step = steps.poll();
            try {
                step.action().run();
            } catch (RuntimeException failed) {
                notThrough++;
                log.debug("Demo history: a step at {} did not go through: {}", step.at(), failed.toString());
            }
        }
        if (notThrough > 0) {
            log.info(
                    "Demo history: {} steps did not go through (debug logging of dev.loopkeeper.demo says why)",
                    notThrough);
        }
        // what happened since, on its own: retries, breaches, escalations
        at(now);
        for (UUID caseId : opened.keySet()) {
            try {
                advance(caseId, now);
            } catch (RuntimeException refused) {
                log.debug("Demo history: case {} did not move on: {}", caseId, refused.toString());
            }
        }
        return opened.size();
    }

    /** Three improvement actions from the start of the period: billing, network capacity, call-backs. */
    private Map<String, UUID> actions(Instant now) {
        at(now.minus(Duration.ofDays(DAYS - 2)));
        Map<String, UUID> actions = new HashMap<>();
        actions.put(
                "billing",
                improvements.create(
                        new NewImprovement(
                                "Stop double charges after a plan change",
                                "Customers who change plans mid-month are billed for both plans. Prorate in the billing run.",
                                "billing",
                                "paula",
                                now.minus(Duration.ofDays(30))),
                        PAULA));
        actions.put(
                "reliability",
                improvements.create(
                        new NewImprovement(
                                "Evening capacity on the Madrid and Berlin networks",
                                "Connections drop at peak hours; add capacity and alert on saturation.",
                                "service-failure",
                                "paula",
                                now.plus(Duration.ofDays(21))),
                        PAULA));
        UUID callBacks = improvements.create(
                new NewImprovement(
                        "Call-backs that happen: promised call-backs become tasks with a due time",
                        "Agents promise call-backs that nobody tracks.",
                        "communication",
                        "paula",
                        now.plus(Duration.ofDays(35))),
                PAULA);
        actions.put("communication", callBacks);
        actions.put("waiting", callBacks);
        return actions;
    }

    private void script(
            UUID caseId,
            DemoHistory.Story story,
            DemoHistory history,
            Map<String, UUID> actions,
            Instant now,
            Consumer<Step> plan,
            int[] order) {
        Instant opened = ClockUtil.now().toInstant();
        Actor agent = history.chance() < 0.55 ? FIONA : FRANK;
        switch (story.script()) {
            case RESOLVED, SYSTEMIC -> {
                Instant reached = before(now, history.after(opened, Duration.ofHours(1), Duration.ofHours(6)));
                boolean systemic = story.script() == DemoHistory.Script.SYSTEMIC;
                plan.accept(new Step(reached, order[0]++, () -> {
                    contact(caseId, agent, ContactOutcome.REACHED, reached);
                    Instant logged = reached.plus(Duration.ofMinutes(20));
                    resolve(caseId, agent, story, systemic ? actions.get(story.theme()) : null, logged);
                }));
            }
            case BREACHED_THEN_RESOLVED -> {
                Optional<Instant> due = contactDue(caseId);
                due.ifPresent(d -> {
                    Instant decided = before(now, d.plus(Duration.ofHours(3)));
                    plan.accept(new Step(decided, order[0]++, () -> {
                        advance(caseId, decided);
                        extend(caseId, decided);
                        Instant reached = decided.plus(Duration.ofHours(2));
                        contact(caseId, agent, ContactOutcome.REACHED, reached);
                        resolve(caseId, agent, story, null, reached.plus(Duration.ofMinutes(30)));
                    }));
                });
            }
            case UNREACHABLE -> {
                Instant first = before(now, history.after(opened, Duration.ofHours(1), Duration.ofHours(5)));
                plan.accept(new Step(first, order[0]++, () -> neverReached(caseId, agent, first, now)));
            }
            case NO_ANSWER -> {
                Instant first = before(now, history.after(opened, Duration.ofMinutes(30), Duration.ofHours(3)));
                plan.accept(new Step(first, order[0]++, () -> contact(caseId, agent, ContactOutcome.NO_ANSWER, first)));
            }
            case PROMOTER -> {
                Instant thanked = before(now, history.after(opened, Duration.ofHours(2), Duration.ofHours(20)));
                plan.accept(new Step(thanked, order[0]++, () -> thank(caseId, agent, thanked)));
            }
            case BREACHED, FRESH -> {
                // nobody got to it (yet): the timers say what follows
            }
        }
    }

    // --- what people did -----------------------------------------------------------------------------

    private void contact(UUID caseId, Actor agent, ContactOutcome outcome, Instant at) {
        advance(caseId, at);
        openTask(caseId, ClosedLoop.CONTACT_CUSTOMER).ifPresent(task -> {
            at(at);
            taskwork.claim(task.taskId(), agent);
            casework.completeContact(
                    task.taskId(),
                    new ContactReport(
                            channel(caseId),
                            outcome,
                            outcome == ContactOutcome.REACHED
                                    ? "Talked it through; the customer was glad we called."
                                    : "No answer; left a voicemail."),
                    agent);
            advance(caseId, at.plusSeconds(60));
        });
    }

    private void resolve(UUID caseId, Actor agent, DemoHistory.Story story, UUID action, Instant at) {
        advance(caseId, at);
        openTask(caseId, ClosedLoop.LOG_RESOLUTION).ifPresent(task -> {
            at(at);
            Map<String, Object> values = new HashMap<>();
            values.put(ClosedLoop.Vars.RESOLUTION_SUMMARY, summary(story.theme()));
            values.put(ClosedLoop.Vars.ROOT_CAUSE, ROOT_CAUSES.getOrDefault(story.theme(), "other"));
            values.put(ClosedLoop.Vars.why(1), whyOf(story.theme()));
            values.put(ClosedLoop.Vars.why(2), "Nobody owned the problem end to end");
            values.put(ClosedLoop.Vars.FIXED_NOW, action == null);
            values.put(ClosedLoop.Vars.SYSTEMIC, action != null);
            values.put(ClosedLoop.Vars.IMPROVEMENT_ACTION_ID, action == null ? null : action.toString());
            taskwork.completeTask(task.taskId(), values, agent);
            advance(caseId, at.plusSeconds(60));
        });
    }

    /** Every channel the customer has, one after the other, each retry when the process says it is due. */
    private void neverReached(UUID caseId, Actor agent, Instant first, Instant now) {
        Instant at = first;
        for (int attempt = 0; attempt < 5 && at.isBefore(now); attempt++) {
            contact(caseId, agent, ContactOutcome.NO_ANSWER, at);
            Optional<Instant> next = retryDue(caseId);
            if (next.isEmpty() || next.get().isAfter(now)) {
                return;
            }
            at = next.get().plus(Duration.ofHours(2));
            advance(caseId, next.get().plusSeconds(60));
        }
    }

    private void extend(UUID caseId, Instant at) {
        openTask(caseId, ClosedLoop.REVIEW_ESCALATION).ifPresent(review -> {
            at(at);
            escalations.decide(
                    review.taskId(),
                    Escalations.Decision.EXTEND,
                    null,
                    at.plus(Duration.ofHours(24)),
                    "The agent was off sick; the customer agreed to a call tomorrow",
                    SAM);
            advance(caseId, at.plusSeconds(60));
        });
    }

    private void thank(UUID caseId, Actor agent, Instant reached) {
        // a promoter is reached first, like anyone, and then thanked
        contact(caseId, agent, ContactOutcome.REACHED, reached);
        Instant at = reached.plus(Duration.ofMinutes(10));
        advance(caseId, at);
        openTask(caseId, ClosedLoop.THANK_PROMOTER).ifPresent(task -> {
            at(at);
            taskwork.claim(task.taskId(), agent);
            Map<String, Object> values = new HashMap<>();
            values.put(ClosedLoop.Vars.CHANNEL_USED, "phone");
            values.put("askedForReview", true);
            values.put("referralOffered", false);
            values.put(ClosedLoop.Vars.THANKS_NOTE, "Thanked them personally; they will write a review.");
            taskwork.completeTask(task.taskId(), values, agent);
            advance(caseId, at.plusSeconds(60));
        });
    }

    /** The action's owner implements it, a process owner verifies it, and the fix is announced. */
    private void completeAction(UUID actionId, Instant at) {
        ProcessInstance action = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(actionId.toString(), ImprovementProcess.PROCESS_ID)
                .singleResult();
        if (action == null) {
            return;
        }
        at(at);
        taskOf(action.getId(), ImprovementProcess.IMPLEMENT)
                .ifPresent(task -> taskwork.completeTask(
                        task,
                        Map.of(
                                ImprovementProcess.Vars.IMPLEMENTATION_SUMMARY,
                                "Billing prorates plan changes since release 4.2"),
                        PAULA));
        Instant verified = at.plus(Duration.ofDays(2));
        at(verified);
        taskOf(action.getId(), ImprovementProcess.VERIFY_FIX).ifPresent(task -> {
            taskwork.claim(task, PAULA);
            taskwork.completeTask(
                    task,
                    Map.of(
                            ImprovementProcess.Vars.VERIFICATION, "verified",
                            ImprovementProcess.Vars.VERIFICATION_NOTES, "No double charge in the May billing run"),
                    PAULA);
        });
        runJobs(action.getId(), verified.plusSeconds(60));
        for (UUID caseId : improvements.linkedCases(actionId)) {
            advance(caseId, verified.plus(Duration.ofMinutes(5)));
        }
    }

    // --- the engine, moved along -----------------------------------------------------------------------

    /** Runs the case's jobs that are due by then, in the order they fall due, each at its moment. */
    private void advance(UUID caseId, Instant until) {
        processOf(caseId).ifPresent(pi -> runJobs(pi, until));
    }

    private void runJobs(String processInstanceId, Instant until) {
        for (int round = 0; round < 40; round++) {
            Optional<Job> next =
                    management.createJobQuery().processInstanceId(processInstanceId).withRetriesLeft().list().stream()
                            .filter(job -> job.getDuedate() == null
                                    || !job.getDuedate().toInstant().isAfter(until))
                            .min(Comparator.comparing(job -> job.getDuedate() == null
                                    ? Instant.MIN
                                    : job.getDuedate().toInstant()));
            if (next.isEmpty()) {
                break;
            }
            Job job = next.get();
            if (job.getDuedate() != null
                    && job.getDuedate().toInstant().isAfter(ClockUtil.now().toInstant())) {
                at(job.getDuedate().toInstant().plusSeconds(1));
            }
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException failed) {
                log.debug("Demo history: job {} failed: {}", job.getId(), failed.toString());
                management.setJobRetries(job.getId(), 0);
            }
        }
        if (ClockUtil.now().toInstant().isBefore(until)) {
            at(until);
        }
    }

    /**
     * When the loop tries the customer again. Its own timer, not the case's next one: the SLA's warning and breach
     * fall between two tries, and each taken for a try used one up (cases stayed open with their third try undone).
     */
    private Optional<Instant> retryDue(UUID caseId) {
        return processOf(caseId)
                .flatMap(
                        pi -> management
                                .createJobQuery()
                                .processInstanceId(pi)
                                .activityId(ClosedLoop.RETRY_DUE)
                                .timers()
                                .list()
                                .stream()
                                .map(job -> job.getDuedate().toInstant())
                                .min(Comparator.naturalOrder()));
    }

    private Optional<Instant> contactDue(UUID caseId) {
        return openTask(caseId, ClosedLoop.CONTACT_CUSTOMER).map(CaseSummary.OpenTaskView::dueAt);
    }

    private Optional<String> processOf(UUID caseId) {
        return Optional.ofNullable(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId.toString(), ClosedLoop.PROCESS_ID)
                        .singleResult())
                .map(ProcessInstance::getId);
    }

    private Optional<CaseSummary.OpenTaskView> openTask(UUID caseId, String taskKey) {
        return casework.find(caseId).stream()
                .flatMap(c -> c.openTasks().stream())
                .filter(t -> t.taskKey().equals(taskKey))
                .findFirst();
    }

    private Optional<String> taskOf(String processInstanceId, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list().stream()
                .map(Task::getId)
                .findFirst();
    }

    /** The phone where the customer has one, else email. */
    private Channel channel(UUID caseId) {
        return timeline.file(caseId, SAM)
                .map(file -> file.customer().phone() != null ? Channel.PHONE : Channel.EMAIL)
                .orElse(Channel.PHONE);
    }

    private static Instant before(Instant now, Instant at) {
        return at.isAfter(now) ? now.minusSeconds(120) : at;
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private static String summary(String theme) {
        return switch (theme) {
            case "billing" -> "Refunded the wrong charge and explained the bill line by line.";
            case "reliability" -> "Booked an engineer visit; line fault found and fixed.";
            case "waiting" -> "Apologised for the wait and gave a direct number for next time.";
            default -> "Called back, put the history together and gave one clear answer.";
        };
    }

    private static String whyOf(String theme) {
        return switch (theme) {
            case "billing" -> "The plan change was billed twice";
            case "reliability" -> "The cabinet is saturated in the evening";
            case "waiting" -> "Too few agents on the evening shift";
            default -> "The call-back was promised but never booked";
        };
    }
}
