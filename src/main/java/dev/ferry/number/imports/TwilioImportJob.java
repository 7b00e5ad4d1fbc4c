package dev.ferry.number.imports;

import dev.ferry.audit.AuditLog;
import dev.ferry.common.problem.Problem.FieldError;
import dev.ferry.job.JobContext;
import dev.ferry.job.JobFailedException;
import dev.ferry.job.JobHandler;
import dev.ferry.number.domain.NumberProvider;
import dev.ferry.number.domain.NumberType;
import dev.ferry.provider.ProviderException;
import dev.ferry.provider.TwilioAccount;
import dev.ferry.provider.twilio.TwilioClient;
import dev.ferry.provider.twilio.TwilioModels.Account;
import dev.ferry.provider.twilio.TwilioModels.IncomingNumber;
import dev.ferry.provider.twilio.TwilioModels.MessagingService;
import dev.ferry.provider.twilio.TwilioModels.ServicePhoneNumber;
import dev.ferry.provider.vault.ProviderVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Imports a tenant's whole Twilio inventory: every incoming number of the connected account and of each of its
 * subaccounts (every page), with the Messaging Service each number belongs to. The numbers are merged into the
 * inventory like a CSV import (a re-import updates and never duplicates); Twilio numbers of the inventory that the
 * import did not bring are marked missing from Twilio and listed in the result. All or nothing: a number that does
 * not validate fails the job and nothing is written.
 *
 * <p>Twilio is read inside the job's transaction; a provider failure fails the job (after the client's own retries)
 * and the import can simply be started again.
 */
@ApplicationScoped
public class TwilioImportJob implements JobHandler {

    public static final String KIND = "number.import.twilio";
    private static final Logger LOG = Logger.getLogger(TwilioImportJob.class);

    @Inject
    ProviderVault vault;

    @Inject
    TwilioClient twilio;

    @Inject
    NumberImporter importer;

    @Inject
    AuditLog audit;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Object run(JobContext context) {
        TwilioAccount main = vault.twilio();
        List<Account> accounts;
        Map<String, String> serviceOf = new HashMap<>();
        List<NumberRow> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> perAccount = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        boolean repeated = false;
        String actor = context.input().path("submittedBy").asText("system");
        String reason = "imported from Twilio (job " + context.jobId() + ")";
        NumberImporter.Paged paged;
        try {
            accounts = twilio.listAccounts(main);
            for (Account account : accounts) {
                servicesOf(main, account, serviceOf);
            }
            paged = importer.paged(context.tenantId(), actor, reason);
            // Pages are read ahead on another thread while this one checks and merges what has arrived.
            try (PageReader reader = new PageReader(main, accounts, context.tenantId())) {
                for (List<Page> pages = reader.next(); !pages.isEmpty(); pages = reader.next()) {
                    List<NumberRow> fresh = new ArrayList<>();
                    for (Page page : pages) {
                        perAccount.merge(page.accountSid(), page.numbers().size(), Integer::sum);
                        for (IncomingNumber n : page.numbers()) {
                            NumberRow row = row(n, serviceOf);
                            if (row == null) {
                                errors.add(new FieldError(
                                        "account " + n.accountSid() + ", " + n.sid() + ": phone_number",
                                        "is not a valid phone number",
                                        n.phoneNumber()));
                            } else {
                                rows.add(row);
                                fresh.add(row);
                                repeated |= !seen.add(row.e164());
                            }
                        }
                    }
                    // Nothing is merged once a number failed (the job fails and rolls back) or repeated (the whole
                    // import is merged at the end, each number as its last listing).
                    if (errors.isEmpty() && !repeated) {
                        paged.add(fresh);
                    }
                    context.progress(rows.size(), null);
                }
            }
        } catch (ProviderException e) {
            throw new JobFailedException("Twilio did not answer as expected: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new JobFailedException(
                    errors.size() + " Twilio numbers are not valid phone numbers; nothing was imported",
                    errors,
                    errors.size());
        }
        NumberImporter.Outcome outcome;
        if (repeated) {
            paged.discard();
            rows = unique(rows);
            context.progress(0, rows.size());
            outcome = importer.merge(context.tenantId(), NumberImporter.stage(rows), actor, reason);
        } else {
            context.progress(0, rows.size());
            outcome = paged.finish();
        }
        NumberImporter.Reconciled reconciled = importer.reconcileTwilio(context.tenantId());

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("source", "twilio");
        result.put("accounts", perAccount);
        result.put("numbers", rows.size());
        result.put("created", outcome.created());
        result.put("updated", outcome.updated());
        result.put("unchanged", outcome.unchanged());
        result.put("disappeared", reconciled.disappeared());
        result.put("disappearedCount", reconciled.disappearedCount());
        result.put("reappeared", reconciled.reappeared());
        audit.record(context.tenantId(), "number.imported", "job", Long.toString(context.jobId()), null, result);
        LOG.infof(
                "Twilio import job %d: %d numbers in %d accounts, %d created, %d updated, %d disappeared",
                context.jobId(),
                rows.size(),
                accounts.size(),
                outcome.created(),
                outcome.updated(),
                reconciled.disappearedCount());
        return result;
    }

