package dev.loopkeeper.sharedkernel.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Carries what open screens should hear from the node where a change happened to the other nodes on the same
 * database. The node that made a change tells its own screens after the commit, as before; {@link #record} also
 * writes it to {@code live_event} in the change's transaction, so a rolled-back change tells nobody. Each node reads
 * the rows of the others once per {@link LiveSettings#poll()}, in one statement whatever its number of sessions, from
 * the newest id there was when it started (a restarted node replays nothing), and hands them to its subscribers.
 *
 * <p>Ids are taken at insert and committed in any order: a row with a lower id can appear after a higher one was
 * read. So an id skipped on the way stays wanted, and is read again with the next rows, for {@link
 * LiveSettings#gapGrace()}; an id a rollback burnt is given up then.
 */
@Component
public class LiveFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    /** The name of the thread that reads the other nodes' rows, one per node. */
    public static final String THREAD = "live-feed";

    /** Rows read per statement; a node that falls behind reads again at once. */
    static final int BATCH = 500;

    /** Missing ids kept wanted at most (the oldest are given up first), so the statement stays small. */
    static final int MOST_GAPS = 500;

    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private record Subscriber<T>(Class<T> type, Consumer<T> listener) {}

    private final LiveEvents events;
    private final ObjectMapper json;
    private final LiveSettings settings;
    private final String node = UUID.randomUUID().toString();
    private final Map<String, List<Subscriber<?>>> subscribers = new ConcurrentHashMap<>();

    // read and written only by the feed's own thread
    private long seen;
    private final Map<Long, Instant> gaps = new LinkedHashMap<>();
    private Instant pruned = Instant.EPOCH;

    private volatile ScheduledExecutorService reader;

    LiveFeed(LiveEvents events, ObjectMapper json, LiveSettings settings) {
        this.events = events;
        this.json = json;
        this.settings = settings;
    }

    /** Writes the event for the other nodes, in the caller's transaction. */
    public void record(String topic, Object event) {
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A live event must be plain data: " + event, e);
        }
        // wall-clock time on purpose: tests move the engine's clock, rows must age in real seconds
        events.append(topic, node, payload, Instant.now());
    }

    /** Hears the events of this topic that other nodes recorded, on the feed's thread. */
    public <T> Registration subscribe(String topic, Class<T> type, Consumer<T> listener) {
        Subscriber<T> subscriber = new Subscriber<>(type, listener);
        List<Subscriber<?>> ofTopic = subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>());
        ofTopic.add(subscriber);
        return () -> ofTopic.remove(subscriber);
    }

    /** Reads what the other nodes wrote since the last read and tells the subscribers. */
    void poll() {
        List<LiveEvents.Row> rows;
        do {
            Instant now = Instant.now();
            rows = events.after(seen, gaps.keySet(), BATCH);
            for (LiveEvents.Row row : rows) {
                if (row.id() > seen) {
                    for (long missing = Math.max(seen + 1, row.id() - MOST_GAPS); missing < row.id(); missing++) {
                        gaps.put(missing, now);
                    }
                    seen = row.id();
                } else {
                    gaps.remove(row.id());
                }
                if (!node.equals(row.node())) {
                    deliver(row);
                }
            }
            forgetGaps(now);
        } while (rows.size() == BATCH);
    }

    private void forgetGaps(Instant now) {
        Instant givenUp = now.minus(settings.gapGrace());
        Iterator<Map.Entry<Long, Instant>> oldestFirst = gaps.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<Long, Instant> gap = oldestFirst.next();
            if (gaps.size() > MOST_GAPS || gap.getValue().isBefore(givenUp)) {
                oldestFirst.remove();
            } else {
                break;
            }
        }
    }

    private void deliver(LiveEvents.Row row) {
        for (Subscriber<?> subscriber : subscribers.getOrDefault(row.topic(), List.of())) {
            try {
                deliver(subscriber, row.payload());
            } catch (Exception e) {
                // one closed browser tab or an event of a newer version must not keep the others from hearing
                log.debug("A live event of {} was not delivered", row.topic(), e);
            }
        }
    }

    private <T> void deliver(Subscriber<T> subscriber, String payload) throws JsonProcessingException {
        subscriber.listener().accept(json.readValue(payload, subscriber.type()));
    }

    private void pruneNowAndThen() {
        Instant now = Instant.now();
        if (pruned.plus(PRUNE_EVERY).isBefore(now)) {
            events.deleteBefore(now.minus(settings.keep()));
            pruned = now;
        }
    }

    private void round() {
        try {
            poll();
            pruneNowAndThen();
        } catch (RuntimeException e) {
            // the database away for a moment: the next round reads from where this one stopped
            log.warn("Live updates from other nodes paused: {}", e.toString());
        }
    }

    @Override
    public void start() {
        seen = events.newestId();
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, THREAD);
            t.setDaemon(true);
            return t;
        });
        long every = settings.poll().toMillis();
        thread.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
        reader = thread;
    }

    @Override
    public void stop() {
        ScheduledExecutorService thread = reader;
        reader = null;
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return reader != null;
    }
}
