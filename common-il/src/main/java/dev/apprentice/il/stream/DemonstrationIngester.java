package dev.apprentice.il.stream;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.store.AppendOutcome;
import dev.apprentice.il.store.DemonstrationStore;
import dev.apprentice.il.store.RecordOrigin;
import dev.apprentice.il.store.UncommittedBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves expert demonstrations from a Kafka topic into a {@link DemonstrationStore} so that every
 * record read is either stored exactly once or dead-lettered exactly once.
 *
 * <p>Per batch: poll → decode → map to an {@link ExpertStep} → validate → append to the store (a
 * step whose (source, episode, step) is already stored is skipped; one the store refuses, such as
 * a step after its episode's terminal step, is bad) → flush the store durably → commit the
 * offsets. Bad records go to {@code <topic>.dlq} with the stage and reason; the ingester never
 * stops on one. Dead letters and offsets are written in one Kafka transaction, so a crash before
 * the commit leaves neither: the batch is read again, its stored records are recognised as
 * duplicates and its dead letters are written once. A failed commit rewinds the consumer to the
 * start of the batch and replays it the same way.
 *
 * <p>Two threads share the work: the poll thread owns the consumer and the transaction, checks
 * each record and dead-letters the bad ones; a store thread appends the valid steps, in record
 * order, and flushes. Checking the next poll thus overlaps with storing the last one, and the store
 * thread is the store's only writer.
 *
 * <pre>{@code
 * try (DemonstrationStore store = DemonstrationStore.open(dir);
 *      DemonstrationIngester<ExpertStep> ingester = new DemonstrationIngester<>(
 *          IngesterConfig.defaults(bootstrap, "cartpole.demonstrations"),
 *          PayloadFormat.AVRO_SINGLE_OBJECT.stepCodec(), StepMapper.identity(),
 *          new DemonstrationValidator("cartpole", env.observationSpace(), env.actionSpace()),
 *          store, new IngestionListener() {})) {
 *     ingester.start();
 *     ...
 * }
 * }</pre>
 *
 * @param <T> the record type of the topic
 */
public final class DemonstrationIngester<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemonstrationIngester.class);
    private static final Duration COMMIT_RETRY_PAUSE = Duration.ofMillis(500);
    /** How long {@link #close()} waits; time for a batch commit (or its abandonment) and the clients' close. */
    static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STORE_THREAD_WAIT = Duration.ofSeconds(30);
    private static final Duration CLIENT_CLOSE_WAIT = Duration.ofSeconds(5);
    private static final int POLLS_IN_FLIGHT = 4;
    private static final Duration LEDGER_READ_TIMEOUT = Duration.ofSeconds(60);

    private final IngesterConfig config;
    private final PayloadCodec<T> codec;
    private final StepMapper<T> mapper;
    private final DemonstrationValidator validator;
    private final DemonstrationStore store;
    private final IngestionListener listener;

    private final AtomicLong consumed = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong lag = new AtomicLong(-1);
    private final AtomicLong replays = new AtomicLong();
    private final AtomicLong rolledBack = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private volatile boolean running;
    /** Set by close; after it the loop stops, and from then on the clients are closed by a deadline. */
    private volatile boolean closing;
    /** When closing, the time (System.nanoTime) by which the loop's thread is to have closed its clients. */
    private volatile long closeDeadline;
    /** Set once the clients are being closed: no rebalance callback may commit or flush from then on. */
    private volatile boolean abandoned;
    private volatile boolean storeThreadEnded = true;
    /** Set when closing abandons a batch's transaction: its records will be read again. */
    private volatile boolean leftForReplay;
    private volatile Thread thread;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile KafkaProducer<byte[], byte[]> producer;
    private final Batch batch = new Batch();
    private final StoreSide outcome = new StoreSide();
    private final Semaphore inFlight = new Semaphore(POLLS_IN_FLIGHT);
    private final AtomicReference<Throwable> storeFailure = new AtomicReference<>();
    private ExecutorService storing;

    /**
     * @param config topic, group and batching
     * @param codec decodes record values
     * @param mapper turns a decoded record into a step
     * @param validator checks the step against the domain
     * @param store where valid steps go; this ingester is its only writer
     * @param listener progress callbacks
     */
    public DemonstrationIngester(IngesterConfig config, PayloadCodec<T> codec, StepMapper<T> mapper,
            DemonstrationValidator validator, DemonstrationStore store, IngestionListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.store = Objects.requireNonNull(store, "store");
        this.listener = listener == null ? new IngestionListener() {} : listener;
    }

    /** Starts {@link #run()} on a new thread and returns it. */
    public synchronized Thread start() {
        if (thread != null) {
            throw new IllegalStateException("ingester for " + config.topic() + " already started");
        }
        Thread t = new Thread(this::runCatching, "ingest-" + config.topic());
        t.setDaemon(true);
        thread = t;
        running = true;
        t.start();
        return t;
    }

    private void runCatching() {
        try {
            run();
        } catch (RuntimeException | Error e) {
            if (closing && interruption(e)) {
                LOG.warn("ingester for {}: interrupted because it did not stop in time after close ({}); its open"
                        + " batch, if any, will be read again", config.topic(), e.toString());
                return;
            }
            failure.set(e);
            LOG.error("ingester for {} stopped", config.topic(), e);
        }
    }

    /** Whether {@code e} is what interrupting the loop's thread raises, so a forced close rather than a fault. */
    private static boolean interruption(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException || c instanceof InterruptException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the poll loop on the calling thread until {@link #close()} is called from another thread;
     * the open batch is then flushed and committed. Throws only when the store cannot be written or
     * the producer was fenced by another ingester with the same transactional id.
     */
    public void run() {
        synchronized (this) {
            if (closing) {
                return;
            }
            running = true;
            if (thread == null) {
                thread = Thread.currentThread();
            }
        }
        Throwable cause = null;
        try {
            KafkaTopics.ensureWithDeadLetters(config.bootstrapServers(), config.consumerOverrides(), config.topic(), 1);
            IngestLedger.ensure(config.bootstrapServers(), config.consumerOverrides(), config.topic());
            consumer = new KafkaConsumer<>(consumerProps(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
            storeThreadEnded = false;
            storing = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "ingest-" + config.topic() + "-store");
                t.setDaemon(true);
                return t;
            });
            producer = newProducer();
            if (producer == null) {
                return;
            }
            resolveUncommitted();
            consumer.subscribe(List.of(config.topic()), new CommitOnRevoke());
            while (running) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(config.pollTimeout());
                } catch (WakeupException e) {
                    break;
                }
                if (!records.isEmpty()) {
                    batch.beginIfNeeded();
                    List<ValidStep> valid = new ArrayList<>(records.count());
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        batch.track(r);
                        ExpertStep step = check(r);
                        if (step != null) {
                            valid.add(new ValidStep(step, new RecordOrigin(r.topic(), r.partition(), r.offset()), r));
                        }
                    }
                    handOver(valid);
                }
                updateLag();
                if (batch.isDue()) {
                    commitBatch();
                }
            }
            if (batch.open) {
                commitBatch();
            }
        } catch (RuntimeException | Error e) {
            cause = e;
            throw e;
        } finally {
            closeClients(cause);
        }
    }

    /** The counters so far. */
    public IngestStatistics statistics() {
        return new IngestStatistics(consumed.get(), stored.get(), duplicates.get(), deadLettered.get(), lag.get(),
                replays.get(), rolledBack.get());
    }

    /**
     * The error that stopped a {@link #start() started} ingester, as raised where it happened (the
     * store's own exception when storing failed), or null; never one raised while closing after it,
     * which is attached as suppressed. An interruption by a forced {@link #close(Duration)} is no
     * failure.
     */
    public Throwable failure() {
        return failure.get();
    }

    /** Whether the poll loop is running. */
    public boolean isRunning() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    /** {@link #close(Duration)} with a 20 s timeout. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * Stops the loop and returns within about {@code timeout}, whatever state the ingester is in. For
     * the first half of it the loop may commit its open batch; then its thread is interrupted, which
     * ends a wait for an unreachable broker or a stuck store thread, and the clients are closed by the
     * deadline. An uncommitted batch is read again by the next ingester. Idempotent.
     *
     * @return true when it stopped cleanly: without being interrupted, with its last batch committed
     *     and no failure (or it never started); false when it had to be interrupted, left a batch to be
     *     read again, had failed, or a thread of it is still running at the deadline
     */
    public boolean close(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout: expected a duration >= 0, found " + timeout);
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Thread t;
        synchronized (this) {
            closeDeadline = deadline - Math.min(timeout.toNanos() / 10, Duration.ofSeconds(1).toNanos());
            closing = true;
            running = false;
            t = thread;
        }
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (t == null || t == Thread.currentThread()) {
            return t == null;
        }
        boolean interrupted = false;
        boolean forced = false;
        try {
            t.join(Math.max(1, timeout.toMillis() / 2));
            if (t.isAlive()) {
                forced = true;
                t.interrupt();
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        boolean ended = !t.isAlive() && storeThreadEnded;
        if (!ended) {
            LOG.warn("ingester for {}: still running {} ms after close; its threads are left to end on their own",
                    config.topic(), (System.nanoTime() - start) / 1_000_000);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ended && !forced && !leftForReplay && failure.get() == null;
    }

    /** Decodes, maps and validates a record; dead-letters it and returns null when any step fails. */
    private ExpertStep check(ConsumerRecord<byte[], byte[]> r) {
        T value;
        try {
            value = codec.decode(r.value());
        } catch (PayloadException e) {
            deadLetter(r, "decode", e.getMessage());
            return null;
        }
        ExpertStep step;
        try {
            step = mapper.toStep(value);
        } catch (RuntimeException e) {
            deadLetter(r, "map", message(e));
            return null;
        }
        try {
            validator.validate(step);
        } catch (RuntimeException e) {
            deadLetter(r, "validate", message(e));
            return null;
        }
        return step;
    }

    /**
     * Gives a poll's valid steps to the store thread, which appends them in order while this thread
     * polls and checks the next records. At most {@link #POLLS_IN_FLIGHT} polls wait, so a slow disk
     * slows polling instead of filling memory.
     */
    private void handOver(List<ValidStep> valid) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingester for " + config.topic() + " interrupted", e);
        }
        storing.execute(() -> {
            try {
                if (storeFailure.get() == null) {
                    for (ValidStep v : valid) {
                        AppendOutcome appended = store.append(v.step(), v.origin());
                        switch (appended.kind()) {
                            case ACCEPTED -> outcome.stored++;
                            case DUPLICATE -> outcome.duplicates++;
                            case REFUSED -> {
                                outcome.refused++;
                                sendDeadLetter(v.record(), "store", appended.reason());
                            }
                        }
                    }
                }
            } catch (RuntimeException | Error e) {
                storeFailure.compareAndSet(null, e);
            } finally {
                inFlight.release();
            }
        });
    }

    /**
     * Waits until the store thread has handled every record handed over, flushes the store there as
     * the open batch, still uncommitted, and returns what the batch came to.
     *
     * @throws RuntimeException the store thread's own exception or error when storing failed, so
     *     {@link #failure()} names the original cause: the ingester cannot go on
     */
    private BatchOutcome flushStore() {
        String batchId = batch.id;
        List<UncommittedBatch.Span> spans = batch.spans();
        Future<BatchOutcome> flushed = storing.submit(() -> {
            if (storeFailure.get() == null) {
                store.flushUncommitted(batchId, spans);
            }
            return outcome.takeAndReset();
        });
        BatchOutcome o;
        try {
            o = flushed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingester for " + config.topic() + " interrupted while flushing", e);
        } catch (ExecutionException e) {
            storeFailure.compareAndSet(null, e.getCause());
            o = null;
        }
        Throwable broken = storeFailure.get();
        if (broken instanceof RuntimeException e) {
            throw e;
        }
        if (broken instanceof Error e) {
            throw e;
        }
        if (broken != null) {
            throw new IllegalStateException("ingester for " + config.topic() + ": storing failed: " + broken, broken);
        }
        return o;
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> r, String stage, String reason) {
        batch.deadLettered++;
        sendDeadLetter(r, stage, reason);
    }

    /**
     * Sends a dead letter in the open transaction; the poll thread and the store thread both do, and
     * the store thread's are sent before {@link #flushStore()} returns, so before the commit.
     */
    private void sendDeadLetter(ConsumerRecord<byte[], byte[]> r, String stage, String reason) {
        try {
            producer.send(DeadLetter.of(r, stage, reason), (metadata, error) -> {
                if (error != null) {
                    batch.sendFailed = true;
                }
            });
        } catch (KafkaException e) {
            // Not sent, and the transaction may not know it: the batch must not commit.
            batch.sendFailed = true;
        }
    }

    /**
     * Flushes the store, then commits dead letters, the batch's receipt in the {@link IngestLedger}
     * and the offsets together, and tells the store; replays the batch if that fails.
     */
    private void commitBatch() {
        BatchOutcome done = flushStore();
        listener.storeFlushed(done.stored());
        if (batch.sendFailed) {
            LOG.warn("ingester for {}: a dead letter could not be sent; replaying the batch of {} records",
                    config.topic(), batch.records);
            replayBatch(true);
            return;
        }
        try {
            producer.send(IngestLedger.receipt(config.topic(), config.transactionalId(), batch.id), (metadata, error) -> {
                if (error != null) {
                    batch.sendFailed = true;
                }
            });
            producer.sendOffsetsToTransaction(batch.nextOffsets(), consumer.groupMetadata());
        } catch (ProducerFencedException | AuthorizationException e) {
            throw fenced(e);
        } catch (KafkaException e) {
            LOG.warn("ingester for {}: sending offsets failed ({}); replaying the batch of {} records",
                    config.topic(), e.toString(), batch.records);
            replayBatch(true);
            return;
        }
        while (true) {
            try {
                producer.commitTransaction();
                break;
            } catch (TimeoutException e) {
                // The broker is unreachable; a timed-out commit may be retried once it is back.
                if (!running) {
                    LOG.warn("ingester for {}: giving up committing a batch of {} records on close ({}); it will be"
                            + " read again", config.topic(), batch.records, e.getMessage());
                    replayBatch(false);
                    return;
                }
                LOG.warn("ingester for {}: commit timed out ({}), retrying", config.topic(), e.getMessage());
                pause();
            } catch (ProducerFencedException | AuthorizationException e) {
                throw fenced(e);
            } catch (KafkaException e) {
                LOG.warn("ingester for {}: commit failed ({}); replaying the batch of {} records", config.topic(),
                        e.toString(), batch.records);
                replayBatch(true);
                return;
            }
        }
        store.commitBatch(batch.id);
        consumed.addAndGet(batch.records);
        stored.addAndGet(done.stored());
        duplicates.addAndGet(done.duplicates());
        deadLettered.addAndGet(batch.deadLettered + done.refused());
        batch.reset();
        listener.batchCommitted(statistics());
    }

    private IllegalStateException fenced(KafkaException e) {
        return new IllegalStateException("ingester for " + config.topic() + ": transactional id "
                + config.transactionalId() + " cannot commit: " + e.getMessage(), e);
    }

    /**
     * Abandons the open transaction, takes what the store flushed of the batch back out, and, if
     * {@code seekBack}, seeks to the batch's first records so they are read again (by this ingester
     * or, after a rebalance, another one); the aborted dead letters are written again. When the
     * abort's outcome is unknown (an unusable producer), the batch's fate is settled from the
     * {@link IngestLedger} once a new producer has initialised, or at the next start.
     */
    private void replayBatch(boolean seekBack) {
        replays.incrementAndGet();
        if (closing) {
            leftForReplay = true;
        }
        try {
            producer.abortTransaction();
            rolledBack.addAndGet(store.rollBackUncommitted());
        } catch (KafkaException e) {
            // An unusable producer (broker gone, epoch bumped by a transaction timeout): a new one with the
            // same transactional id aborts whatever the old one left open when it initialises, unless the
            // commit had already begun, which it completes; the ledger then tells which it was.
            producer.close(Duration.ZERO);
            producer = running ? newProducer() : null;
            if (producer != null) {
                resolveUncommitted();
            }
        }
        if (seekBack) {
            Collection<TopicPartition> assigned = consumer.assignment();
            batch.firstOffsets.forEach((tp, offset) -> {
                if (assigned.contains(tp)) {
                    consumer.seek(tp, offset);
                }
            });
        }
        batch.reset();
    }

    /**
     * Settles a batch the store flushed whose commit is not known to have happened (left by a crash,
     * a close that gave up, or an unusable producer): kept when the ledger holds its receipt,
     * otherwise taken out of the store, since its records will be read again.
     */
    private void resolveUncommitted() {
        Optional<UncommittedBatch> open = store.uncommittedBatch();
        if (open.isEmpty()) {
            return;
        }
        String id = open.get().id();
        Optional<String> committed = IngestLedger.lastCommitted(config.bootstrapServers(), config.consumerOverrides(),
                config.topic(), config.transactionalId(), LEDGER_READ_TIMEOUT);
        if (committed.isPresent() && committed.get().equals(id)) {
            store.commitBatch(id);
            LOG.info("ingester for {}: batch {} flushed before the last stop was committed; its steps stay",
                    config.topic(), id);
        } else {
            long removed = store.rollBackUncommitted();
            rolledBack.addAndGet(removed);
            LOG.warn("ingester for {}: batch {} flushed before the last stop was never committed; took its {} steps"
                    + " out of the store (its records are read again)", config.topic(), id, removed);
        }
    }

    private void updateLag() {
        long total = 0;
        boolean known = false;
        for (TopicPartition tp : consumer.assignment()) {
            OptionalLong l = consumer.currentLag(tp);
            if (l.isPresent()) {
                total += l.getAsLong();
                known = true;
            }
        }
        if (known) {
            lag.set(total);
        }
    }

    /** A transactional producer; waits for an unreachable broker rather than giving up, or null once closing. */
    private KafkaProducer<byte[], byte[]> newProducer() {
        while (true) {
            KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(producerProps(), new ByteArraySerializer(),
                    new ByteArraySerializer());
            try {
                p.initTransactions();
                return p;
            } catch (TimeoutException e) {
                p.close(Duration.ZERO);
                if (!running) {
                    LOG.warn("ingester for {}: closed while waiting for Kafka at {}", config.topic(),
                            config.bootstrapServers());
                    return null;
                }
                LOG.warn("ingester for {}: Kafka unreachable while starting the producer ({}), retrying",
                        config.topic(), e.getMessage());
            }
        }
    }

    private Map<String, Object> consumerProps() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.transactionalId() + "-consumer");
        // Static membership under the same stable id as the producer: a restarted ingester takes its
        // partitions back at once instead of waiting out the crashed member's session timeout.
        p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, config.transactionalId());
        p.putAll(config.consumerOverrides());
        return p;
    }

    private Map<String, Object> producerProps() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.transactionalId() + "-dlq");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.putAll(config.producerOverrides());
        return p;
    }

    /**
     * Closes the store thread and the clients, each by the close deadline when closing. A failure
     * while closing is attached to {@code cause} (the error that ended the loop) rather than
     * replacing it, or logged when the loop ended normally.
     */
    private void closeClients(Throwable cause) {
        abandoned = true;
        // A forced close interrupted this thread; closing the clients must not trip over it.
        boolean interrupted = Thread.interrupted();
        List<RuntimeException> problems = new ArrayList<>();
        if (storing != null) {
            storing.shutdown();
            try {
                if (!storing.awaitTermination(budget(STORE_THREAD_WAIT).toMillis(), TimeUnit.MILLISECONDS)) {
                    storing.shutdownNow();
                    LOG.warn("ingester for {}: the store thread did not finish its work in time", config.topic());
                } else {
                    storeThreadEnded = true;
                }
            } catch (InterruptedException e) {
                storing.shutdownNow();
                interrupted = true;
            }
        }
        KafkaProducer<byte[], byte[]> p = producer;
        if (p != null) {
            try {
                p.close(budget(CLIENT_CLOSE_WAIT));
            } catch (RuntimeException e) {
                problems.add(e);
            }
            producer = null;
        }
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            try {
                c.close(budget(CLIENT_CLOSE_WAIT));
            } catch (RuntimeException e) {
                problems.add(e);
            }
            consumer = null;
        }
        for (RuntimeException problem : problems) {
            if (cause != null) {
                cause.addSuppressed(problem);
            } else {
                LOG.warn("ingester for {}: closing a Kafka client failed", config.topic(), problem);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code normal}, or less when a close is under way: what is left until its deadline. */
    private Duration budget(Duration normal) {
        if (!closing) {
            return normal;
        }
        long left = Math.max(0, closeDeadline - System.nanoTime());
        return left < normal.toNanos() ? Duration.ofNanos(left) : normal;
    }

    private static void pause() {
        try {
            Thread.sleep(COMMIT_RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Commits before partitions move to another member, so they resume exactly where this one stopped. */
    private final class CommitOnRevoke implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (batch.open && !abandoned) {
                commitBatch();
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Positions come from the committed offsets; nothing to do.
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (batch.open && !abandoned) {
                // The partitions already belong to another member, which reads the batch's records again:
                // the offsets cannot be committed, so the transaction is dropped and the batch taken back out.
                flushStore();
                replayBatch(false);
            }
        }
    }

    /** A checked step and the record it came from, on its way to the store thread. */
    private record ValidStep(ExpertStep step, RecordOrigin origin, ConsumerRecord<byte[], byte[]> record) {
    }

    /** What the store thread made of a batch; {@code refused} steps were dead-lettered there. */
    private record BatchOutcome(int stored, int duplicates, int refused) {
    }

    /** The store thread's tally of the open batch; read and reset there, by {@link #flushStore()}. */
    private static final class StoreSide {
        int stored;
        int duplicates;
        int refused;

        BatchOutcome takeAndReset() {
            BatchOutcome o = new BatchOutcome(stored, duplicates, refused);
            stored = 0;
            duplicates = 0;
            refused = 0;
            return o;
        }
    }

    /** The records handed over since the last commit (poll thread only). */
    private final class Batch {
        boolean open;
        /** The id of the open batch: its store flush and its ledger receipt carry it. */
        String id;
        long startedNanos;
        int records;
        int deadLettered;
        volatile boolean sendFailed;
        final Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        final Map<TopicPartition, Long> lastOffsets = new HashMap<>();

        void beginIfNeeded() {
            if (!open) {
                producer.beginTransaction();
                open = true;
                id = UUID.randomUUID().toString();
                startedNanos = System.nanoTime();
            }
        }

        void track(ConsumerRecord<byte[], byte[]> r) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            firstOffsets.putIfAbsent(tp, r.offset());
            lastOffsets.put(tp, r.offset());
            records++;
        }

        boolean isDue() {
            return open && (records >= config.flushRecords()
                    || System.nanoTime() - startedNanos >= config.flushInterval().toNanos());
        }

        List<UncommittedBatch.Span> spans() {
            List<UncommittedBatch.Span> spans = new ArrayList<>(firstOffsets.size());
            firstOffsets.forEach((tp, first) -> spans.add(new UncommittedBatch.Span(tp.topic(), tp.partition(), first,
                    lastOffsets.get(tp))));
            return spans;
        }

        Map<TopicPartition, OffsetAndMetadata> nextOffsets() {
            Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
            lastOffsets.forEach((tp, o) -> m.put(tp, new OffsetAndMetadata(o + 1)));
            return m;
        }

        void reset() {
            open = false;
            records = 0;
            deadLettered = 0;
            sendFailed = false;
            firstOffsets.clear();
            lastOffsets.clear();
        }
    }
}