    /** One page of an account's incoming numbers. */
    private record Page(String accountSid, List<IncomingNumber> numbers) {}

    /**
     * Reads every account's incoming numbers, page after page, on a thread of its own, at most {@value #AHEAD} pages
     * ahead of the job. A failure to read is handed over in place of the next page; closing stops the reading.
     */
    private final class PageReader implements AutoCloseable {

        /**
         * Pages read ahead at most. While the job merges what it took, the reader keeps going; the job then takes all
         * pages waiting at once, so that a merge slower than Twilio writes fewer, larger batches.
         */
        static final int AHEAD = 8;

        private static final Object END = new Object();

        private final BlockingQueue<Object> ahead = new ArrayBlockingQueue<>(AHEAD);
        private final Future<?> reading;
        private boolean ended;

        PageReader(TwilioAccount main, List<Account> accounts, String tenantId) {
            reading = READERS.submit(() -> {
                MDC.put("tenant", tenantId);
                try {
                    for (Account account : accounts) {
                        twilio.eachIncomingNumberPage(
                                main, account.sid(), numbers -> hand(new Page(account.sid(), numbers)));
                    }
                    hand(END);
                } catch (RuntimeException e) {
                    hand(e);
                } catch (Error e) {
                    hand(new IllegalStateException("Reading Twilio failed", e));
                    throw e;
                } finally {
                    MDC.remove("tenant");
                }
            });
        }

        private void hand(Object item) {
            try {
                ahead.put(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("the import stopped reading");
            }
        }

        /** The pages read so far and not yet taken (waiting for one), in order; empty after the last. */
        List<Page> next() {
            List<Object> items = new ArrayList<>();
            if (ended) {
                return List.of();
            }
            try {
                items.add(ahead.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JobFailedException("The import was interrupted");
            }
            ahead.drainTo(items);
            List<Page> pages = new ArrayList<>(items.size());
            for (Object item : items) {
                if (item instanceof RuntimeException failure) {
                    throw failure;
                }
                if (item == END) {
                    ended = true;
                    break;
                }
                pages.add((Page) item);
            }
            return pages;
        }

        @Override
        public void close() {
            reading.cancel(true);
        }
    }

    /** Threads that read Twilio ahead of import jobs; they end when idle. */
    private static final ExecutorService READERS =
            new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "twilio-import-reader");
                t.setDaemon(true);
                return t;
            });

    /** Messaging Services are read with the credentials of the account that owns them. */
    private void servicesOf(TwilioAccount main, Account account, Map<String, String> serviceOf) {
        TwilioAccount credentials;
        if (account.sid().equals(main.accountSid())) {
            credentials = main;
        } else if (account.authToken() != null) {
            credentials = new TwilioAccount(account.sid(), account.authToken(), main.baseUrl());
        } else {
            LOG.warnf("Messaging Services of subaccount %s skipped: Twilio gave no token for it", account.sid());
            return;
        }
        for (MessagingService service : twilio.listMessagingServices(credentials)) {
            for (ServicePhoneNumber number : twilio.listServicePhoneNumbers(credentials, service.sid())) {
                serviceOf.put(number.sid(), service.sid());
            }
        }
    }

    private static NumberRow row(IncomingNumber n, Map<String, String> serviceOf) {
        if (n.phoneNumber() == null) {
            return null;
        }
        NumberCheck.Checked checked = NumberCheck.check(n.phoneNumber(), null, true);
        if (checked == null) {
            return null;
        }
        var capabilities = n.capabilities();
        return new NumberRow(
                checked.e164(),
                checked.region(),
                checked.type() == null ? NumberType.OTHER : checked.type(),
                capabilities != null && Boolean.TRUE.equals(capabilities.voice()),
                capabilities != null && Boolean.TRUE.equals(capabilities.sms()),
                capabilities != null && Boolean.TRUE.equals(capabilities.mms()),
                NumberProvider.TWILIO,
                List.of(),
                n.sid(),
                n.accountSid(),
                n.friendlyName(),
                n.voiceUrl(),
                n.smsUrl(),
                n.statusCallback(),
                serviceOf.get(n.sid()));
    }

    /** A number listed twice (under the main account and a subaccount) is imported once, as its last listing. */
    private static List<NumberRow> unique(List<NumberRow> rows) {
        Map<String, NumberRow> byNumber = new LinkedHashMap<>();
        rows.forEach(r -> byNumber.put(r.e164(), r));
        return new ArrayList<>(byNumber.values());
    }
}
