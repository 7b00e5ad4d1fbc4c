package dev.ferry.number.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.access.Caller;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.common.problem.ProblemType;
import dev.ferry.job.JobService;
import dev.ferry.job.api.JobView;
import dev.ferry.job.domain.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** Starts imports into the inventory. */
@ApplicationScoped
public class NumberImports {

    private static final Logger LOG = Logger.getLogger(NumberImports.class);

    @Inject
    JobService jobs;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    /** Queues an import of the connected Twilio account's whole inventory, subaccounts included. */
    @Transactional
    public JobView startTwilio(String tenantId) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("source", "twilio");
        input.put("submittedBy", caller.username());
        Job job = jobs.submit(tenantId, TwilioImportJob.KIND, input, null, null);
        LOG.infof("Twilio import queued as job %d", job.id);
        return JobView.of(job, json);
    }

    /** Queues a job of another kind with its input, such as a Plivo sync or a bulk purchase. */
    @Transactional
    public JobView start(String tenantId, String kind, Map<String, Object> input, Integer total) {
        Map<String, Object> withSubmitter = new LinkedHashMap<>(input);
        withSubmitter.put("submittedBy", caller.username());
        Job job = jobs.submit(tenantId, kind, withSubmitter, null, total);
        LOG.infof("%s queued as job %d", kind, job.id);
        return JobView.of(job, json);
    }

    /**
     * Checks a CSV upload and queues the job that applies it. A file with any bad row is refused whole, with every
     * bad row named by its line number and field (the first {@value CsvLimits#MAX_ERRORS_LISTED}, and errorCount).
     *
     * @throws ProblemException 413 over {@value CsvLimits#MAX_BYTES} bytes or {@value CsvLimits#MAX_ROWS} rows,
     *     400 with errors[] for bad rows
     */
    @Transactional
    public JobView startCsv(String tenantId, String fileName, byte[] file) {
        if (file.length > CsvLimits.MAX_BYTES) {
            throw new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE, "The file is larger than " + CsvLimits.MAX_BYTES + " bytes (10 MB)");
        }
        CsvNumberParser.Result parsed;
        try {
            parsed = CsvNumberParser.parse(file);
        } catch (CsvNumberParser.TooManyRows e) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
        }
        if (!parsed.ok()) {
            String detail = parsed.errorCount() == 1
                    ? "The file has a bad row; nothing was imported"
                    : "The file has " + parsed.errorCount() + " errors; nothing was imported";
            throw new ProblemException(ProblemType.VALIDATION, detail, parsed.errors())
                    .with("errorCount", parsed.errorCount());
        }

        Map<String, Object> input = new LinkedHashMap<>();
        input.put("source", "csv");
        input.put("layout", parsed.layout());
        input.put("fileName", fileName);
        input.put("rows", parsed.rows().size());
        input.put("submittedBy", caller.username());
        Job job = jobs.submit(
                tenantId,
                CsvImportJob.KIND,
                input,
                NumberImporter.stage(parsed.rows()),
                parsed.rows().size());
        LOG.infof("CSV import of %d numbers queued as job %d", parsed.rows().size(), job.id);
        return JobView.of(job, json);
    }
}
